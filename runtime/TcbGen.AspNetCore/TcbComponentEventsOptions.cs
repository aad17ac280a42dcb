using System;

namespace TcbGen.AspNetCore
{
    /// <summary>The authorization-event URL's settings, from the open platform console's development settings.</summary>
    public sealed class TcbComponentEventsOptions
    {
        /// <summary>The message verification token (消息校验Token). Never logged.</summary>
        public string? Token { get; set; }

        /// <summary>The current EncodingAESKey (消息加解密Key), 43 characters. Never logged.</summary>
        public string? EncodingAesKey { get; set; }

        /// <summary>The key before the last change, accepted while WeChat switches over; optional. Never logged.</summary>
        public string? PreviousEncodingAesKey { get; set; }

        /// <summary>How far a push's timestamp may be from now, either way, before it is refused as stale (default 5 minutes).</summary>
        public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>The largest body accepted, in bytes (default 64 KiB; a real push is under 2 KiB).</summary>
        public int MaxBodyBytes { get; set; } = 64 * 1024;

        /// <summary>How long a handled push is remembered so a retried one does nothing twice (default 30 minutes).</summary>
        public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(30);

        /// <inheritdoc />
        public override string ToString() => "TcbComponentEventsOptions { Token = ***, EncodingAesKey = ***, TimestampWindow = " + TimestampWindow + " }";
    }
}
