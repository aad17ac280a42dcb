namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// A response with a pre-signed download URL and the SHA-256 of what it serves: a spec with
    /// <c>"followUp": "verifiedDownload"</c> (<c>/tcb/downloadfunction</c>). Pass one to
    /// <see cref="TcbTransfers.DownloadVerifiedAsync{TTicket}"/>.
    /// </summary>
    public interface ITcbVerifiedDownloadTicket
    {
        /// <summary>The pre-signed URL to GET (<c>url</c>). A secret.</summary>
        string? Url { get; }

        /// <summary>The SHA-256 of the content, hex (<c>checksum</c>).</summary>
        string? Sha256 { get; }
    }
}
