namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// A response that signs one file upload to object storage (COS): a spec with <c>"followUp": "cosFormUpload"</c>
    /// (<c>/tcb/uploadfile</c>, <c>/componenttcb/uploadfile</c>). Generated responses implement it explicitly; pass one
    /// to <see cref="TcbTransfers.UploadFileAsync{TTicket}"/>.
    /// </summary>
    public interface ITcbCosUploadTicket
    {
        /// <summary>Where the multipart/form-data POST goes (<c>url</c>).</summary>
        string? Url { get; }

        /// <summary>The form field <c>x-cos-security-token</c> (<c>token</c>). A secret.</summary>
        string? SecurityToken { get; }

        /// <summary>The form field <c>Signature</c> (<c>authorization</c>). A secret.</summary>
        string? Signature { get; }

        /// <summary>The uploaded file's cloud id, <c>cloud://...</c> (<c>file_id</c>).</summary>
        string? FileId { get; }

        /// <summary>The form field <c>x-cos-meta-fileid</c> (<c>cos_file_id</c>).</summary>
        string? CosFileId { get; }
    }
}
