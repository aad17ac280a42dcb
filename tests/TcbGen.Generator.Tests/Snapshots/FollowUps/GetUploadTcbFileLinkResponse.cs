partial class GetUploadTcbFileLinkResponse : global::TcbGen.Runtime.Transfers.ITcbCosUploadTicket
    {
        string? global::TcbGen.Runtime.Transfers.ITcbCosUploadTicket.Url => this.Url;
        string? global::TcbGen.Runtime.Transfers.ITcbCosUploadTicket.SecurityToken => this.Token;
        string? global::TcbGen.Runtime.Transfers.ITcbCosUploadTicket.Signature => this.Authorization;
        string? global::TcbGen.Runtime.Transfers.ITcbCosUploadTicket.FileId => this.FileId;
        string? global::TcbGen.Runtime.Transfers.ITcbCosUploadTicket.CosFileId => this.CosFileId;
    }
