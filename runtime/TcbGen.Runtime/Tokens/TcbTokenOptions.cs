using System;

namespace TcbGen.Runtime
{
    /// <summary>Access token caching options.</summary>
    public sealed class TcbTokenOptions
    {
        /// <summary>How long before its <c>expires_in</c> a cached token is renewed. Default 5 minutes.</summary>
        public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
    }
}
