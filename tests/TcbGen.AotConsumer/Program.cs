using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TcbGen.AotConsumer.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;

namespace TcbGen.AotConsumer
{
    /// <summary>
    /// Every registration form of README.md and runtime/README.md, each calling the emulator through the generated clients.
    /// Exits 0 only when every form worked; prints start-up time and peak RSS for RESULTS.md.
    /// </summary>
    internal static class Program
    {
        private const string AppId = "wx-aot-consumer";
        private const string RefreshToken = "refresh-aot-1";

        private static PlatformState? s_state;

        public static async Task<int> Main()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            CancellationToken ct = timeout.Token;
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(cancellationToken: ct);
            emulator.RegisterAuthorizer(AppId, RefreshToken);
            var forms = new List<string>();

            // 1. AddTcbGen(configuration section) + UseThirdPartyPlatform<TTicketStore, TRefreshTokenStore>() + AddTcbClients(), on a host (ValidateOnStart).
            HostApplicationBuilder hostBuilder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            hostBuilder.Configuration.AddInMemoryCollection(Settings(emulator));
            hostBuilder.Services.AddSingleton(State(emulator));
            hostBuilder.Services.AddTcbGen(hostBuilder.Configuration.GetSection("TcbGen"))
                .UseThirdPartyPlatform<TicketStore, RefreshTokenStore>()
                .AddTcbClients();
            using (IHost host = hostBuilder.Build())
            {
                await host.StartAsync(ct);
                await host.Services.GetRequiredService<ITcbAuthorizerClientFactory>().For(AppId).CreateCloudUserAsync(ct);
                await host.Services.GetRequiredService<ITcbComponentClient>().ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = "env-aot" }, ct);
                await host.StopAsync(ct);
            }

            double firstCallMs = SinceProcessStart();
            forms.Add("AddTcbGen(section).UseThirdPartyPlatform<TTicketStore, TRefreshTokenStore>().AddTcbClients()");

            // 2. Scoped stores.
            await CallAsync(Services(emulator, b => b.UseThirdPartyPlatform<TicketStore, RefreshTokenStore>(ServiceLifetime.Scoped)), ct);
            forms.Add("UseThirdPartyPlatform<TTicketStore, TRefreshTokenStore>(ServiceLifetime.Scoped)");

            // 3. Stores registered by hand + UseThirdPartyPlatform().
            await CallAsync(
                Services(emulator, b =>
                {
                    b.Services.AddSingleton<IComponentVerifyTicketStore, TicketStore>();
                    b.Services.AddScoped<IAuthorizerRefreshTokenStore, RefreshTokenStore>();
                    return b.UseThirdPartyPlatform();
                }),
                ct);
            forms.Add("AddTcbGen(o => ...).UseThirdPartyPlatform()");

            // 4. Tokens you manage yourself.
            await CallAsync(Services(emulator, b => b.UseAccessTokens((key, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken(emulator.IssueToken(key.Kind.Name, key.AppId), null)))), ct);
            forms.Add("UseAccessTokens((key, ct) => ...)");

            // 5. The runtime's retries off, a resilience handler on.
            await CallAsync(
                Services(
                    emulator,
                    b =>
                    {
                        b.UseThirdPartyPlatform<TicketStore, RefreshTokenStore>().AddStandardResilienceHandler();
                        return b;
                    },
                    o => o.Retry.Enabled = false),
                ct);
            forms.Add("AddTcbGen(o => o.Retry.Enabled = false).UseThirdPartyPlatform<...>().AddStandardResilienceHandler()");

            // 6. Several instances: UseRedis(connection string).
            using (LocalRedis redis = LocalRedis.Start())
            {
                // The verify ticket store stays the app's; Redis keeps the tokens and the refresh tokens.
                await using ServiceProvider provider = Services(emulator, b =>
                {
                    b.Services.AddSingleton<IComponentVerifyTicketStore, TicketStore>();
                    return b.UseThirdPartyPlatform().UseRedis("127.0.0.1:" + redis.Port);
                });
                await provider.GetRequiredService<TcbGen.Redis.TcbRedisRefreshTokenStore>().SetRefreshTokenAsync(AppId, State(emulator).RefreshTokens[AppId], ct);
                await CallAsync(provider, ct);
            }

            forms.Add("UseThirdPartyPlatform().UseRedis(connectionString)");

            // 7. Without DI.
            using (var http = new HttpClient())
            {
                var transport = new TcbHttpTransport(
                    http,
                    TcbDelegateAccessTokenSource.FromStatic(emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, AppId)),
                    new TcbGenOptions { BaseAddress = emulator.BaseAddress });
                var client = new TcbAuthorizerClient(transport, AppId);
                await client.CreateCloudUserAsync(ct);

                // The typed call of a caller-supplied body: generic, and serialized only through the app's JsonSerializerContext.
                LoginResult result = await client.InvokeCloudFunctionAsync(
                    new InvokeCloudFunctionRequest { Env = "env-aot", Name = "login" }, new LoginEvent { Code = "c-aot" }, InvokeJson.Default.LoginEvent, InvokeJson.Default.LoginResult, ct);
                if (result.AppId != "SAMPLE_APPID" || emulator.RequestsTo("invokeCloudFunction").Single().Body != "{\"code\":\"c-aot\"}")
                {
                    Console.Error.WriteLine("invokeCloudFunction's typed call did not round-trip the event and the result.");
                    return 1;
                }
            }

            forms.Add("new TcbHttpTransport(httpClient, TcbDelegateAccessTokenSource.FromStatic(token), options), with a typed invokeCloudFunction call");

            int calls = emulator.RequestsTo("createCloudUser").Count;
            if (calls != forms.Count)
            {
                Console.Error.WriteLine($"Expected {forms.Count} createCloudUser calls at the emulator, saw {calls}.");
                return 1;
            }

            foreach (string form in forms)
            {
                Console.WriteLine("ok   " + form);
            }

            Console.WriteLine($"first call done {firstCallMs:F0} ms after process start; all {forms.Count} forms {SinceProcessStart():F0} ms; peak RSS {PeakRssMegabytes()} MB");
            return 0;
        }

        private static async Task CallAsync(ServiceProvider provider, CancellationToken ct)
        {
            await using (provider)
            {
                await provider.GetRequiredService<ITcbAuthorizerClientFactory>().For(AppId).CreateCloudUserAsync(ct);
            }
        }

        private static ServiceProvider Services(WeChatEmulator emulator, Func<TcbGenBuilder, TcbGenBuilder> tokens, Action<TcbGenOptions>? more = null)
        {
            var services = new ServiceCollection();
            services.AddSingleton(State(emulator));
            TcbGenBuilder builder = services.AddTcbGen(o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.ThirdParty.ComponentAppId = emulator.ComponentAppId;
                o.ThirdParty.ComponentAppSecret = emulator.ComponentAppSecret;
                more?.Invoke(o);
            });
            tokens(builder).AddTcbClients();
            return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        }

        // One platform's durable state for every form: the emulator rotates the refresh token on each renewal.
        private static PlatformState State(WeChatEmulator emulator)
        {
            if (s_state is null)
            {
                s_state = new PlatformState(emulator.ComponentVerifyTicket);
                s_state.RefreshTokens[AppId] = RefreshToken;
            }

            return s_state;
        }

        private static Dictionary<string, string?> Settings(WeChatEmulator emulator) => new Dictionary<string, string?>
        {
            ["TcbGen:BaseAddress"] = emulator.BaseAddress.ToString(),
            ["TcbGen:AttemptTimeout"] = "00:00:20",
            ["TcbGen:Retry:MaxAttempts"] = "2",
            ["TcbGen:ThirdParty:ComponentAppId"] = emulator.ComponentAppId,
            ["TcbGen:ThirdParty:ComponentAppSecret"] = emulator.ComponentAppSecret,
        };

        private static double SinceProcessStart() => (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;

        private static long PeakRssMegabytes()
        {
            string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
    }
}
