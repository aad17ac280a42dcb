using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Testing.Tests.Support
{
    /// <summary>A running emulator and a plain HttpClient pointed at it (real HTTP on 127.0.0.1, no proxy); admin requests carry the run's key and JSON, as the admin API requires.</summary>
    internal sealed class Session : IAsyncDisposable
    {
        public const string AppId = "wx-app-1";

        private Session(WeChatEmulator emulator)
        {
            Emulator = emulator;
            Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = emulator.BaseAddress };
        }

        public WeChatEmulator Emulator { get; }

        public HttpClient Http { get; }

        public static async Task<Session> StartAsync(WeChatEmulatorOptions? options = null)
            => new Session(await WeChatEmulator.StartAsync(options));

        public string AuthorizerToken() => Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, AppId);

        public string ComponentToken() => Emulator.IssueToken(WeChatEmulator.ComponentAccessTokenKind);

        /// <summary>POSTs <paramref name="body"/> (null: no body) to <paramref name="path"/>, with the token as <c>access_token</c> when given.</summary>
        public Task<WireResponse> PostAsync(string path, string? token, string? body, CancellationToken cancellationToken = default)
            => SendAsync(HttpMethod.Post, token == null ? path : path + "?access_token=" + Uri.EscapeDataString(token), body, cancellationToken);

        public async Task<WireResponse> SendAsync(HttpMethod method, string pathAndQuery, string? body, CancellationToken cancellationToken = default)
        {
            using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/'));
            bool admin = pathAndQuery.TrimStart('/').StartsWith("__admin", StringComparison.Ordinal);
            if (body != null || (admin && method == HttpMethod.Post))
            {
                request.Content = new StringContent(body ?? "{}", Encoding.UTF8, "application/json");
            }

            if (admin)
            {
                request.Headers.Add(WeChatEmulator.AdminKeyHeaderName, Emulator.AdminKey);
            }

            using HttpResponseMessage response = await Http.SendAsync(request, cancellationToken);
            string text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new WireResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Emulator.DisposeAsync();
        }
    }
}
