using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens
{
    /// <summary>Refresh-token rotation never goes backwards, and a 61023 caused by another instance's rotation is recovered.</summary>
    public sealed class RefreshTokenRotationTests
    {
        private const string ComponentPath = "/cgi-bin/component/api_component_token";
        private const string AuthorizerPath = "/cgi-bin/component/api_authorizer_token";
        private static readonly TcbTokenKey Key = TcbTokenKey.ForAuthorizer("wxapp");

        private static TcbThirdPartyTokenSource Source(TestServer server, IAuthorizerRefreshTokenStore refresh, TimeSpan? rotationWait = null)
            => new(new HttpClient(), Build.Options(server, o => o.Tokens.RotationWait = rotationWait ?? TimeSpan.FromSeconds(2)), new InMemoryTicketStore(), refresh);

        private static string SentRefreshToken(Infrastructure.RecordedRequest request)
        {
            using var body = JsonDocument.Parse(request.Body);
            return body.RootElement.GetProperty("authorizer_refresh_token").GetString()!;
        }

        [Fact]
        public async Task A_response_to_an_older_refresh_token_never_overwrites_a_newer_one()
        {
            await using TestServer server = await TestServer.StartAsync();
            var refresh = new InMemoryRefreshTokenStore();
            refresh.Tokens["wxapp"] = "refresh@1";
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            server.On(AuthorizerPath, async context =>
            {
                // Meanwhile another instance rotated refresh@1 to refresh@3 and saved it.
                refresh.Tokens["wxapp"] = "refresh@3";
                await Respond.AuthorizerToken("authorizer-1", "refresh@2")(context);
            });

            TcbAccessToken token = await Source(server, refresh).GetTokenAsync(Key, default);

            Assert.Equal("authorizer-1", token.Value);
            Assert.Equal("refresh@3", refresh.Tokens["wxapp"]);
        }

        [Fact]
        public async Task After_61023_the_renewal_is_retried_once_with_the_refresh_token_another_instance_stored()
        {
            await using TestServer server = await TestServer.StartAsync();
            var refresh = new InMemoryRefreshTokenStore();
            refresh.Tokens["wxapp"] = "refresh@1";
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            server.Once(AuthorizerPath, async context =>
            {
                refresh.Tokens["wxapp"] = "refresh@2";
                await Respond.Error(TcbErrorCodes.InvalidRefreshToken, "refresh_token is invalid")(context);
            });
            server.On(AuthorizerPath, Respond.AuthorizerToken("authorizer-1", "refresh@3"));

            TcbAccessToken token = await Source(server, refresh).GetTokenAsync(Key, default);

            Assert.Equal("authorizer-1", token.Value);
            Assert.Equal(new[] { "refresh@1", "refresh@2" }, server.RequestsTo(AuthorizerPath).Select(SentRefreshToken).ToArray());
            Assert.Equal("refresh@3", refresh.Tokens["wxapp"]);
        }

        [Fact]
        public async Task A_rotated_refresh_token_is_saved_even_when_the_store_fails_for_a_moment()
        {
            await using TestServer server = await TestServer.StartAsync();
            var refresh = new FlakyRefreshTokenStore(failures: 2);
            refresh.Tokens["wxapp"] = "refresh@1";
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            server.On(AuthorizerPath, Respond.AuthorizerToken("authorizer-1", "refresh@2"));

            TcbAccessToken token = await new TcbThirdPartyTokenSource(new HttpClient(), Build.Options(server), new InMemoryTicketStore(), refresh).GetTokenAsync(Key, default);

            Assert.Equal("authorizer-1", token.Value);
            Assert.Equal("refresh@2", refresh.Tokens["wxapp"]);
            Assert.Equal(3, refresh.Attempts);
        }

        [Fact]
        public async Task A_rotation_the_store_cannot_take_is_kept_used_for_the_next_renewal_and_saved_once_the_store_is_back()
        {
            await using TestServer server = await TestServer.StartAsync();
            var refresh = new FlakyRefreshTokenStore(failures: int.MaxValue);
            refresh.Tokens["wxapp"] = "refresh@1";
            int rotation = 1;
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            server.On(AuthorizerPath, context =>
            {
                int next = System.Threading.Interlocked.Increment(ref rotation);
                return Respond.AuthorizerToken("authorizer-" + next, "refresh@" + next)(context);
            });
            TcbThirdPartyTokenSource source = Source(server, refresh, TimeSpan.FromMilliseconds(50));

            // The store is down past RotationWait: the call still gets its token, and the rotation is not lost.
            TcbAccessToken first = await source.GetTokenAsync(Key, default);
            await source.InvalidateAsync(Key, first, default);
            TcbAccessToken second = await source.GetTokenAsync(Key, default);

            Assert.Equal("authorizer-2", first.Value);
            Assert.Equal("authorizer-3", second.Value);
            Assert.Equal(new[] { "refresh@1", "refresh@2" }, server.RequestsTo(AuthorizerPath).Select(SentRefreshToken));
            Assert.Equal("refresh@1", refresh.Tokens["wxapp"]);

            refresh.FailuresLeft = 0;
            DateTime deadline = DateTime.UtcNow.AddSeconds(20);
            while (refresh.Tokens["wxapp"] != "refresh@3" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Equal("refresh@3", refresh.Tokens["wxapp"]);
        }

        [Fact]
        public async Task A_61023_with_no_newer_refresh_token_in_the_store_surfaces_after_one_request()
        {
            await using TestServer server = await TestServer.StartAsync();
            var refresh = new InMemoryRefreshTokenStore();
            refresh.Tokens["wxapp"] = "refresh@1";
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            server.On(AuthorizerPath, Respond.Error(TcbErrorCodes.InvalidRefreshToken, "refresh_token is invalid"));

            TcbApiException error = await Assert.ThrowsAnyAsync<TcbApiException>(async () => await Source(server, refresh, TimeSpan.Zero).GetTokenAsync(Key, default));

            Assert.Equal(TcbErrorCodes.InvalidRefreshToken, error.ErrorCode);
            Assert.Single(server.RequestsTo(AuthorizerPath));
            Assert.Equal("refresh@1", refresh.Tokens["wxapp"]);
        }

        private sealed class FlakyRefreshTokenStore : IAuthorizerRefreshTokenStore
        {
            public FlakyRefreshTokenStore(int failures)
            {
                FailuresLeft = failures;
            }

            public int FailuresLeft { get; set; }

            public System.Collections.Concurrent.ConcurrentDictionary<string, string> Tokens { get; } = new();

            public int Attempts { get; private set; }

            public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, System.Threading.CancellationToken cancellationToken)
                => new(Tokens.TryGetValue(authorizerAppId, out string? token) ? token : null);

            public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, System.Threading.CancellationToken cancellationToken)
            {
                Attempts++;
                if (FailuresLeft > 0)
                {
                    FailuresLeft--;
                    throw new System.IO.IOException("store unavailable");
                }

                return new(Tokens.TryUpdate(authorizerAppId, newRefreshToken, usedRefreshToken));
            }
        }
    }
}
