using System;

namespace TcbGen.Runtime
{
    /// <summary>A pre-authorization code (<c>pre_auth_code</c>) from <c>api_create_preauthcode</c>, and when it expires.</summary>
    public sealed class TcbPreAuthCode
    {
        /// <summary>Creates the value.</summary>
        /// <param name="code">The code.</param>
        /// <param name="expiresAt">When WeChat stops accepting it.</param>
        public TcbPreAuthCode(string code, DateTimeOffset expiresAt)
        {
            Code = string.IsNullOrEmpty(code) ? throw new ArgumentException("The code is empty.", nameof(code)) : code;
            ExpiresAt = expiresAt;
        }

        /// <summary>The code, to put in an authorization link. Shown in the link by design, but never logged by TcbGen.</summary>
        public string Code { get; }

        /// <summary>When WeChat stops accepting the code (creation time plus the answer's <c>expires_in</c>).</summary>
        public DateTimeOffset ExpiresAt { get; }

        /// <inheritdoc />
        public override string ToString() => "TcbPreAuthCode { Code = ***, ExpiresAt = " + ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " }";
    }
}
