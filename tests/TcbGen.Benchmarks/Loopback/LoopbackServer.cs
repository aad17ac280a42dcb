using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TcbGen.Benchmarks.PerCall;

namespace TcbGen.Benchmarks.Loopback
{
    /// <summary>
    /// <c>--loopback-server</c>: the far end of the loopback benchmarks, run in a process of its own so its work is not
    /// counted in the clients' allocations. Kestrel on 127.0.0.1:0; prints <c>port=N</c> once listening and serves until
    /// its standard input closes. <c>POST /tcb/setcallbackconfig?access_token=…</c> with the benchmarks' token and a
    /// JSON body gets WeChat's <c>{"errcode":0,"errmsg":"ok"}</c>; a wrong token gets errcode 40001 and anything else
    /// 404, so a client that reads errcode 0 really sent the call.
    /// </summary>
    internal static class LoopbackServer
    {
        public const string Path = "/tcb/setcallbackconfig";

        private static readonly byte[] InvalidToken = "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"u8.ToArray();

        public static async Task<int> RunAsync(TextWriter output)
        {
            WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            await using WebApplication app = builder.Build();
            app.Run(AnswerAsync);
            await app.StartAsync();

            string address = app.Services.GetService(typeof(IServer)) is IServer server
                ? server.Features.Get<IServerAddressesFeature>()!.Addresses.Single()
                : throw new InvalidOperationException("Kestrel did not start.");
            output.WriteLine("port=" + new Uri(address).Port);
            output.Flush();

            // The parent kills this process in GlobalCleanup; a closed stdin (the parent died) ends it too.
            await Console.In.ReadToEndAsync();
            await app.StopAsync();
            return 0;
        }

        private static async Task AnswerAsync(HttpContext context)
        {
            HttpRequest request = context.Request;
            if (!HttpMethods.IsPost(request.Method) || request.Path != Path)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            // Drain the body (a real server reads it) and check it is a JSON object.
            var buffer = new byte[1];
            int first = await request.Body.ReadAsync(buffer);
            await request.Body.CopyToAsync(Stream.Null);
            bool json = first == 1 && buffer[0] == (byte)'{' && request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true;
            bool token = request.Query["access_token"] == PerCallClients.AccessToken;
            if (!json)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            byte[] answer = token ? CannedResponseHandler.OkBody : InvalidToken;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = answer.Length;
            await context.Response.Body.WriteAsync(answer);
        }
    }
}
