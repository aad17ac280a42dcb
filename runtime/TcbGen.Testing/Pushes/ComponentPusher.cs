using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime;

namespace TcbGen.Testing.Pushes
{
    /// <summary>
    /// Pushes to the platform's authorization-event URL as WeChat does: the message encrypted with the runtime's message
    /// cipher (linked source; the platform's token, EncodingAESKey and appid), POSTed as XML with
    /// <c>signature</c>, <c>timestamp</c>, <c>nonce</c>, <c>encrypt_type=aes</c> and <c>msg_signature</c> in the query.
    /// Also the periodic <c>component_verify_ticket</c> push, a new ticket each time (<see cref="VerifyTickets"/>). Keeps each
    /// push's outcome, never its content.
    /// </summary>
    internal sealed class ComponentPusher : IDisposable
    {
        private const int ReplyCharacters = 200;

        private readonly WeChatEmulatorOptions _options;
        private readonly VerifyTickets _tickets;
        private readonly byte[] _key;
        private readonly HttpClient _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        private readonly object _gate = new object();
        private readonly SemaphoreSlim _oneTicketPushAtATime = new SemaphoreSlim(1, 1);
        private readonly List<ComponentPushResult> _results = new List<ComponentPushResult>();
        private readonly ITimer? _ticketTimer;
        private Uri? _eventUrl;

        public ComponentPusher(WeChatEmulatorOptions options, VerifyTickets tickets)
        {
            _options = options;
            _tickets = tickets;
            if (string.IsNullOrEmpty(options.ComponentMessageToken))
            {
                throw new ArgumentException("ComponentMessageToken is required: pushes are signed with it.", nameof(options));
            }

            _key = MessageCipher.KeyOf(options.ComponentEncodingAesKey) ?? throw new ArgumentException("ComponentEncodingAesKey must be 43 Base64 characters.", nameof(options));
            _eventUrl = options.ComponentEventUrl;
            if (options.VerifyTicketPushInterval > TimeSpan.Zero)
            {
                // The first push right away (when a URL is set), then one per interval, as WeChat pushes every 10 minutes.
                _ticketTimer = options.TimeProvider.CreateTimer(_ => PushTicketOnSchedule(), null, TimeSpan.Zero, options.VerifyTicketPushInterval);
            }
        }

        public Uri? EventUrl
        {
            get => Volatile.Read(ref _eventUrl);
            set
            {
                Volatile.Write(ref _eventUrl, value);
                if (value != null)
                {
                    _ticketTimer?.Change(TimeSpan.Zero, _options.VerifyTicketPushInterval);
                }
            }
        }

        public IReadOnlyList<ComponentPushResult> Results
        {
            get
            {
                lock (_gate)
                {
                    return _results.ToArray();
                }
            }
        }

        /// <summary>Pushes a new ticket (the configured one the first time); without an event URL nothing is pushed and the ticket stays.</summary>
        public async Task<ComponentPushResult> PushTicketAsync(CancellationToken cancellationToken)
        {
            // One at a time, so tickets reach the platform in the order they were made: the scheduled push and one on demand
            // must not overtake each other, or the platform would keep an older ticket than the current one.
            await _oneTicketPushAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                string ticket = EventUrl == null ? _tickets.Current : _tickets.NextForPush();
                return await PushAsync("component_verify_ticket", null, new[] { Field("ComponentVerifyTicket", ticket) }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _oneTicketPushAtATime.Release();
            }
        }

        /// <summary>Encrypts, signs and POSTs one message; the outcome is returned and kept, failures included.</summary>
        public async Task<ComponentPushResult> PushAsync(string infoType, string? authorizerAppId, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
        {
            DateTimeOffset now = _options.TimeProvider.GetUtcNow();
            Uri? url = EventUrl;
            ComponentPushResult result;
            if (url == null)
            {
                result = new ComponentPushResult(infoType, authorizerAppId, now, null, null, "no ComponentEventUrl is configured, so nothing was pushed");
            }
            else
            {
                result = await SendAsync(url, infoType, authorizerAppId, now, fields, cancellationToken).ConfigureAwait(false);
            }

            lock (_gate)
            {
                _results.Add(result);
            }

            return result;
        }

        public void Dispose()
        {
            _ticketTimer?.Dispose();
            _http.Dispose();

            // _oneTicketPushAtATime is not disposed: a push still on its way releases it after the emulator stopped, and a
            // SemaphoreSlim whose wait handle was never asked for holds nothing to free.
        }

        private async Task<ComponentPushResult> SendAsync(Uri url, string infoType, string? authorizerAppId, DateTimeOffset now, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
        {
            long timestamp = now.ToUnixTimeSeconds();
            string timestampText = timestamp.ToString(CultureInfo.InvariantCulture);
            string nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
            string plain = ComponentPushMessage.Plain(_options.ComponentAppId, timestamp, infoType, fields);
            string encrypt = MessageCipher.Encrypt(_key, RandomNumberGenerator.GetBytes(16), Encoding.UTF8.GetBytes(plain), _options.ComponentAppId);
            string token = _options.ComponentMessageToken;
            string query = "signature=" + MessageCipher.Sign(token, timestampText, nonce)
                + "&timestamp=" + timestampText
                + "&nonce=" + nonce
                + "&encrypt_type=aes"
                + "&msg_signature=" + MessageCipher.Sign(token, timestampText, nonce, encrypt);
            var target = new UriBuilder(url) { Query = string.IsNullOrEmpty(url.Query) ? query : url.Query.TrimStart('?') + "&" + query };
            try
            {
                using var content = new StringContent(ComponentPushMessage.Envelope(_options.ComponentAppId, encrypt), Encoding.UTF8, "text/xml");
                using HttpResponseMessage response = await _http.PostAsync(target.Uri, content, cancellationToken).ConfigureAwait(false);
                string reply = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return new ComponentPushResult(infoType, authorizerAppId, now, (int)response.StatusCode, reply.Length > ReplyCharacters ? reply.Substring(0, ReplyCharacters) : reply, null);
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The URL may carry a secret of the platform's own, so the error names the failure, not the address.
                return new ComponentPushResult(infoType, authorizerAppId, now, null, null, "the push did not reach the platform: " + failure.GetType().Name + ": " + failure.Message);
            }
        }

        private void PushTicketOnSchedule()
        {
            if (EventUrl == null)
            {
                return;
            }

            _ = PushTicketQuietlyAsync();
        }

        private async Task PushTicketQuietlyAsync()
        {
            try
            {
                // The outcome is kept in Results; an unreachable platform is what WeChat meets too, and it just pushes again later.
                await PushTicketAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The emulator stopped while the push was on its way: no one is left to tell.
            }
        }

        private static KeyValuePair<string, string> Field(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
