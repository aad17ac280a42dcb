using System;

namespace TcbGen.Runtime
{
    /// <summary>Builds request URIs with a token query parameter, and the redacted form used in logs.</summary>
    internal sealed class TcbRequestUri
    {
        private readonly string _base;

        public TcbRequestUri(Uri baseAddress)
        {
            _base = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        public Uri Build(string path, string? tokenParameter, string? tokenValue)
        {
            string url = _base + NormalizePath(path);
            if (tokenParameter != null && tokenValue != null)
            {
                url += "?" + tokenParameter + "=" + Uri.EscapeDataString(tokenValue);
            }

            return new Uri(url, UriKind.Absolute);
        }

        /// <summary>The URL as logs show it: the token parameter's value replaced by <c>***</c>.</summary>
        public string Redacted(string path, string? tokenParameter)
            => _base + NormalizePath(path) + (tokenParameter is null ? string.Empty : "?" + tokenParameter + "=***");

        private static string NormalizePath(string path) => path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path;
    }
}
