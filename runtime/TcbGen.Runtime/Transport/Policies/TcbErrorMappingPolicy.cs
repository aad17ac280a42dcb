using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The transport's error mapping, by type and errcode only (no exception's message is ever parsed): what an answer
    /// means (a response, a <see cref="TcbApiException"/>, a <see cref="TcbHttpStatusException"/> or a
    /// <see cref="TcbProtocolException"/>), what a refused re-send or a resilience handler's timeout stands for, and which
    /// thrown failures the retry rules may act on. Every text taken from a body goes through
    /// <see cref="TcbSecretRedactor"/> first.
    /// </summary>
    internal static class TcbErrorMappingPolicy
    {
        /// <summary>
        /// Reads the body whatever its Content-Type says (WeChat sends JSON as text/plain at times), leniently
        /// (trailing commas, comments). An errcode other than 0 wins over every other reading of the body.
        /// </summary>
        public static Exception? Interpret<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, int status, in ReadOnlySequence<byte> rawBody, string? knownSecret, out TResponse? response)
            where TResponse : TcbResponse
        {
            response = null;
            ReadOnlySequence<byte> body = TcbResponseEnvelope.WithoutBom(rawBody);
            int errorCode;
            string? errorMessage;
            if (status < 200 || status > 299)
            {
                return TcbResponseEnvelope.TryRead(body, out errorCode, out errorMessage) && errorCode != 0
                    ? endpoint.CreateException(errorCode, TcbSecretRedactor.Redact(errorMessage, knownSecret, endpoint.SecretFields))
                    : new TcbHttpStatusException(endpoint.Name, status, BodyExcerpt.From(body, knownSecret, endpoint.SecretFields));
            }

            try
            {
                var reader = new Utf8JsonReader(body, TcbResponseEnvelope.ReaderOptions);
                response = endpoint.ReadResponse(ref reader);
            }
            catch (Exception readFailure) when (readFailure is not OperationCanceledException)
            {
                // The typed reader may fail on an error body that lacks the success fields: the envelope still says why.
                bool isObject = TcbResponseEnvelope.TryRead(body, out errorCode, out errorMessage);
                if (isObject && errorCode != 0)
                {
                    return endpoint.CreateException(errorCode, TcbSecretRedactor.Redact(errorMessage, knownSecret, endpoint.SecretFields));
                }

                // errcode 0 (or none) in a JSON object: the call succeeded, only a value could not be read; say so.
                return new TcbProtocolException(
                    endpoint.Name, status, isObject ? 0 : null, BodyExcerpt.From(body, knownSecret, endpoint.SecretFields),
                    body.IsEmpty ? "the body is empty" : isObject ? "a response field is missing or malformed" : "the body is not the expected JSON", readFailure);
            }

            if (response is null)
            {
                return new TcbProtocolException(endpoint.Name, status, BodyExcerpt.From(body, knownSecret, endpoint.SecretFields), "the body holds no response object");
            }

            return response.ErrorCode != 0 ? endpoint.CreateException(response.ErrorCode, TcbSecretRedactor.Redact(response.ErrorMessage, knownSecret, endpoint.SecretFields)) : null;
        }

        /// <summary>
        /// What a handler's refused re-send stands for: the failure the handler was retrying (the last send's answer, when
        /// it had one, with its status in <paramref name="statusCode"/>).
        /// </summary>
        public static Exception Refused<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TcbHttpAttemptState state, string refusal, string knownSecret, out int? statusCode)
            where TResponse : TcbResponse
        {
            statusCode = state.LastStatus;
            if (state.LastErrorCode is int errorCode)
            {
                return endpoint.CreateException(errorCode, TcbSecretRedactor.Redact(state.LastErrorMessage, knownSecret));
            }

            if (state.LastStatus is int status)
            {
                return new TcbHttpStatusException(endpoint.Name, status, null);
            }

            statusCode = null;
            return state.LastFailure switch
            {
                // The handler's attempt timeout cancelled the send it then wanted to repeat.
                OperationCanceledException canceled => new TcbTimeoutException(endpoint.Name, TcbTimeoutKind.Attempt, Timeout.InfiniteTimeSpan, canceled),
                Exception other => other,

                // A concurrent (hedged) send while the first was still in flight: nothing to report but the refusal.
                null => new InvalidOperationException(refusal),
            };
        }

        /// <summary>The state of a refused re-send, when <paramref name="failure"/> is one.</summary>
        public static TcbHttpAttemptState? RefusalOf(Exception failure) => failure switch
        {
            TcbResendRefusedException refused => refused.State,
            TcbConcurrentSendRefusedException refused => refused.State,
            _ => null,
        };

        /// <summary>Whether a thrown <paramref name="failure"/> is one the retry rules apply to (any failure to get the token is: nothing was sent).</summary>
        public static bool IsTransportFailure(Exception failure, TcbAccessToken? accessToken)
            => failure is HttpRequestException || failure is IOException || failure is TcbTimeoutException
               || (accessToken is null && failure is not OperationCanceledException);
    }
}
