using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TcbGen.Testing.State
{
    /// <summary>The <see cref="GroupingLink"/>s' state: per link and key, each group's values, in the order written.</summary>
    internal sealed partial class LinkedState
    {
        private readonly Dictionary<(GroupingLink Link, string Key), Dictionary<string, List<JsonNode>>> _groups = new Dictionary<(GroupingLink, string), Dictionary<string, List<JsonNode>>>();

        /// <summary>Stores a write call's items by group; answers a read call with the asked groups that hold values.</summary>
        private void ApplyGroupings(string endpointName, JsonElement request, string example, ref JsonObject? answer)
        {
            foreach (GroupingLink link in _links.Groupings)
            {
                if (link.Write.Call.Endpoint == endpointName)
                {
                    Group(link, request);
                }

                if (link.Read.Call.Endpoint == endpointName && _groups.TryGetValue((link, Key(link.Read.Call, request)), out Dictionary<string, List<JsonNode>>? groups))
                {
                    var entries = new List<JsonObject>();
                    foreach (JsonElement asked in OneOrMany(request, link.Read.Ask))
                    {
                        if (groups.TryGetValue(asked.GetRawText(), out List<JsonNode>? values) && !entries.Any(e => JsonNode.DeepEquals(e[link.Read.Group], JsonNode.Parse(asked.GetRawText()))))
                        {
                            entries.Add(new JsonObject
                            {
                                [link.Read.Group] = JsonNode.Parse(asked.GetRawText()),
                                [link.Read.Values] = new JsonArray(values.Select(v => v.DeepClone()).ToArray()),
                            });
                        }
                    }

                    // Nothing stored for any asked group: the example, as for every link before its first write.
                    if (entries.Count > 0)
                    {
                        answer ??= Parse(example);
                        ReplaceArray(answer, link.Read.Array, entries);
                    }
                }
            }
        }

        private void Group(GroupingLink link, JsonElement request)
        {
            if (!request.TryGetProperty(link.Write.Items, out JsonElement items) || items.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            (GroupingLink, string) key = (link, Key(link.Write.Call, request));
            if (!_groups.TryGetValue(key, out Dictionary<string, List<JsonNode>>? groups))
            {
                _groups[key] = groups = new Dictionary<string, List<JsonNode>>();
            }

            foreach (JsonElement item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                if (!item.TryGetProperty(link.Write.Value, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                foreach (JsonElement group in OneOrMany(item, link.Write.By))
                {
                    if (!groups.TryGetValue(group.GetRawText(), out List<JsonNode>? values))
                    {
                        groups[group.GetRawText()] = values = new List<JsonNode>();
                    }

                    JsonNode stored = JsonNode.Parse(value.GetRawText())!;
                    if (!values.Any(v => JsonNode.DeepEquals(v, stored)))
                    {
                        values.Add(stored);
                    }
                }
            }
        }

        /// <summary>A field's value, or each item of it when it is an array; nothing when it is absent or null.</summary>
        private static IEnumerable<JsonElement> OneOrMany(JsonElement owner, string field)
        {
            if (!owner.TryGetProperty(field, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return Enumerable.Empty<JsonElement>();
            }

            return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).ToList() : new[] { value };
        }
    }
}
