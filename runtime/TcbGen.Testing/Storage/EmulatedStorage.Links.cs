using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TcbGen.Testing.Storage
{
    internal sealed partial class EmulatedStorage
    {
        /// <summary>
        /// A migration job start: a fresh <c>job_id</c>. An import whose file is not in the environment's storage makes a job
        /// that fails (the page says the file must be there first); an export writes its file when it ends.
        /// </summary>
        private JsonObject? StartJob(TicketLink link, JsonElement request, JsonObject answer)
        {
            if (Text(request, link.Env) is not string env || Text(request, link.Path) is not string path)
            {
                return null;
            }

            bool isImport = link.Job == "import";
            byte[]? file = isImport ? Objects.Get(StorageArea.Files, env, path) : null;
            string? failure = isImport && file == null ? $"import file not found in the environment's storage: {path}" : null;
            long records = file == null ? 0 : Encoding.UTF8.GetString(file).Split('\n').Count(line => line.Trim().Length > 0);
            MigrationJob job = _jobs.Start(env, path, isImport, failure, records);
            answer["job_id"] = job.Id;
            return answer;
        }

        /// <summary>A job's state: running on the first read, then <c>success</c> (an export's file written) or <c>fail</c>.</summary>
        private JsonObject? JobState(TicketLink link, JsonElement request, JsonObject answer, string origin)
        {
            if (Text(request, link.Env) is not string env || link.JobId == null
                || !request.TryGetProperty(link.JobId, out JsonElement id) || !id.TryGetInt64(out long jobId)
                || _jobs.Find(env, jobId) is not MigrationJob job)
            {
                return null;
            }

            job.Reads++;
            bool ended = job.Reads > 1;
            answer["status"] = !ended ? "migrating" : job.Failure == null ? "success" : "fail";
            answer["error_msg"] = !ended ? string.Empty : job.Failure ?? (job.IsImport ? "导入完成." : "导出完成.");
            answer["record_success"] = ended && job.Failure == null ? job.Records : 0;
            answer["record_fail"] = 0;
            if (ended && job.Failure == null && !job.IsImport)
            {
                if (Objects.Get(StorageArea.Files, env, job.Path) == null)
                {
                    Objects.Put(StorageArea.Files, env, job.Path, Array.Empty<byte>());
                }

                answer["file_url"] = DownloadUrl(origin, StorageArea.Files, env, job.Path);
            }
            else
            {
                answer.Remove("file_url");
            }

            return answer;
        }

        /// <summary>
        /// Download links for the requested files once any of them is stored: a stored file gets a URL that serves its bytes
        /// (status 0), another one status -1 and <c>STORAGE_FILE_NONEXIST</c>. With none stored, the example answer stands.
        /// </summary>
        private JsonObject? DownloadLinks(DownloadLinkCall call, JsonElement request, JsonObject answer, string origin)
        {
            if (!request.TryGetProperty(call.List, out JsonElement list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var items = new JsonArray();
            bool anyStored = false;
            foreach (JsonElement wanted in list.EnumerateArray())
            {
                string? fileId = Text(wanted, call.FileId);
                bool stored = CloudFileId.TryParse(fileId, out string env, out string path) && Objects.Get(StorageArea.Files, env, path) != null;
                anyStored |= stored;
                items.Add((JsonNode)new JsonObject
                {
                    [call.FileId] = fileId,
                    [call.Url] = stored ? DownloadUrl(origin, StorageArea.Files, env, path) : string.Empty,
                    [call.Status] = stored ? 0 : -1,
                    [call.Message] = stored ? "ok" : "STORAGE_FILE_NONEXIST",
                });
            }

            if (!anyStored)
            {
                return null;
            }

            answer[call.List] = items;
            return answer;
        }

        private void StoreInlineCode(InlineCodeCall call, JsonElement request)
        {
            if (Text(request, call.Name) is not string name || Text(request, call.Zip) is not string zip
                || !request.TryGetProperty(call.Envs, out JsonElement envs) || envs.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            byte[] code;
            try
            {
                code = Convert.FromBase64String(zip);
            }
            catch (FormatException)
            {
                return;
            }

            foreach (JsonElement env in envs.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String))
            {
                Objects.Put(StorageArea.FunctionCode, env.GetString()!, name, code);
            }
        }
    }
}
