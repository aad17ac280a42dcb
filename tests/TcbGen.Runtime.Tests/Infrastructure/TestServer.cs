using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TcbGen.Runtime.Tests.Infrastructure
{
    /// <summary>One request the server received.</summary>
    public sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? ContentType)
    {
        public string? QueryValue(string name)
        {
            foreach (string pair in Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                if (equals > 0 && pair.Substring(0, equals) == name)
                {
                    return Uri.UnescapeDataString(pair.Substring(equals + 1));
                }
            }

            return null;
        }
    }

    /// <summary>
    /// A real Kestrel server on 127.0.0.1 with a random port. Responses are programmed per path: queued
    /// one-shot responses first, then the path's standing response. Every request is recorded.
    /// </summary>
    public sealed class TestServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task>>> _queued = new();
        private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _standing = new();
        private readonly ConcurrentQueue<RecordedRequest> _requests = new();

        private TestServer(WebApplication app)
        {
            _app = app;
        }

        public Uri BaseAddress { get; private set; } = null!;

        public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

        public static async Task<TestServer> StartAsync()
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            WebApplication app = builder.Build();
            var server = new TestServer(app);
            app.Run(server.HandleAsync);
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.BaseAddress = new Uri(address);
            return server;
        }

        public IReadOnlyList<RecordedRequest> RequestsTo(string path) => _requests.Where(r => r.Path == path).ToArray();

        /// <summary>Answers every request to <paramref name="path"/> (after queued answers run out).</summary>
        public TestServer On(string path, Func<HttpContext, Task> respond)
        {
            _standing[path] = respond;
            return this;
        }

        /// <summary>Answers the next request to <paramref name="path"/> once.</summary>
        public TestServer Once(string path, Func<HttpContext, Task> respond)
        {
            _queued.GetOrAdd(path, _ => new ConcurrentQueue<Func<HttpContext, Task>>()).Enqueue(respond);
            return this;
        }

        public HttpClient CreateClient() => new HttpClient();

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            string body;
            using (var reader = new StreamReader(context.Request.Body))
            {
                body = await reader.ReadToEndAsync();
            }

            context.Items["body"] = body;
            string path = context.Request.Path.Value ?? string.Empty;
            _requests.Enqueue(new RecordedRequest(context.Request.Method, path, context.Request.QueryString.Value ?? string.Empty, body, context.Request.ContentType));

            if (_queued.TryGetValue(path, out var queue) && queue.TryDequeue(out var once))
            {
                await once(context);
            }
            else if (_standing.TryGetValue(path, out var standing))
            {
                await standing(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        }
    }

    /// <summary>Canned answers.</summary>
    public static class Respond
    {
        public static Func<HttpContext, Task> Json(string body, int status = 200, string contentType = "application/json", Action<HttpResponse>? headers = null)
            => async context =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = contentType;
                headers?.Invoke(context.Response);
                await context.Response.WriteAsync(body);
            };

        /// <summary>Answers with these exact bytes, e.g. a compressed body with its <c>Content-Encoding</c>, or text that is not valid UTF-8.</summary>
        public static Func<HttpContext, Task> Bytes(byte[] body, string? contentEncoding = null, int status = 200)
            => async context =>
            {
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                if (contentEncoding != null)
                {
                    context.Response.Headers.ContentEncoding = contentEncoding;
                }

                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body);
            };

        public static Func<HttpContext, Task> Ok(string result = "done") => Json("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":\"" + result + "\"}");

        /// <summary>Answers with the request's <c>env</c> as <c>result</c>.</summary>
        public static Func<HttpContext, Task> EchoEnv()
            => context =>
            {
                using var document = System.Text.Json.JsonDocument.Parse((string)context.Items["body"]!);
                return Ok(document.RootElement.GetProperty("env").GetString()!)(context);
            };

        public static Func<HttpContext, Task> Error(int errcode, string errmsg = "failed", int status = 200) => Json("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}", status);

        public static Func<HttpContext, Task> Status(int status, string body = "") => Json(body, status, "text/html");

        /// <summary>Signals <paramref name="received"/> and never answers until the client gives up.</summary>
        public static Func<HttpContext, Task> Hang(TaskCompletionSource received, TaskCompletionSource? aborted = null)
            => async context =>
            {
                received.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    aborted?.TrySetResult();
                }
            };

        public static Func<HttpContext, Task> ComponentToken(string token, int expiresIn = 7200)
            => Json("{\"component_access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + "}");

        public static Func<HttpContext, Task> AuthorizerToken(string token, string refreshToken, int expiresIn = 7200)
            => Json("{\"authorizer_access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + ",\"authorizer_refresh_token\":\"" + refreshToken + "\"}");
    }
}
