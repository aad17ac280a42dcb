using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TcbGen.Specs;
using TcbGen.Testing.Specs;

namespace TcbGen.Testing.Storage
{
    /// <summary>
    /// The storage side of the emulator: the tickets the follow-up endpoints answer (URLs on the emulator itself, signatures
    /// and tokens it can check), the bytes uploaded with them, download links for stored files, the function code that
    /// downloads serve, and migration jobs. Which endpoint does what comes from its spec's <c>followUp</c> kind and the
    /// <c>storage</c> links (<see cref="StorageLinks"/>); the HTTP side is <see cref="StorageRoutes"/>.
    /// </summary>
    internal sealed partial class EmulatedStorage
    {
        /// <summary>Where the storage endpoints answer, on the emulator's own port (WeChat has no such path).</summary>
        public const string StoragePrefix = "/__storage";

        /// <summary>Where the emulated Tencent Cloud function API answers.</summary>
        public const string FunctionApiPrefix = "/__scf";

        private readonly object _gate = new object();
        private readonly StorageLinks _links;
        private readonly Dictionary<string, (StorageArea Area, string Env, string Path)> _tokens = new Dictionary<string, (StorageArea, string, string)>(StringComparer.Ordinal);
        private readonly MigrationJobs _jobs = new MigrationJobs();

        public EmulatedStorage(StorageLinks links) => _links = links;

        public ObjectStore Objects { get; } = new ObjectStore();

        public StorageSigner Signer { get; } = new StorageSigner();

        public StorageLinks Links => _links;

        /// <summary>What a function's code is before anything uploaded it: a small zip with an index.js, the same every run.</summary>
        public static byte[] DefaultFunctionCode { get; } = MakeDefaultFunctionCode();

        public void Clear()
        {
            lock (_gate)
            {
                Objects.Clear();
                _tokens.Clear();
                _jobs.Clear();
            }
        }

        /// <summary>
        /// The answer of a successful call, with storage's part in place: fresh tickets, download links for stored files, job
        /// ids and states; null to answer <paramref name="answer"/> as it is. Stores a function's inline code.
        /// </summary>
        public string? Apply(EmulatedEndpoint endpoint, JsonElement request, string answer, string origin)
        {
            lock (_gate)
            {
                JsonObject? changed = null;
                TicketLink? ticket = _links.Tickets.FirstOrDefault(t => t.Endpoint == endpoint.Name);
                if (ticket != null && endpoint.Spec.FollowUp is FollowUpKind kind)
                {
                    changed = Issue(kind, ticket, request, Parse(answer), origin);
                }

                foreach (DownloadLinkCall links in _links.DownloadLinks.Where(d => d.Endpoint == endpoint.Name))
                {
                    changed = DownloadLinks(links, request, changed ?? Parse(answer), origin) ?? changed;
                }

                foreach (InlineCodeCall code in _links.InlineCode.Where(c => c.Endpoint == endpoint.Name))
                {
                    StoreInlineCode(code, request);
                }

                return changed?.ToJsonString();
            }
        }

#pragma warning disable CS8524 // Exhaustive over the catalog's kinds: a new FollowUpKind must be handled here (CS8509).
        private JsonObject? Issue(FollowUpKind kind, TicketLink link, JsonElement request, JsonObject answer, string origin) => kind switch
        {
            FollowUpKind.CosFormUpload => IssueFormUpload(link, request, answer, origin),
            FollowUpKind.SignedPut => IssueSignedPut(link, request, answer, origin),
            FollowUpKind.VerifiedDownload => IssueFunctionDownload(link, request, answer, origin),
            FollowUpKind.UploadSignature => IssueTc3Headers(request, answer, origin),
            FollowUpKind.MigrationJob => StartJob(link, request, answer),
            FollowUpKind.MigrationJobState => JobState(link, request, answer, origin),
        };
#pragma warning restore CS8524

