using System;
using System.Threading;

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

        /// <summary>The address of the endpoint at <paramref name="path"/> under this base, with <paramref name="tokenParameter"/>.</summary>
        public TcbEndpointAddress Create(string path, string tokenParameter) => Create(_base, path, tokenParameter);

        /// <summary>The same endpoint's address under another token parameter; built per call, not cached.</summary>
        public TcbEndpointAddress WithParameter(TcbEndpointAddress address, string tokenParameter) => Create(address.Base, address.Path, tokenParameter);

        private static TcbEndpointAddress Create(string @base, string path, string tokenParameter)
            => new TcbEndpointAddress(@base, path, tokenParameter, @base + NormalizePath(path) + "?" + tokenParameter + "=");

        private static string NormalizePath(string path) => path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path;
    }

    /// <summary>
    /// One endpoint's URL under one base address: the prefix up to the token's value, the redacted form for logs, and
    /// the last URI built (reused while the token stays the same, so a call builds no string and parses no URI).
    /// Immutable apart from that last URI, which is replaced atomically; safe to share between threads.
    /// </summary>
    internal sealed class TcbEndpointAddress
    {
        private Uri? _last;

        public TcbEndpointAddress(string @base, string path, string tokenParameter, string prefix)
        {
            Base = @base;
            Path = path;
            TokenParameter = tokenParameter;
            Prefix = prefix;
            Redacted = prefix + "***";
        }

        public string Base { get; }

        public string Path { get; }

        public string TokenParameter { get; }

        /// <summary><c>{base}{path}?{parameter}=</c>.</summary>
        public string Prefix { get; }

        /// <summary>The URL as logs show it: the token's value replaced by <c>***</c>.</summary>
        public string Redacted { get; }

        /// <summary>The URL with <paramref name="tokenValue"/> and then <paramref name="query"/> (<c>&amp;name=value…</c>, escaped); built per call.</summary>
        public Uri WithToken(string tokenValue, string query) => new Uri(Prefix + Uri.EscapeDataString(tokenValue) + query, UriKind.Absolute);

        /// <summary>The URL with <paramref name="tokenValue"/>: one concatenation and one parse, or none when the token is the last one's.</summary>
        public Uri WithToken(string tokenValue)
        {
            string escaped = Uri.EscapeDataString(tokenValue);
            Uri? last = Volatile.Read(ref _last);
            if (last != null)
            {
                string url = last.OriginalString;
                if (url.Length == Prefix.Length + escaped.Length && string.CompareOrdinal(url, Prefix.Length, escaped, 0, escaped.Length) == 0)
                {
                    return last;
                }
            }

            var uri = new Uri(Prefix + escaped, UriKind.Absolute);
            Volatile.Write(ref _last, uri);
            return uri;
        }
    }
}
