using System;
using System.Collections.Generic;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>
    /// What a response is a ticket for: the second request a caller makes with its fields (an upload to object storage,
    /// a signed PUT, a verified download, a signed call to Tencent Cloud's function API, a migration job to poll).
    /// Named in a spec as <c>"response": { "followUp": "cosFormUpload", ... }</c>.
    /// </summary>
    internal enum FollowUpKind
    {
        CosFormUpload,
        SignedPut,
        VerifiedDownload,
        UploadSignature,
        MigrationJob,
        MigrationJobState,
    }

    /// <summary>How a follow-up member's value is typed: text (a string field) or a whole number (an int32 or int64 field).</summary>
    internal enum FollowUpValue
    {
        Text,
        WholeNumber,
    }

    /// <summary>
    /// One response field a follow-up kind reads: its wire name, the runtime interface's member it fills, how it is typed,
    /// and whether the response may lack it (the member is then always null).
    /// </summary>
    internal sealed record FollowUpMember(string WireName, string MemberName, FollowUpValue Value, bool Optional = false)
    {
        /// <summary>The interface member's C# type.</summary>
#pragma warning disable CS8524 // Exhaustive over the named values: a new FollowUpValue must be handled here (CS8509).
        public string CSharpType => Value switch
        {
            FollowUpValue.Text => "string?",
            FollowUpValue.WholeNumber => "long?",
        };

        /// <summary>Whether a field of <paramref name="type"/> can fill this member: a plain string, or a plain integer.</summary>
        public bool Accepts(FieldType type) => !type.IsEnum && Value switch
        {
            FollowUpValue.Text => type.Literal == ConstantKind.String,
            FollowUpValue.WholeNumber => type.Literal == ConstantKind.Integer,
        };

        /// <summary>The spec types that fit, for messages.</summary>
        public string TypeText => Value switch
        {
            FollowUpValue.Text => "a \"string\"",
            FollowUpValue.WholeNumber => "an \"integer\" (int32 or int64)",
        };
#pragma warning restore CS8524
    }

    /// <summary>
    /// A follow-up kind: its spec name, the runtime interface the generated response class implements (explicitly,
    /// member by member from <see cref="Members"/>), and the fields it needs.
    /// </summary>
    internal sealed record FollowUp(FollowUpKind Kind, string SpecName, string InterfaceName, string Purpose, IReadOnlyList<FollowUpMember> Members)
    {
        /// <summary>The interface's fully qualified name, as generated code writes it.</summary>
        public string QualifiedInterfaceName => "global::TcbGen.Runtime.Transfers." + InterfaceName;
    }

    /// <summary>The closed catalog of follow-up kinds: one place for each kind's fields and interface.</summary>
    internal static class FollowUps
    {
        public static IReadOnlyList<FollowUp> All { get; } = new[]
        {
            new FollowUp(FollowUpKind.CosFormUpload, "cosFormUpload", "ITcbCosUploadTicket", "a multipart/form-data POST of a file to object storage", new[]
            {
                new FollowUpMember("url", "Url", FollowUpValue.Text),
                new FollowUpMember("token", "SecurityToken", FollowUpValue.Text),
                new FollowUpMember("authorization", "Signature", FollowUpValue.Text),
                new FollowUpMember("file_id", "FileId", FollowUpValue.Text),
                new FollowUpMember("cos_file_id", "CosFileId", FollowUpValue.Text),
            }),
            new FollowUp(FollowUpKind.SignedPut, "signedPut", "ITcbSignedPutTicket", "an HTTP PUT of raw bytes to a signed URL", new[]
            {
                new FollowUpMember("signed_url", "SignedUrl", FollowUpValue.Text),
                new FollowUpMember("token", "SecurityToken", FollowUpValue.Text),
            }),
            new FollowUp(FollowUpKind.VerifiedDownload, "verifiedDownload", "ITcbVerifiedDownloadTicket", "a GET of a pre-signed URL, checked against a SHA-256", new[]
            {
                new FollowUpMember("url", "Url", FollowUpValue.Text),
                new FollowUpMember("checksum", "Sha256", FollowUpValue.Text),
            }),
            new FollowUp(FollowUpKind.UploadSignature, "uploadSignature", "ITcbUploadSignature", "a POST to Tencent Cloud's API with TC3-HMAC-SHA256 signed headers", new[]
            {
                new FollowUpMember("headers", "Headers", FollowUpValue.Text),
            }),
            new FollowUp(FollowUpKind.MigrationJob, "migrationJob", "ITcbMigrationJob", "a started database import or export job to poll", new[]
            {
                new FollowUpMember("job_id", "JobId", FollowUpValue.WholeNumber),
            }),
            new FollowUp(FollowUpKind.MigrationJobState, "migrationJobState", "ITcbMigrationJobState", "the state of a database import or export job", new[]
            {
                new FollowUpMember("status", "Status", FollowUpValue.Text),
                new FollowUpMember("error_msg", "ErrorMessage", FollowUpValue.Text, Optional: true),
                new FollowUpMember("record_success", "RecordSuccess", FollowUpValue.WholeNumber, Optional: true),
                new FollowUpMember("record_fail", "RecordFail", FollowUpValue.WholeNumber, Optional: true),
                new FollowUpMember("file_url", "FileUrl", FollowUpValue.Text, Optional: true),
            }),
        };

        /// <summary>The spec names, for messages and the schema.</summary>
        public static IEnumerable<string> SpecNames
        {
            get
            {
                foreach (FollowUp followUp in All)
                {
                    yield return followUp.SpecName;
                }
            }
        }

        public static FollowUp Of(FollowUpKind kind)
        {
            foreach (FollowUp followUp in All)
            {
                if (followUp.Kind == kind)
                {
                    return followUp;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not in the follow-up catalog.");
        }

        public static FollowUp? Find(string specName)
        {
            foreach (FollowUp followUp in All)
            {
                if (string.Equals(followUp.SpecName, specName, StringComparison.Ordinal))
                {
                    return followUp;
                }
            }

            return null;
        }
    }
}
