using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TcbGen.Testing.Tests.Support
{
    /// <summary>One push as it arrived: the query parameters and the raw body.</summary>
    internal sealed record ReceivedPush(IReadOnlyDictionary<string, string> Query, string ContentType, string Body);

    /// <summary>
    /// A bare authorization-event URL on real Kestrel (127.0.0.1, a free port) that keeps every push exactly as it came
    /// and replies <c>success</c>, so tests can check what the emulator sends with the runtime's own crypto.
    /// </summary>
    internal sealed class PushReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<ReceivedPush> _pushes;

        private PushReceiver(WebApplication app, ConcurrentQueue<ReceivedPush> pushes, Uri url)
        {
            _app = app;
            _pushes = pushes;
            Url = url;
        }

        public Uri Url { get; }

        public IReadOnlyList<ReceivedPush> Pushes => _pushes.ToArray();

        public static async Task<PushReceiver> StartAsync()
        {
            var pushes = new ConcurrentQueue<ReceivedPush>();
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            WebApplication app = builder.Build();
            app.MapPost("/events", async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                string body = await reader.ReadToEndAsync();
                pushes.Enqueue(new ReceivedPush(context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), context.Request.ContentType ?? string.Empty, body));
                await context.Response.WriteAsync("success");
            });
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new PushReceiver(app, pushes, new Uri(address.TrimEnd('/') + "/events"));
        }

        /// <summary>Waits (up to 5 s) until at least <paramref name="count"/> pushes arrived.</summary>
        public async Task<IReadOnlyList<ReceivedPush>> WaitForAsync(int count)
        {
            for (int i = 0; i < 100 && _pushes.Count < count; i++)
            {
                await Task.Delay(50);
            }

            return Pushes;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
