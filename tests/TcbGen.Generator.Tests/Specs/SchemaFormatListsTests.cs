using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Specs;
using TcbGen.Specs.Model;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>
    /// The JSON Schema lists the <c>format</c> values in several places (every field and item definition, the per-type
    /// rules, the rule that forbids constraints): each copy is held to the spec module's catalog, so a format added to
    /// the catalog (or dropped from it) fails here until the schema says the same.
    /// </summary>
    public sealed class SchemaFormatListsTests
    {
        private static readonly string[] SchemaFiles = { "tcb-endpoint.schema.json", "tcb-definitions.schema.json" };

        [Fact]
        public void EveryFormatListInTheSchemaIsTheCatalogs()
        {
            List<FormatList> lists = SchemaFiles.SelectMany(FormatLists).ToList();

            Assert.True(lists.Count >= 7, $"expected the schema's format lists, found {lists.Count}");
            foreach (FormatList list in lists)
            {
                Assert.True(Expected(list).SetEquals(list.Values), $"{list.Where}: [{string.Join(", ", list.Values)}], the catalog says [{string.Join(", ", Expected(list))}]");
            }
        }

        /// <summary>What the catalog says a list at that place holds.</summary>
        private static HashSet<string> Expected(FormatList list)
        {
            IEnumerable<FieldType> formatted = FieldTypes.All.Where(t => !t.IsEnum && t.SpecFormat != null);
            if (list.ForType != null)
            {
                // "if type is T then format is one of": the formats of T.
                return formatted.Where(t => t.SpecType == list.ForType).Select(t => t.SpecFormat!).ToHashSet();
            }

            if (list.InCondition)
            {
                // "if format is one of ... then no constraints": the formats the parser refuses a constant for.
                return formatted.Where(t => RefusesConstant(t)).Select(t => t.SpecFormat!).ToHashSet();
            }

            return formatted.Select(t => t.SpecFormat!).ToHashSet();
        }

        private static bool RefusesConstant(FieldType type)
        {
            string constant = type.SpecType == "string" ? "\"x\"" : "1";
            string text = "{ \"name\": \"probeFormat\", \"title\": \"t\", \"method\": \"POST\", \"path\": \"/tcb/probeformat\", "
                + "\"tokenKinds\": [\"authorizer_access_token\"], \"retrySafe\": true, \"request\": { \"fields\": [ "
                + $"{{ \"name\": \"value\", \"type\": \"{type.SpecType}\", \"format\": \"{type.SpecFormat}\", \"description\": \"d\", \"const\": {constant} }} ] }}, "
                + "\"response\": { \"fields\": [] } }";
            ParsedSpec parsed = SpecParser.Parse("/specs/probeFormat.tcb.json", text);
            return parsed.Diagnostics.Any(d => d.Id == SpecDiagnosticIds.NotApplicable && d.Message.StartsWith("'const'", System.StringComparison.Ordinal));
        }

        private static IEnumerable<FormatList> FormatLists(string file)
        {
            using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.SpecsDirectory, "schema", file)));
            var lists = new List<FormatList>();
            Collect(schema.RootElement, file, null, lists);
            return lists;
        }

        /// <summary>Every <c>"format": { "enum": [...] }</c>, with the <c>if</c> it sits under.</summary>
        private static void Collect(JsonElement node, string where, JsonElement? rule, List<FormatList> lists)
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (JsonElement item in node.EnumerateArray())
                {
                    Collect(item, $"{where}/{index++}", rule, lists);
                }

                return;
            }

            if (node.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (node.TryGetProperty("if", out _))
            {
                rule = node;
            }

            foreach (JsonProperty property in node.EnumerateObject())
            {
                string path = $"{where}/{property.Name}";
                if (property.Name == "format" && property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("enum", out JsonElement values))
                {
                    bool inCondition = path.Contains("/if/", System.StringComparison.Ordinal);
                    string? forType = path.Contains("/then/", System.StringComparison.Ordinal) && rule is JsonElement r ? TypeOf(r) : null;
                    lists.Add(new FormatList(path, values.EnumerateArray().Select(v => v.GetString()!).ToList(), forType, inCondition));
                }

                Collect(property.Value, path, rule, lists);
            }
        }

        /// <summary>The <c>type</c> an <c>if</c> names with <c>const</c>, or null.</summary>
        private static string? TypeOf(JsonElement rule) =>
            rule.GetProperty("if").TryGetProperty("properties", out JsonElement properties)
            && properties.TryGetProperty("type", out JsonElement type) && type.TryGetProperty("const", out JsonElement name)
                ? name.GetString()
                : null;

        private sealed record FormatList(string Where, List<string> Values, string? ForType, bool InCondition);
    }
}
