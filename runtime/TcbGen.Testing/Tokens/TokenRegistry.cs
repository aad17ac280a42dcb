using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace TcbGen.Testing.Tokens
{
    /// <summary>Every token the emulator issued, by value, and how many each token endpoint handed out. Thread-safe.</summary>
    internal sealed class TokenRegistry
    {
        private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new ConcurrentDictionary<string, IssuedToken>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> _fetchCounts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        private readonly TimeProvider _time;

        public TokenRegistry(TimeProvider time)
        {
            _time = time;
        }

        public DateTimeOffset Now => _time.GetUtcNow();

        public IssuedToken Issue(string kind, string? appId, TimeSpan lifetime, string? env = null)
        {
            // Opaque like WeChat's: nothing in the value tells its kind or appid.
            string value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(36)).Replace('+', '-').Replace('/', '_');
            var token = new IssuedToken(value, kind, appId, Now + lifetime, env);
            _tokens[value] = token;
            return token;
        }

        public IssuedToken? Find(string value) => _tokens.TryGetValue(value, out IssuedToken? token) ? token : null;

        public bool IsExpired(IssuedToken token) => token.IsExpired(Now);

        /// <summary>Expires one token; false when the emulator never issued it.</summary>
        public bool Expire(string value)
        {
            IssuedToken? token = Find(value);
            token?.Expire();
            return token != null;
        }

        public void ExpireAll()
        {
            foreach (IssuedToken token in _tokens.Values)
            {
                token.Expire();
            }
        }

        /// <summary>Counts one token handed out by a token endpoint (not by the direct test API).</summary>
        public void CountFetch(string kind) => _fetchCounts.AddOrUpdate(kind, 1, (_, count) => count + 1);

        public int FetchCount(string kind) => _fetchCounts.TryGetValue(kind, out int count) ? count : 0;
    }
}
