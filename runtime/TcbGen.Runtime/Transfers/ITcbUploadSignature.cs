namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// A response holding the TC3-HMAC-SHA256 signed headers of one request to Tencent Cloud's API: a spec with
    /// <c>"followUp": "uploadSignature"</c> (<c>/tcb/getuploadsignature</c>). Used by
    /// <see cref="TcbTransfers.UploadFunctionCodeAsync{TSignature}"/>.
    /// </summary>
    public interface ITcbUploadSignature
    {
        /// <summary>The headers, one <c>Name:Value</c> per line (CRLF), starting with <c>Authorization</c> (<c>headers</c>). A secret.</summary>
        string? Headers { get; }
    }
}
