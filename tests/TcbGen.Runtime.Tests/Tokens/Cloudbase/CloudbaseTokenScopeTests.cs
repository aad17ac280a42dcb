using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens.Cloudbase
{
    /// <summary>The request header's token, held for the async flow that handles the request.</summary>
    public sealed class CloudbaseTokenScopeTests
    {
        private static readonly TcbTokenKey Key = new TcbTokenKey(TcbTokenKind.CloudbaseAccessToken, "wxapp");

        [Fact]
        public async Task Each_request_flow_sees_its_own_header_token_and_none_after_its_scope()
        {
            var source = new TcbCloudbaseTokenSource(new TcbCloudbaseTokenOptions { FilePath = null });
            using var bothInScope = new Barrier(2);

            async Task<string> HandleRequestAsync(string header)
            {
                await Task.Yield();
                using (TcbCloudbaseTokenScope.Begin(header))
                {
                    bothInScope.SignalAndWait(TimeSpan.FromSeconds(10));
                    await Task.Yield();
                    return (await source.GetTokenAsync(Key, CancellationToken.None)).Value;
                }
            }

            string[] seen = await Task.WhenAll(Task.Run(() => HandleRequestAsync("header-a")), Task.Run(() => HandleRequestAsync("header-b")));

            Assert.Equal(new[] { "header-a", "header-b" }, seen);
            var outside = await Assert.ThrowsAsync<TcbTokenUnavailableException>(() => source.GetTokenAsync(Key, CancellationToken.None).AsTask());
            Assert.Contains(TcbCloudbaseTokenScope.HeaderName, outside.Message);
        }

        [Fact]
        public async Task Without_a_header_the_pushed_file_serves()
        {
            string directory = Directory.CreateTempSubdirectory("tcbgen-scope-").FullName;
            try
            {
                string path = Path.Combine(directory, "cloudbase_access_token");
                File.WriteAllText(path, "from-file");
                var source = new TcbCloudbaseTokenSource(new TcbCloudbaseTokenOptions { FilePath = path });

                using (TcbCloudbaseTokenScope.Begin(null))
                {
                    Assert.Equal("from-file", (await source.GetTokenAsync(Key, CancellationToken.None)).Value);
                }

                using (TcbCloudbaseTokenScope.Begin("from-header"))
                {
                    Assert.Equal("from-header", (await source.GetTokenAsync(Key, CancellationToken.None)).Value);
                }
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public void The_scope_token_never_shows_in_its_description()
        {
            using (TcbCloudbaseTokenScope.Begin("secret-header-token"))
            {
                Assert.DoesNotContain("secret-header-token", TcbCloudbaseTokenScope.Current!.ToString());
            }
        }
    }
}
