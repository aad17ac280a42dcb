using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// What one attempt of a call produced: the response, or the failure with what the next step needs to decide
    /// (whether the request may have reached the server, the token it was sent with, Retry-After).
    /// </summary>
    internal readonly struct TcbAttemptOutcome<TResponse>
        where TResponse : TcbResponse
    {
        private TcbAttemptOutcome(TResponse? response, Exception? failure, TcbAccessToken? accessToken, bool mayHaveReachedServer, int? statusCode, TimeSpan? retryAfter, TcbTimeoutKind armed, bool isAnswer)
        {
            IsAnswer = isAnswer;
            Response = response;
            Failure = failure;
            AccessToken = accessToken;
            MayHaveReachedServer = mayHaveReachedServer;
            StatusCode = statusCode;
            RetryAfter = retryAfter;
            Armed = armed;
        }

        /// <summary>The response; set when <see cref="Failure"/> is <see langword="null"/>.</summary>
        public TResponse? Response { get; }

        /// <summary>Whether the server answered (<see cref="Failure"/>, if any, is what the answer said), rather than the attempt throwing.</summary>
        public bool IsAnswer { get; }

        /// <summary>Why the attempt failed, not thrown yet.</summary>
        public Exception? Failure { get; }

        /// <summary>The token the request was sent with; <see langword="null"/> when getting it failed (nothing was sent).</summary>
        public TcbAccessToken? AccessToken { get; }

        public bool MayHaveReachedServer { get; }

        /// <summary>The HTTP status of the answer, when there was one.</summary>
        public int? StatusCode { get; }

        public TimeSpan? RetryAfter { get; }

        /// <summary>Which limit the call's timeout scope was armed for during the attempt.</summary>
        public TcbTimeoutKind Armed { get; }

        public static TcbAttemptOutcome<TResponse> Answered(TResponse? response, Exception? error, int statusCode, TimeSpan? retryAfter, TcbAccessToken accessToken, TcbTimeoutKind armed)
            => new TcbAttemptOutcome<TResponse>(response, error, accessToken, mayHaveReachedServer: true, statusCode, retryAfter, armed, isAnswer: true);

        /// <summary>A handler's re-send was refused: the failure is what the last send produced (an answer when it had a status).</summary>
        public static TcbAttemptOutcome<TResponse> Refused(Exception failure, TcbAccessToken accessToken, int? statusCode, TcbTimeoutKind armed)
            => new TcbAttemptOutcome<TResponse>(null, failure, accessToken, mayHaveReachedServer: true, statusCode, retryAfter: null, armed, isAnswer: statusCode != null);

        /// <summary>
        /// Whether the retry rules and token renewal may act on the failure: an answer, or a thrown failure of the
        /// transport. Cancellation, or a failure the runtime does not understand (e.g. thrown by a handler), is not.
        /// </summary>
        public bool IsActionable => IsAnswer || TcbErrorMappingPolicy.IsTransportFailure(Failure!, AccessToken);

        public static TcbAttemptOutcome<TResponse> Failed(Exception failure, TcbAccessToken? accessToken, bool mayHaveReachedServer, TcbTimeoutKind armed)
            => new TcbAttemptOutcome<TResponse>(null, failure, accessToken, mayHaveReachedServer, statusCode: null, retryAfter: null, armed, isAnswer: false);
    }
}
