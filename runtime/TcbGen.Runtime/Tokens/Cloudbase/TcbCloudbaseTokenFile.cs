using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The cloud-call token from the file WeChat re-pushes into a cloud-hosting container. Every call looks at the file's
    /// last-write time and length (one stat, no read) and reads it again when either changed, so a rotated or deleted file
    /// is seen on the next call. The token expires at the file's write time plus <see cref="TcbCloudbaseTokenOptions.FileTokenLifetime"/>
    /// minus <see cref="TcbCloudbaseTokenOptions.FileRefreshMargin"/>; past that, or without the file, the call fails with
    /// <see cref="TcbTokenUnavailableException"/> rather than send a token WeChat no longer accepts. Thread-safe.
    /// </summary>
    public sealed class TcbCloudbaseTokenFile : ITcbAccessTokenSource
    {
        private readonly string _path;
        private readonly TimeSpan _usableFor;
        private readonly TimeProvider _timeProvider;
        private volatile Snapshot? _last;

        /// <summary>Creates the source.</summary>
        /// <param name="options">The file path and the token's lifetime.</param>
        /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
        public TcbCloudbaseTokenFile(TcbCloudbaseTokenOptions options, TimeProvider? timeProvider = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (string.IsNullOrEmpty(options.FilePath))
            {
                throw new ArgumentException("TcbCloudbaseTokenOptions.FilePath is required by the file source.", nameof(options));
            }

            _path = options.FilePath!;
            _usableFor = options.FileTokenLifetime - options.FileRefreshMargin;
            if (_usableFor <= TimeSpan.Zero)
            {
                throw new ArgumentException("FileTokenLifetime must exceed FileRefreshMargin.", nameof(options));
            }

            _timeProvider = timeProvider ?? TimeProvider.System;
        }

        /// <inheritdoc />
        public ValueTask<TcbAccessToken> GetTokenAsync(TcbTokenKey key, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = new FileInfo(_path);
            if (!file.Exists)
            {
                _last = null;
                throw new TcbTokenUnavailableException(key, "the token file " + _path + " does not exist (WeChat pushes it inside a cloud-hosting container).");
            }

            Snapshot? last = _last;
            if (last is null || last.WrittenAt != file.LastWriteTimeUtc || last.Length != file.Length)
            {
                last = Read(key, file);
                _last = last;
            }

            if (!last.Token.IsFresh(_timeProvider.GetUtcNow(), TimeSpan.Zero))
            {
                throw new TcbTokenUnavailableException(key, "the token file " + _path + " was last written at " + last.WrittenAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "; its token is too old to send.");
            }

            return new ValueTask<TcbAccessToken>(last.Token);
        }

        /// <summary>Forgets the file's token, so the next call reads the file again (WeChat may have pushed a new one).</summary>
        /// <param name="key">Which token.</param>
        /// <param name="failedToken">The token WeChat rejected.</param>
        /// <param name="cancellationToken">Not used.</param>
        /// <returns>A completed task.</returns>
        public ValueTask InvalidateAsync(TcbTokenKey key, TcbAccessToken failedToken, CancellationToken cancellationToken)
        {
            Snapshot? last = _last;
            if (last != null && last.Token.Equals(failedToken))
            {
                _last = null;
            }

            return default;
        }

        private Snapshot Read(TcbTokenKey key, FileInfo file)
        {
            string text;
            try
            {
                using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                text = reader.ReadToEnd().Trim();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new TcbTokenUnavailableException(key, "the token file " + _path + " could not be read (" + exception.GetType().Name + ").", exception);
            }

            if (text.Length == 0)
            {
                throw new TcbTokenUnavailableException(key, "the token file " + _path + " is empty.");
            }

            // The stat taken before the read: if the file changed during the read, the next call sees a new stat and reads again.
            DateTime writtenAt = file.LastWriteTimeUtc;
            var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(writtenAt, DateTimeKind.Utc)) + _usableFor;
            return new Snapshot(new TcbAccessToken(text, expiresAt, TcbTokenKind.CloudbaseAccessToken.UrlParameter), writtenAt, file.Length);
        }

        private sealed class Snapshot
        {
            public Snapshot(TcbAccessToken token, DateTime writtenAt, long length)
            {
                Token = token;
                WrittenAt = writtenAt;
                Length = length;
            }

            public TcbAccessToken Token { get; }

            public DateTime WrittenAt { get; }

            public long Length { get; }
        }
    }
}
