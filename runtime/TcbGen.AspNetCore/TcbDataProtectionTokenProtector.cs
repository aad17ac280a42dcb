using System;
using Microsoft.AspNetCore.DataProtection;
using TcbGen.Runtime;

namespace TcbGen.AspNetCore
{
    /// <summary>
    /// An <see cref="ITcbTokenProtector"/> over ASP.NET Core Data Protection: authenticated encryption with the
    /// application's key ring, which rotates keys (every 90 days by default) and keeps old ones to unprotect what they
    /// protected. Every instance sharing a token store must share the key ring (persisted keys and the same application
    /// name), or one cannot read what another stored.
    /// </summary>
    public sealed class TcbDataProtectionTokenProtector : ITcbTokenProtector
    {
        /// <summary>The purpose string the protector is created with; changing it makes stored values unreadable.</summary>
        public const string Purpose = "TcbGen.Tokens.v1";

        private readonly IDataProtector _protector;

        /// <summary>Creates the protector.</summary>
        /// <param name="provider">The application's Data Protection provider.</param>
        public TcbDataProtectionTokenProtector(IDataProtectionProvider provider)
        {
            _protector = (provider ?? throw new ArgumentNullException(nameof(provider))).CreateProtector(Purpose);
        }

        /// <inheritdoc />
        public string Protect(string token) => _protector.Protect(token);

        /// <inheritdoc />
        public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
    }
}
