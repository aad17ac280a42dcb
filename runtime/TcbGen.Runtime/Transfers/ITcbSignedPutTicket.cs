namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// A response that signs one HTTP PUT of raw bytes: a spec with <c>"followUp": "signedPut"</c>
    /// (<c>/componenttcb/staticuploadfile</c>). Pass one to <see cref="TcbTransfers.PutFileAsync{TTicket}"/>.
    /// </summary>
    public interface ITcbSignedPutTicket
    {
        /// <summary>The URL to PUT the bytes to, its signature in the query (<c>signed_url</c>). A secret.</summary>
        string? SignedUrl { get; }

        /// <summary>The <c>x-cos-security-token</c> header of the PUT (<c>token</c>). A secret.</summary>
        string? SecurityToken { get; }
    }
}
