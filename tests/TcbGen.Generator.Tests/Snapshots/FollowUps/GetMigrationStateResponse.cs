partial class GetMigrationStateResponse : global::TcbGen.Runtime.Transfers.ITcbMigrationJobState
    {
        string? global::TcbGen.Runtime.Transfers.ITcbMigrationJobState.Status => this.Status;
        string? global::TcbGen.Runtime.Transfers.ITcbMigrationJobState.ErrorMessage => this.ErrorMsg;
        long? global::TcbGen.Runtime.Transfers.ITcbMigrationJobState.RecordSuccess => this.RecordSuccess;
        long? global::TcbGen.Runtime.Transfers.ITcbMigrationJobState.RecordFail => this.RecordFail;
        string? global::TcbGen.Runtime.Transfers.ITcbMigrationJobState.FileUrl => this.FileUrl;
    }