        private JsonObject? IssueFormUpload(TicketLink link, JsonElement request, JsonObject answer, string origin)
        {
            if (Text(request, link.Env) is not string env || Text(request, link.Path) is not string path)
            {
                return null;
            }

            string token = StorageSigner.NewToken();
            string cosFileId = StorageSigner.NewToken();
            _tokens[token] = (StorageArea.Files, env, path);
            answer["url"] = $"{origin}{StoragePrefix}/cos/{Uri.EscapeDataString(env)}";
            answer["token"] = token;
            answer["authorization"] = FormSignature(env, path, token, cosFileId);
            answer["file_id"] = CloudFileId.Of(env, path);
            answer["cos_file_id"] = cosFileId;
            return answer;
        }

        public string FormSignature(string env, string key, string token, string cosFileId) =>
            "q-sign-algorithm=sha1&q-signature=" + Signer.Sign("cos-form", env, key, token, cosFileId);

        private JsonObject? IssueSignedPut(TicketLink link, JsonElement request, JsonObject answer, string origin)
        {
            if (Text(request, link.Env) is not string env || Text(request, link.Path) is not string path)
            {
                return null;
            }

            string token = StorageSigner.NewToken();
            _tokens[token] = (StorageArea.StaticSite, env, path);
            answer["signed_url"] = $"{origin}{StoragePrefix}/static/{Uri.EscapeDataString(env)}/{EscapePath(path)}?sign={PutSignature(env, path, token)}";
            answer["token"] = token;
            return answer;
        }

        public string PutSignature(string env, string path, string token) => Signer.Sign("put", env, path, token);

        private JsonObject? IssueFunctionDownload(TicketLink link, JsonElement request, JsonObject answer, string origin)
        {
            if (Text(request, link.Env) is not string env || Text(request, link.Path) is not string name)
            {
                return null;
            }

            byte[] code = Objects.Get(StorageArea.FunctionCode, env, name) ?? DefaultFunctionCode;
            answer["url"] = DownloadUrl(origin, StorageArea.FunctionCode, env, name);
            answer["checksum"] = StorageSigner.Sha256Hex(code);
            return answer;
        }

        private JsonObject IssueTc3Headers(JsonElement request, JsonObject answer, string origin)
        {
            string hashedPayload = Text(request, "hashed_payload") ?? string.Empty;
            string host = new Uri(origin).Authority;
            long timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            string signature = Tc3Signature.Compute(Signer.Tc3SecretKey, host, timestamp, hashedPayload);
            answer["headers"] = string.Join("\r\n",
                "Authorization:" + Tc3Signature.Authorization(signature, timestamp),
                "Host:" + host,
                "Content-Type:" + Tc3Signature.ContentType,
                "X-TC-Action:UpdateFunctionCode",
                "X-TC-Timestamp:" + timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "X-TC-Version:2018-04-16");
            return answer;
        }

        /// <summary>The URL that serves a stored object, signed so that only the emulator can have made it.</summary>
        public string DownloadUrl(string origin, StorageArea area, string env, string path) =>
            $"{origin}{StoragePrefix}/{AreaSegment(area)}/{Uri.EscapeDataString(env)}/{EscapePath(path)}?sign={Signer.Sign("get", area.ToString(), env, path)}";

        public bool TryTakeToken(string token, StorageArea area, string env, string path)
        {
            lock (_gate)
            {
                return _tokens.TryGetValue(token, out (StorageArea Area, string Env, string Path) issued)
                    && issued.Area == area && issued.Env == env && issued.Path == path;
            }
        }

#pragma warning disable CS8524 // Exhaustive over the areas.
        public static string AreaSegment(StorageArea area) => area switch
        {
            StorageArea.Files => "files",
            StorageArea.StaticSite => "static",
            StorageArea.FunctionCode => "functions",
        };
#pragma warning restore CS8524

        private static string EscapePath(string path) => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

        private static string? Text(JsonElement request, string? field) =>
            field != null && request.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? new JsonObject();

        private static byte[] MakeDefaultFunctionCode()
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                ZipArchiveEntry entry = zip.CreateEntry("index.js");
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using Stream stream = entry.Open();
                byte[] text = Encoding.UTF8.GetBytes("exports.main = async (event) => ({ event });\n");
                stream.Write(text, 0, text.Length);
            }

            return buffer.ToArray();
        }
    }
}
