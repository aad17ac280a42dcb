namespace TcbGen.Runtime
{
    /// <summary>The envelope every WeChat server API response shares: <c>errcode</c> and <c>errmsg</c>.</summary>
    public abstract class TcbResponse
    {
        /// <summary>The <c>errcode</c> field: 0 on success. A client throws <see cref="TcbApiException"/> for any other value.</summary>
        public int ErrorCode { get; set; }

        /// <summary>The <c>errmsg</c> field, e.g. <c>ok</c>.</summary>
        public string? ErrorMessage { get; set; }
    }
}
