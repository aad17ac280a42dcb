using System;

namespace TcbGen.Runtime
{
    /// <summary>The two authorization links for one pre-authorization code (see <see cref="TcbAuthorizationLinks.CreateAsync"/>).</summary>
    public sealed class TcbAuthorizationLink
    {
        /// <summary>Creates the value.</summary>
        /// <param name="pc">The PC authorization page.</param>
        /// <param name="mobile">The mobile link.</param>
        /// <param name="expiresAt">When their pre-authorization code expires.</param>
        public TcbAuthorizationLink(Uri pc, Uri mobile, DateTimeOffset expiresAt)
        {
            Pc = pc ?? throw new ArgumentNullException(nameof(pc));
            Mobile = mobile ?? throw new ArgumentNullException(nameof(mobile));
            ExpiresAt = expiresAt;
        }

        /// <summary>The PC authorization page (<c>componentloginpage</c>), scanned with WeChat.</summary>
        public Uri Pc { get; }

        /// <summary>The mobile link (<c>bindcomponent</c>), opened inside WeChat.</summary>
        public Uri Mobile { get; }

        /// <summary>When the links' pre-authorization code expires; after that WeChat's page refuses them.</summary>
        public DateTimeOffset ExpiresAt { get; }

        /// <inheritdoc />
        public override string ToString() => "TcbAuthorizationLink { ExpiresAt = " + ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " }";
    }
}
