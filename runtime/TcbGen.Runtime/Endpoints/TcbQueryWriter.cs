using System;
using System.Text;

namespace TcbGen.Runtime
{
    /// <summary>Writes a request's query fields. Generated per endpoint that has any.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <param name="query">Collects the parameters.</param>
    /// <param name="request">The request whose query fields to write.</param>
    public delegate void TcbRequestQueryWriter<in TRequest>(TcbQueryWriter query, TRequest request);

    /// <summary>
    /// Collects query parameters, escaped, for the part of the URL after the token (<c>&amp;name=value…</c>).
    /// Generated code fills it; the transport creates one per call.
    /// </summary>
    public sealed class TcbQueryWriter
    {
        private readonly StringBuilder _text = new StringBuilder();

        internal TcbQueryWriter()
        {
        }

        /// <summary>Adds one parameter.</summary>
        /// <param name="name">The parameter's wire name.</param>
        /// <param name="value">Its value, unescaped.</param>
        public void Add(string name, string value)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            _text.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
        }

        /// <summary>The parameters written by <paramref name="write"/> for <paramref name="request"/>, each as <c>&amp;name=value</c>.</summary>
        internal static string Build<TRequest>(TcbRequestQueryWriter<TRequest> write, TRequest request)
        {
            var query = new TcbQueryWriter();
            write(query, request);
            return query._text.ToString();
        }
    }
}
