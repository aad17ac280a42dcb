using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TcbGen.AspNetCore;

namespace TcbGen.Redis.Worker
{
    /// <summary>
    /// An instance that WeChat pushes to: Kestrel on a free loopback port serving <c>MapTcbComponentEvents</c> at
    /// <see cref="Path"/>, with the verify ticket in Redis (UseRedis's store; none of the worker's own).
    /// </summary>
    internal sealed class EventsHost : IAsyncDisposable
    {
        public const string Path = "/wechat/component";
        private readonly WebApplication _app;

        private EventsHost(WebApplication app, string address)
        {
            _app = app;
            Address = address;
        }

        /// <summary>The authorization-event URL.</summary>
        public string Address { get; }

        public IServiceProvider Services => _app.Services;

        public static async Task<EventsHost> StartAsync(WorkerArguments arguments)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");

            // stdout carries the command protocol: nothing else may write to it.
            builder.Logging.ClearProviders();
            Platform.Add(builder.Services, arguments);
            builder.Services.AddTcbComponentEvents(events =>
            {
                events.Token = arguments.Optional("events-token");
                events.EncodingAesKey = arguments.Optional("events-aes-key");
            });
            WebApplication app = builder.Build();
            app.MapTcbComponentEvents(Path);
            await app.StartAsync();
            string root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new EventsHost(app, root.TrimEnd('/') + Path);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
