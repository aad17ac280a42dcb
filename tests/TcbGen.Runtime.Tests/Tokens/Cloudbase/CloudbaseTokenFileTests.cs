using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens.Cloudbase
{
    /// <summary>The pushed token file, on a real temp file: rotation, deletion, age.</summary>
    public sealed class CloudbaseTokenFileTests : IDisposable
    {
        private static readonly TcbTokenKey Key = new TcbTokenKey(TcbTokenKind.CloudbaseAccessToken, "wxapp");
        private readonly string _directory = Directory.CreateTempSubdirectory("tcbgen-cloudbase-").FullName;

        private string FilePath => Path.Combine(_directory, "cloudbase_access_token");

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public async Task A_rotated_file_is_served_on_the_next_call()
        {
            DateTime written = Write("token-one\n", DateTime.UtcNow.AddMinutes(-12));
            var time = new FakeTimeProvider(new DateTimeOffset(written).AddMinutes(12));
            var source = new TcbCloudbaseTokenFile(new TcbCloudbaseTokenOptions { FilePath = FilePath }, time);

            TcbAccessToken first = await source.GetTokenAsync(Key, CancellationToken.None);
            DateTime rewritten = Write("token-two", written.AddMinutes(10));
            TcbAccessToken second = await source.GetTokenAsync(Key, CancellationToken.None);

            Assert.Equal("token-one", first.Value);
            Assert.Equal(new DateTimeOffset(written).AddMinutes(29), first.ExpiresAt);
            Assert.Equal("token-two", second.Value);
            Assert.Equal(new DateTimeOffset(rewritten).AddMinutes(29), second.ExpiresAt);
        }

        [Fact]
        public async Task A_same_length_rewrite_is_seen_by_its_write_time()
        {
            DateTime written = Write("aaaaaaaa", DateTime.UtcNow.AddMinutes(-1));
            var source = new TcbCloudbaseTokenFile(new TcbCloudbaseTokenOptions { FilePath = FilePath });

            await source.GetTokenAsync(Key, CancellationToken.None);
            Write("bbbbbbbb", written.AddSeconds(1));

            Assert.Equal("bbbbbbbb", (await source.GetTokenAsync(Key, CancellationToken.None)).Value);
        }

        [Fact]
        public async Task A_deleted_file_fails_the_next_call_instead_of_serving_what_it_held()
        {
            Write("token-one", DateTime.UtcNow);
            var source = new TcbCloudbaseTokenFile(new TcbCloudbaseTokenOptions { FilePath = FilePath });
            await source.GetTokenAsync(Key, CancellationToken.None);

            File.Delete(FilePath);

            var failure = await Assert.ThrowsAsync<TcbTokenUnavailableException>(() => source.GetTokenAsync(Key, CancellationToken.None).AsTask());
            Assert.Contains("does not exist", failure.Message);
            Assert.DoesNotContain("token-one", failure.ToString());
        }

        [Fact]
        public async Task A_file_older_than_the_token_lifetime_minus_the_margin_is_not_served()
        {
            DateTime written = Write("token-old", DateTime.UtcNow.AddMinutes(-40));
            var time = new FakeTimeProvider(new DateTimeOffset(written).AddMinutes(28));
            var source = new TcbCloudbaseTokenFile(new TcbCloudbaseTokenOptions { FilePath = FilePath }, time);

            Assert.Equal("token-old", (await source.GetTokenAsync(Key, CancellationToken.None)).Value);
            time.Advance(TimeSpan.FromMinutes(1));

            var failure = await Assert.ThrowsAsync<TcbTokenUnavailableException>(() => source.GetTokenAsync(Key, CancellationToken.None).AsTask());
            Assert.Contains("too old", failure.Message);
            Assert.DoesNotContain("token-old", failure.ToString());
        }

        [Fact]
        public async Task An_empty_or_missing_file_names_the_path_and_no_token()
        {
            var source = new TcbCloudbaseTokenFile(new TcbCloudbaseTokenOptions { FilePath = FilePath });
            await Assert.ThrowsAsync<TcbTokenUnavailableException>(() => source.GetTokenAsync(Key, CancellationToken.None).AsTask());

            Write("  \n", DateTime.UtcNow);

            var failure = await Assert.ThrowsAsync<TcbTokenUnavailableException>(() => source.GetTokenAsync(Key, CancellationToken.None).AsTask());
            Assert.Contains(FilePath, failure.Message);
            Assert.Equal(Key, failure.TokenKey);
        }

        [Fact]
        public void The_default_path_is_the_one_WeChat_documents()
        {
            Assert.Equal("/.tencentcloudbase/wx/cloudbase_access_token", new TcbCloudbaseTokenOptions().FilePath);
            Assert.Equal(TimeSpan.FromMinutes(30), new TcbCloudbaseTokenOptions().FileTokenLifetime);
        }

        private DateTime Write(string content, DateTime writtenAtUtc)
        {
            File.WriteAllText(FilePath, content);
            File.SetLastWriteTimeUtc(FilePath, writtenAtUtc);
            return File.GetLastWriteTimeUtc(FilePath);
        }
    }
}
