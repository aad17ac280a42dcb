using StackExchange.Redis;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>The names of every key and channel, all under <c>{prefix}:{componentAppId}:</c>.</summary>
    internal sealed class RedisKeys
    {
        private const string NoAppId = "-";
        private readonly string _root;

        public RedisKeys(string prefix, string componentAppId)
        {
            ComponentAppId = componentAppId;
            _root = prefix + ":" + componentAppId + ":";
            Events = RedisChannel.Literal(_root + "events");
        }

        /// <summary>The platform the keys belong to.</summary>
        public string ComponentAppId { get; }

        /// <summary>The channel on which instances announce drops and renewals.</summary>
        public RedisChannel Events { get; }

        public RedisKey Token(TcbTokenKey key) => _root + "token:" + Suffix(key);

        public RedisKey Lease(TcbTokenKey key) => _root + "lease:" + Suffix(key);

        public RedisKey RefreshToken(string authorizerAppId) => _root + "refresh:" + authorizerAppId;

        /// <summary>The current <c>component_verify_ticket</c>: a hash (<c>id</c>, <c>value</c>, <c>confirmed</c>) that expires with the ticket.</summary>
        public RedisKey VerifyTicket => _root + "ticket";

        /// <summary>The ticket before the current one, kept until the current one has worked once: a hash (<c>id</c>, <c>value</c>).</summary>
        public RedisKey PreviousVerifyTicket => _root + "ticket:previous";

        /// <summary>Which kind of refresh-token store the instances use (<c>redis</c>, or their own), set by the first to start.</summary>
        public RedisKey RefreshTokenStoreMarker => _root + "refresh-store";

        /// <summary>An event message: <c>{verb}|{kind}|{appid}</c>.</summary>
        public static string Event(string verb, TcbTokenKey key) => verb + "|" + Suffix(key).Replace(':', '|');

        public static bool TryParseEvent(string? message, out string verb, out TcbTokenKey key)
        {
            verb = string.Empty;
            key = default;
            string[] parts = (message ?? string.Empty).Split('|');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return false;
            }

            verb = parts[0];
            key = new TcbTokenKey(new TcbTokenKind(parts[1]), parts[2] == NoAppId ? null : parts[2]);
            return true;
        }

        private static string Suffix(TcbTokenKey key) => key.Kind.Name + ":" + (key.AppId ?? NoAppId);
    }
}
