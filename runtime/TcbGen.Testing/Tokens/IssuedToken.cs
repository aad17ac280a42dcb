using System;

namespace TcbGen.Testing.Tokens
{
    /// <summary>A token the emulator handed out. Its value is never part of <see cref="ToString"/>.</summary>
    internal sealed class IssuedToken
    {
        private volatile bool _revoked;

        public IssuedToken(string value, string kind, string? appId, DateTimeOffset expiresAt, string? env = null)
        {
            Value = value;
            Kind = kind;
            AppId = appId;
            ExpiresAt = expiresAt;
            Env = env;
        }

        public string Value { get; }

        public string Kind { get; }

        public string? AppId { get; }

        public DateTimeOffset ExpiresAt { get; }

        /// <summary>The cloud environment a cloud-call token belongs to, whose whitelist governs it; null for other kinds.</summary>
        public string? Env { get; }

        /// <summary>Expires the token now, whatever its lifetime said.</summary>
        public void Expire() => _revoked = true;

        public bool IsExpired(DateTimeOffset now) => _revoked || now >= ExpiresAt;

        public override string ToString() => $"{Kind} for {AppId ?? "(no appid)"}, expires {ExpiresAt:O}";
    }
}
