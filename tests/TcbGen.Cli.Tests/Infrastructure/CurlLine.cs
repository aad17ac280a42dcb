using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace TcbGen.Cli.Tests.Infrastructure
{
    /// <summary>A <c>curl -s [-X M] 'url' [-H 'h: v']... [-d 'body']</c> line as the banner prints it, turned into the request curl would send.</summary>
    internal sealed record CurlLine(string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, string? Body)
    {
        public static CurlLine Parse(string line)
        {
            List<string> words = Words(line.Trim());
            if (words[0] != "curl")
            {
                throw new FormatException("Not a curl line: " + line);
            }

            string? method = null;
            string? url = null;
            string? body = null;
            var headers = new List<(string, string)>();
            for (int i = 1; i < words.Count; i++)
            {
                switch (words[i])
                {
                    case "-s":
                        break;
                    case "-X":
                        method = words[++i];
                        break;
                    case "-H":
                        string header = words[++i];
                        int colon = header.IndexOf(':', StringComparison.Ordinal);
                        headers.Add((header.Substring(0, colon), header.Substring(colon + 1).Trim()));
                        break;
                    case "-d":
                        body = words[++i];
                        break;
                    default:
                        url = url == null ? words[i] : throw new FormatException("Two URLs in: " + line);
                        break;
                }
            }

            return new CurlLine(method ?? (body == null ? "GET" : "POST"), url ?? throw new FormatException("No URL in: " + line), headers, body);
        }

        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Url);
            string? contentType = null;
            foreach ((string name, string value) in Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = value;
                }
                else
                {
                    request.Headers.Add(name, value);
                }
            }

            if (Body != null)
            {
                // curl -d without a Content-Type header sends application/x-www-form-urlencoded.
                request.Content = new StringContent(Body, Encoding.UTF8);
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType ?? "application/x-www-form-urlencoded");
            }

            return request;
        }

        /// <summary>Shell words: single-quoted strings (with <c>'\''</c> for a quote) and bare words.</summary>
        private static List<string> Words(string line)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            bool inWord = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '\'')
                {
                    int end = line.IndexOf('\'', i + 1);
                    word.Append(line, i + 1, end - i - 1);
                    i = end;
                    inWord = true;
                }
                else if (c == '\\' && i + 1 < line.Length)
                {
                    word.Append(line[++i]);
                    inWord = true;
                }
                else if (c == ' ')
                {
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                }
                else
                {
                    word.Append(c);
                    inWord = true;
                }
            }

            if (inWord)
            {
                words.Add(word.ToString());
            }

            return words;
        }
    }
}
