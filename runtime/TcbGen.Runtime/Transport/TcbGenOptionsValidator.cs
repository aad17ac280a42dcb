using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.Extensions.Options;

namespace TcbGen.Runtime
{
    /// <summary>Checks <see cref="TcbGenOptions"/>: an HTTPS (or loopback) absolute base address, positive limits, sane retry settings.</summary>
    public sealed class TcbGenOptionsValidator : IValidateOptions<TcbGenOptions>
    {
        /// <inheritdoc />
        public ValidateOptionsResult Validate(string? name, TcbGenOptions options)
        {
            if (options is null)
            {
                return ValidateOptionsResult.Fail("TcbGenOptions is null.");
            }

            List<string> failures = Check(options);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        /// <summary>Whether a base address may be used: absolute, and HTTPS unless its host is loopback.</summary>
        /// <param name="baseAddress">The base address.</param>
        /// <returns>Whether it is allowed.</returns>
        public static bool IsAllowedBaseAddress(Uri? baseAddress)
        {
            if (baseAddress is null || !baseAddress.IsAbsoluteUri)
            {
                return false;
            }

            if (string.Equals(baseAddress.Scheme, "https", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return string.Equals(baseAddress.Scheme, "http", StringComparison.OrdinalIgnoreCase) && IsLoopbackHost(baseAddress);
        }

        internal static void ThrowIfInvalid(TcbGenOptions options, string parameterName)
        {
            List<string> failures = Check(options ?? throw new ArgumentNullException(parameterName));
            if (failures.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", failures), parameterName);
            }
        }

        private static bool IsLoopbackHost(Uri uri)
        {
            string host = uri.IdnHost.Trim('[', ']');
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address);
        }

        private static List<string> Check(TcbGenOptions options)
        {
            var failures = new List<string>();
            if (!IsAllowedBaseAddress(options.BaseAddress))
            {
                failures.Add("BaseAddress must be an absolute HTTPS address (plain HTTP is allowed only for loopback hosts: 127.0.0.0/8, ::1, localhost); got '" + options.BaseAddress + "'.");
            }

            if (options.MaxResponseBytes <= 0)
            {
                failures.Add("MaxResponseBytes must be positive.");
            }

            CheckTimeout(failures, options.AttemptTimeout, nameof(TcbGenOptions.AttemptTimeout));
            CheckTimeout(failures, options.TotalTimeout, nameof(TcbGenOptions.TotalTimeout));

            TcbRetryOptions? retry = options.Retry;
            if (retry is null)
            {
                failures.Add("Retry must not be null.");
            }
            else
            {
                if (retry.MaxAttempts < 1)
                {
                    failures.Add("Retry.MaxAttempts must be at least 1.");
                }

                if (retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < retry.BaseDelay)
                {
                    failures.Add("Retry.BaseDelay must be non-negative and not above Retry.MaxDelay.");
                }

                if (retry.RateLimitDelay < TimeSpan.Zero || retry.MaxRetryAfter < TimeSpan.Zero)
                {
                    failures.Add("Retry.RateLimitDelay and Retry.MaxRetryAfter must be non-negative.");
                }
            }

            if (options.Tokens is null || options.Tokens.RefreshMargin < TimeSpan.Zero)
            {
                failures.Add("Tokens.RefreshMargin must be non-negative.");
            }
            else if (options.Tokens.RotationWait < TimeSpan.Zero)
            {
                failures.Add("Tokens.RotationWait must be non-negative.");
            }

            if (options.ThirdParty is null)
            {
                failures.Add("ThirdParty must not be null.");
            }
            else
            {
                CheckPageAddress(failures, options.ThirdParty.AuthorizationPageBaseAddress, "ThirdParty.AuthorizationPageBaseAddress");
                CheckPageAddress(failures, options.ThirdParty.MobileAuthorizationPageBaseAddress, "ThirdParty.MobileAuthorizationPageBaseAddress");
            }

            return failures;
        }

        /// <summary>An authorization page's host: the same rule as <see cref="TcbGenOptions.BaseAddress"/> (HTTPS, or HTTP on loopback).</summary>
        private static void CheckPageAddress(List<string> failures, Uri? address, string name)
        {
            if (!IsAllowedBaseAddress(address))
            {
                failures.Add(name + " must be an absolute HTTPS address (plain HTTP is allowed only for loopback hosts); got '" + address + "'.");
            }
        }

        private static void CheckTimeout(List<string> failures, TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
            {
                failures.Add(name + " must be positive or Timeout.InfiniteTimeSpan.");
            }
        }
    }
}
