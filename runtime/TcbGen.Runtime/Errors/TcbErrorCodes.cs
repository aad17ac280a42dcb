namespace TcbGen.Runtime
{
    /// <summary>errcodes the runtime itself acts on (shared by every endpoint).</summary>
    public static class TcbErrorCodes
    {
        /// <summary>System busy, retry later: retried with backoff on retry-safe endpoints.</summary>
        public const int SystemBusy = -1;

        /// <summary>Invalid credential (access token invalid or not the latest): the token is renewed and the call sent once more.</summary>
        public const int InvalidCredential = 40001;

        /// <summary>Invalid access token: the token is renewed and the call sent once more.</summary>
        public const int InvalidAccessToken = 40014;

        /// <summary>Access token expired: the token is renewed and the call sent once more.</summary>
        public const int AccessTokenExpired = 42001;

        /// <summary>61005: the component_verify_ticket has expired.</summary>
        public const int VerifyTicketExpired = 61005;

        /// <summary>61006: the component_verify_ticket is invalid.</summary>
        public const int InvalidVerifyTicket = 61006;

        /// <summary>
        /// <c>authorizer_refresh_token</c> invalid: another instance may have rotated it, so the store is read again and the
        /// renewal retried once with the newer refresh token before this errcode surfaces.
        /// </summary>
        public const int InvalidRefreshToken = 61023;

        /// <summary>Per-minute API call limit reached: retried after <see cref="TcbRetryOptions.RateLimitDelay"/> or Retry-After.</summary>
        public const int ApiMinuteQuotaReached = 45011;

        /// <summary>createCloudUser rate limit (one authorization message per hour): never retried.</summary>
        public const int CreateCloudUserRateLimited = -601026;

        /// <summary>Whether an errcode says the access token used was rejected (40001, 40014, 42001).</summary>
        /// <param name="errorCode">The errcode.</param>
        /// <returns>Whether renewing the token may help.</returns>
        public static bool IsTokenRejected(int errorCode)
            => errorCode == InvalidCredential || errorCode == InvalidAccessToken || errorCode == AccessTokenExpired;
    }
}
