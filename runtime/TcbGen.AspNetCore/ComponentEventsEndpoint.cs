using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TcbGen.Runtime;

namespace TcbGen.AspNetCore
{
    /// <summary>
    /// The authorization-event URL: size, timestamp and signature are checked before anything is decrypted, the
    /// decrypted event is handled, and WeChat gets <c>success</c>. A refused push stores nothing and logs only the reason.
    /// </summary>
    internal sealed class ComponentEventsEndpoint
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private readonly TcbComponentEventsOptions _options;
        private readonly TcbMessageCrypto _crypto;
        private readonly ComponentEventProcessor _processor;
        private readonly TimeProvider _time;
        private readonly ILogger _logger;

        public ComponentEventsEndpoint(IOptions<TcbComponentEventsOptions> options, IOptions<TcbGenOptions> tcbGen, ComponentEventProcessor processor, ILogger<ComponentEventsEndpoint> logger, TimeProvider? time = null)
        {
            _options = options.Value;
            string componentAppId = tcbGen.Value.ThirdParty.ComponentAppId
                ?? throw new InvalidOperationException("TcbGenOptions.ThirdParty.ComponentAppId is required: pushes are checked against the platform's appid.");
            _crypto = new TcbMessageCrypto(
                _options.Token ?? throw new InvalidOperationException("TcbComponentEventsOptions.Token is required (消息校验Token)."),
                _options.EncodingAesKey ?? throw new InvalidOperationException("TcbComponentEventsOptions.EncodingAesKey is required (消息加解密Key)."),
                componentAppId,
                _options.PreviousEncodingAesKey);
            _processor = processor;
            _time = time ?? TimeProvider.System;
            _logger = logger;
        }

        public async Task HandleAsync(HttpContext context)
        {
            IReadOnlyDictionary<string, string> fields;
            try
            {
                string body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
                IQueryCollection query = context.Request.Query;
                string? timestamp = query["timestamp"];
                CheckTimestamp(timestamp);
                string message = _crypto.OpenPush(body, query["msg_signature"], timestamp, query["nonce"], _options.MaxBodyBytes);
                fields = TcbPushXml.ReadFields(message, _options.MaxBodyBytes);
            }
            catch (TcbMessageRejectedException rejected)
            {
                await RefuseAsync(context, rejected.Reason).ConfigureAwait(false);
                return;
            }

            string infoType = fields.TryGetValue("InfoType", out string? type) ? type : string.Empty;
            try
            {
                await _processor.HandlePushAsync(fields, context.RequestAborted).ConfigureAwait(false);
            }
            catch (TcbMessageRejectedException rejected)
            {
                await RefuseAsync(context, rejected.Reason).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Not "success": WeChat pushes the event again.
                ComponentEventLog.HandlingFailed(_logger, exception, infoType);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("success").ConfigureAwait(false);
        }

        private void CheckTimestamp(string? timestamp)
        {
            if (string.IsNullOrEmpty(timestamp))
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.MissingField, "timestamp is required.");
            }

            if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
                || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                || (_time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > _options.TimestampWindow)
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.StaleTimestamp, "The timestamp is outside the accepted window.");
            }
        }

        /// <summary>Reads at most <see cref="TcbComponentEventsOptions.MaxBodyBytes"/> bytes; more is refused without reading on.</summary>
        private async Task<string> ReadBodyAsync(HttpRequest request)
        {
            int max = _options.MaxBodyBytes;
            if (request.ContentLength > max)
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.BodyTooLarge, "The body is larger than " + max + " bytes.");
            }

            var buffer = new byte[max + 1];
            int read = 0;
            int last;
            while (read < buffer.Length && (last = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                read += last;
            }

            if (read > max)
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.BodyTooLarge, "The body is larger than " + max + " bytes.");
            }

            try
            {
                return StrictUtf8.GetString(buffer, 0, read);
            }
            catch (DecoderFallbackException)
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.MalformedXml, "The body is not UTF-8.");
            }
        }

        private async Task RefuseAsync(HttpContext context, TcbMessageRejection reason)
        {
            ComponentEventLog.Refused(_logger, reason);
            context.Response.StatusCode = StatusOf(reason);
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("refused: " + reason).ConfigureAwait(false);
        }

        private static int StatusOf(TcbMessageRejection reason)
        {
            switch (reason)
            {
                case TcbMessageRejection.BodyTooLarge:
                    return StatusCodes.Status413PayloadTooLarge;
                case TcbMessageRejection.SignatureMismatch:
                case TcbMessageRejection.StaleTimestamp:
                case TcbMessageRejection.AppIdMismatch:
                    return StatusCodes.Status403Forbidden;
                case TcbMessageRejection.MalformedXml:
                case TcbMessageRejection.MissingField:
                case TcbMessageRejection.MalformedCiphertext:
                case TcbMessageRejection.InvalidPadding:
                case TcbMessageRejection.InvalidLength:
                case TcbMessageRejection.InvalidText:
                    return StatusCodes.Status400BadRequest;
            }

            return StatusCodes.Status400BadRequest;
        }
    }
}
