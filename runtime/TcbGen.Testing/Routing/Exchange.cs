using System.Text;
using Microsoft.AspNetCore.Http;

namespace TcbGen.Testing.Routing
{
    /// <summary>One request as the handlers see it, plus what they learn about it for the record.</summary>
    internal sealed class Exchange
    {
        public Exchange(string method, string path, IQueryCollection query, byte[] body)
        {
            Method = method;
            Path = path;
            Query = query;
            Body = body;
            BodyText = Encoding.UTF8.GetString(body);
        }

        public string Method { get; }

        public string Path { get; }

        public IQueryCollection Query { get; }

        public byte[] Body { get; }

        public string BodyText { get; }

        public string? EndpointName { get; set; }

        /// <summary>The scheme and host the request came to (<c>http://127.0.0.1:5089</c>): where URLs the emulator answers point.</summary>
        public string Origin { get; init; } = "http://127.0.0.1";

        public string? TokenKind { get; set; }

        public string? AuthorizerAppId { get; set; }

        /// <summary>The body as recorded; token endpoints set a masked one.</summary>
        public string? RecordedBody { get; set; }

        /// <summary>The spec's secret fields, masked in the recorded query beside the tokens.</summary>
        public System.Collections.Generic.IReadOnlyCollection<string>? SecretFields { get; set; }

        public string? QueryValue(string name)
        {
            string? value = Query[name];
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }
}
