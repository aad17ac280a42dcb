using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TcbGen.Testing.State
{
    /// <summary>
    /// What the <see cref="StateLinks"/> keep between calls: the documents set calls stored and the items add calls put
    /// in lists, per link and key. Applied after a request passed every check; thread-safe; cleared by a reset.
    /// </summary>
    internal sealed partial class LinkedState
    {
        private readonly StateLinks _links;
        private readonly object _gate = new object();
        private readonly Dictionary<(DocumentLink Link, string Key), JsonObject> _documents = new Dictionary<(DocumentLink, string), JsonObject>();
        private readonly Dictionary<(CollectionLink Link, string Key), List<JsonObject>> _lists = new Dictionary<(CollectionLink, string), List<JsonObject>>();

        public LinkedState(StateLinks links) => _links = links;

        public StateLinks Links => _links;

        /// <summary>
        /// Records what a successful call of <paramref name="endpointName"/> changes, and returns its answer when the
        /// state changes it (a get after a set, a list after an add); null to answer <paramref name="example"/> as it is.
        /// </summary>
        public string? Apply(string endpointName, JsonElement request, string example)
        {
            lock (_gate)
            {
                JsonObject? answer = null;
                foreach (DocumentLink link in _links.Documents)
                {
                    if (link.Set.Endpoint == endpointName)
                    {
                        Store(link, request);
                    }

                    if (link.Get.Endpoint == endpointName && _documents.TryGetValue((link, Key(link.Get, request)), out JsonObject? stored))
                    {
                        answer ??= Parse(example);
                        JsonObject target = Navigate(answer, link.Into);
                        foreach (KeyValuePair<string, JsonNode?> field in stored)
                        {
                            target[field.Key] = field.Value?.DeepClone();
                        }
                    }
                }

                foreach (CollectionLink link in _links.Collections)
                {
                    foreach (AddCall add in link.Add.Where(a => a.Endpoint == endpointName))
                    {
                        JsonObject item = Add(link, add, request);
                        if (add.Answer.Count > 0)
                        {
                            answer ??= Parse(example);
                            foreach (KeyValuePair<string, string> field in add.Answer)
                            {
                                answer[field.Key] = item[field.Value]?.DeepClone();
                            }
                        }
                    }

                    foreach (RemoveCall remove in link.Remove.Where(r => r.Endpoint == endpointName))
                    {
                        if (_lists.TryGetValue((link, Key(remove.Call, request)), out List<JsonObject>? items))
                        {
                            items.RemoveAll(item => remove.Match.All(m => request.TryGetProperty(m.Value, out JsonElement value) && SameValue(item[m.Key], value)));
                        }
                    }

                    foreach (ListCall list in link.List.Where(l => l.Endpoint == endpointName))
                    {
                        if (_lists.TryGetValue((link, Key(list.Call, request)), out List<JsonObject>? items))
                        {
                            answer ??= Parse(example);
                            ReplaceArray(answer, list.Array, items);
                        }
                    }
                }

                ApplyGroupings(endpointName, request, example, ref answer);
                return answer?.ToJsonString();
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _documents.Clear();
                _lists.Clear();
                _groups.Clear();
            }
        }

        private void Store(DocumentLink link, JsonElement request)
        {
            foreach (string recordKey in Keys(link.Set, request))
            {
                (DocumentLink, string) key = (link, recordKey);
                if (!_documents.TryGetValue(key, out JsonObject? stored))
                {
                    _documents[key] = stored = new JsonObject();
                }

                foreach (KeyValuePair<string, string> field in link.Fields)
                {
                    // Omitted means unchanged: only the fields the request sends replace what was stored.
                    if (request.TryGetProperty(field.Key, out JsonElement value))
                    {
                        stored[field.Value] = JsonNode.Parse(value.GetRawText());
                    }
                }
            }
        }

        private JsonObject Add(CollectionLink link, AddCall add, JsonElement request)
        {
            (CollectionLink, string) key = (link, Key(add.Call, request));
            if (!_lists.TryGetValue(key, out List<JsonObject>? items))
            {
                _lists[key] = items = new List<JsonObject>();
            }

            var item = new JsonObject();
            foreach (KeyValuePair<string, string> field in add.Item)
            {
                if (request.TryGetProperty(field.Value, out JsonElement value))
                {
                    item[field.Key] = JsonNode.Parse(value.GetRawText());
                }
            }

            foreach (KeyValuePair<string, string> field in add.Generate)
            {
                item[field.Key] = JsonValue.Create(Generated(field.Value, request));
            }

            JsonNode? identity = item[link.Identity];
            items.RemoveAll(existing => identity != null && JsonNode.DeepEquals(existing[link.Identity], identity));
            items.Add(item);
            return item;
        }

        /// <summary>Fills a <see cref="AddCall.Generate"/> pattern: <c>{name}</c> with a request string's value, <c>{id}</c> with 16 random hex digits.</summary>
        private static string Generated(string pattern, JsonElement request)
        {
            var text = new System.Text.StringBuilder();
            int at = 0;
            while (at < pattern.Length)
            {
                int open = pattern.IndexOf('{', at);
                int close = open < 0 ? -1 : pattern.IndexOf('}', open);
                if (close < 0)
                {
                    text.Append(pattern, at, pattern.Length - at);
                    break;
                }

                text.Append(pattern, at, open - at);
                string name = pattern.Substring(open + 1, close - open - 1);
                text.Append(name == "id" ? Guid.NewGuid().ToString("N").Substring(0, 16)
                    : request.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : name);
                at = close + 1;
            }

            return text.ToString();
        }

        /// <summary>The array at <paramref name="path"/> becomes the stored items, each laid over the example's first item (so fields the add call does not set keep a documented value).</summary>
        private static void ReplaceArray(JsonObject answer, string path, List<JsonObject> items)
        {
            int dot = path.LastIndexOf('.');
            JsonObject owner = Navigate(answer, dot < 0 ? null : path.Substring(0, dot));
            string name = dot < 0 ? path : path.Substring(dot + 1);
            JsonObject? template = owner[name] is JsonArray example && example.Count > 0 ? example[0] as JsonObject : null;
            var array = new JsonArray();
            foreach (JsonObject item in items)
            {
                var shown = (JsonObject)(template?.DeepClone() ?? new JsonObject());
                foreach (KeyValuePair<string, JsonNode?> field in item)
                {
                    shown[field.Key] = field.Value?.DeepClone();
                }

                array.Add((JsonNode)shown);
            }

            owner[name] = array;
        }

        private static JsonObject Navigate(JsonObject root, string? path)
        {
            JsonObject current = root;
            foreach (string part in (path ?? string.Empty).Split(new[] { '.' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (current[part] is not JsonObject next)
                {
                    current[part] = next = new JsonObject();
                }

                current = next;
            }

            return current;
        }

        /// <summary>The record a call works on: its key fields' values as JSON text, in the link's order.</summary>
        private static string Key(LinkedCall call, JsonElement request) => Keys(call, request).First();

        /// <summary>
        /// The records a call works on. A key field holding an array names one record per item (a trigger update for
        /// <c>"envs": ["a", "b"]</c> is read back by a get for <c>"env": "a"</c> and by one for <c>"env": "b"</c>).
        /// </summary>
        private static IEnumerable<string> Keys(LinkedCall call, JsonElement request)
        {
            IEnumerable<string> keys = new[] { string.Empty };
            foreach (string field in call.Key)
            {
                string[] values = !request.TryGetProperty(field, out JsonElement value) ? new[] { "null" }
                    : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetRawText()).ToArray()
                    : new[] { value.GetRawText() };
                keys = keys.SelectMany(prefix => values.Select(v => prefix + "\u0000" + v)).ToList();
            }

            return keys;
        }

        private static bool SameValue(JsonNode? stored, JsonElement value) =>
            stored != null && JsonNode.DeepEquals(stored, JsonNode.Parse(value.GetRawText()));

        private static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? new JsonObject();
    }
}
