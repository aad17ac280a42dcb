using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Redis.Tests
{
    /// <summary>UseRedis keeps serving the third-party kinds while the cloud-call token comes from the pushed file.</summary>
    public sealed class CloudCallBesideRedisTests
    {
        private const string AuthorizerAppId = "wx-cloud";

        private sealed class Answer : TcbResponse
        {
        }

        [SkippableFact]
        public async Task Redis_serves_the_authorizer_token_and_the_file_serves_the_cloud_call_token_in_one_container()
        {
            using RedisServer redis = RedisServer.Start();
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            emulator.RegisterAuthorizer(AuthorizerAppId, "refresh@0");
            string directory = Directory.CreateTempSubdirectory("tcbgen-redis-cloud-").FullName;
            try
            {
                string file = Path.Combine(directory, "cloudbase_access_token");
                File.WriteAllText(file, emulator.IssueCloudCallToken("env-1", AuthorizerAppId));
                var services = new ServiceCollection();
                services.AddSingleton<IComponentVerifyTicketStore>(new TicketOf(emulator.ComponentVerifyTicket));
                services.AddTcbGen(options =>
                    {
                        options.BaseAddress = emulator.BaseAddress;
                        options.ThirdParty.ComponentAppId = emulator.ComponentAppId;
                        options.ThirdParty.ComponentAppSecret = emulator.ComponentAppSecret;
                    })
                    .UseThirdPartyPlatform()
                    .UseRedis(redis.ConnectionString)
                    .UseCloudbaseAccessToken(o => o.FilePath = file);
                await using ServiceProvider provider = services.BuildServiceProvider();
                await provider.GetRequiredService<TcbRedisRefreshTokenStore>().SetRefreshTokenAsync(AuthorizerAppId, "refresh@0", default);
                var transport = provider.GetRequiredService<ITcbTransport>();
                TcbEndpoint<string, Answer> modifyEnv = ModifyEnv();

                await transport.SendAsync(modifyEnv, TcbTokenKey.ForAuthorizer(AuthorizerAppId), "env-1", CancellationToken.None);
                await transport.SendAsync(modifyEnv, new TcbTokenKey(TcbTokenKind.CloudbaseAccessToken, AuthorizerAppId), "env-1", CancellationToken.None);

                Assert.Equal(new[] { "authorizer_access_token", "cloudbase_access_token" }, emulator.RequestsTo("changeTcbEnv").Select(r => r.TokenKind).ToArray());
                Assert.All(emulator.RequestsTo("changeTcbEnv"), r => Assert.Equal(0, r.Errcode));
                var cache = provider.GetRequiredService<ITcbAccessTokenCache>();
                Assert.NotNull(await cache.GetAsync(TcbTokenKey.ForAuthorizer(AuthorizerAppId), default));
                Assert.Null(await cache.GetAsync(new TcbTokenKey(TcbTokenKind.CloudbaseAccessToken, AuthorizerAppId), default));
                Assert.Equal(1, emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static TcbEndpoint<string, Answer> ModifyEnv() => new(
            "changeTcbEnv",
            "/tcb/modifyenv",
            true,
            static (writer, env) =>
            {
                writer.WriteStartObject();
                writer.WriteString("env", env);
                writer.WriteEndObject();
            },
            static (ref Utf8JsonReader reader) =>
            {
                var answer = new Answer();
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("errcode"))
                    {
                        reader.Read();
                        answer.ErrorCode = reader.GetInt32();
                    }
                }

                return answer;
            },
            static (code, message) => new TcbApiException<ModifyEnvError>("changeTcbEnv", (ModifyEnvError)code, code, message, null, false));

        private enum ModifyEnvError
        {
            Ok = 0,
        }

        private sealed class TicketOf : IComponentVerifyTicketStore
        {
            private readonly string _ticket;

            public TicketOf(string ticket)
            {
                _ticket = ticket;
            }

            public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) => new(_ticket);
        }
    }
}
