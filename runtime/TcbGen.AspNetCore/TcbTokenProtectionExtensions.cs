using System;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TcbGen.Runtime;

namespace TcbGen.AspNetCore
{
    /// <summary>Protects tokens at rest with ASP.NET Core Data Protection.</summary>
    public static class TcbTokenProtectionExtensions
    {
        /// <summary>
        /// Registers <see cref="TcbDataProtectionTokenProtector"/> as the <see cref="ITcbTokenProtector"/> (and Data
        /// Protection itself, if not yet), so stores that support it (<c>UseRedis</c>) keep tokens protected. Configure the
        /// key ring as for any multi-instance application: <c>services.AddDataProtection().SetApplicationName(...)
        /// .PersistKeysTo...(...)</c> (e.g. <c>PersistKeysToStackExchangeRedis</c>) and, ideally, <c>ProtectKeysWith...</c>.
        /// </summary>
        /// <param name="builder">The builder <c>AddTcbGen</c> returned.</param>
        /// <returns>The builder.</returns>
        public static TcbGenBuilder ProtectTokensWithDataProtection(this TcbGenBuilder builder)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            builder.Services.AddDataProtection();
            builder.Services.Replace(ServiceDescriptor.Singleton<ITcbTokenProtector>(provider => new TcbDataProtectionTokenProtector(provider.GetRequiredService<IDataProtectionProvider>())));
            return builder;
        }
    }
}
