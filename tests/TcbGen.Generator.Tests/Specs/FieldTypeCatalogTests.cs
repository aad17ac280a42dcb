using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TcbGen.Generator.Emit;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Specs;
using TcbGen.Specs.Json;
using TcbGen.Specs.Model;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>
    /// Every kind has its entry in each consumer of the catalog (the spec module's descriptor and wire form, the
    /// generator's C# forms, the JSON Schema's lists), and the round-trip spec uses every kind at every depth.
    /// </summary>
    public sealed class FieldTypeCatalogTests
    {
        public static IEnumerable<object[]> Kinds() => Enum.GetValues(typeof(TypeKind)).Cast<TypeKind>().Select(k => new object[] { k.ToString() });

        [Theory]
        [MemberData(nameof(Kinds))]
        public void EveryKindHasOneCompleteEntry(string kindName)
        {
            var kind = (TypeKind)Enum.Parse(typeof(TypeKind), kindName);
            FieldType type = FieldTypes.Of(kind);

            Assert.Equal(kind, type.Kind);
            Assert.Same(type, FieldTypes.All[(int)kind]);
            Assert.False(string.IsNullOrEmpty(type.SpecType));
            Assert.False(string.IsNullOrEmpty(type.WireDescription));
            Assert.Equal(type.Shape == TypeShape.Array, type.Check == ValueCheck.Items);
            Assert.False(type.Wire.Accepts(new WireValue(JsonNodeKind.Null, null), tolerant: true));
        }

        /// <summary>The generator's half: every kind is spelled, read and written in C#, and goes in a query if its shape can.</summary>
        [Theory]
        [MemberData(nameof(Kinds))]
        public void EveryKindHasItsCSharpForms(string kindName)
        {
            var kind = (TypeKind)Enum.Parse(typeof(TypeKind), kindName);
            FieldType type = FieldTypes.Of(kind);
            CSharpFieldType csharp = CSharpFieldTypes.Of(TypeRef.Plain(kind));

            bool generated = type.IsEnum || type.Shape != TypeShape.Scalar;
            Assert.Equal(generated, csharp.Keyword == null);
            Assert.Equal(type.Shape == TypeShape.Array, csharp.Read == null);
            Assert.Equal(type.Shape == TypeShape.Array, csharp.Write == null);
            Assert.Equal(type.FitsInQuery, csharp.Query != null);
            Assert.True(csharp.Unread == null || csharp.Check != null, "a value the reader can leave unread must be checked before it is sent");
        }

        /// <summary>The JSON Schema's <c>type</c> and <c>format</c> lists, wherever they are stated, are the catalog's.</summary>
        [Fact]
        public void TheSchemasTypeAndFormatListsAreTheCatalogs()
        {
            // The definitions schema takes its fields from the endpoint schema.
            using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.SpecsDirectory, "schema", "tcb-endpoint.schema.json")));
            string[] allFormats = FieldTypes.All.Where(t => t.SpecFormat != null).Select(t => t.SpecFormat!).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToArray();
            string[] specTypes = FieldTypes.All.Select(t => t.SpecType).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToArray();
            int typeLists = 0;
            int formatLists = 0;

            foreach (JsonElement node in Descendants(schema.RootElement).Where(n => n.ValueKind == JsonValueKind.Object))
            {
                if (node.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.Object && Enumerated(type) is string[] types && types.Contains("array"))
                {
                    Assert.Equal(specTypes, types);
                    typeLists++;
                }

                if (node.TryGetProperty("format", out JsonElement format) && format.ValueKind == JsonValueKind.Object && Enumerated(format) is string[] formats)
                {
                    Assert.Subset(new HashSet<string>(allFormats), new HashSet<string>(formats));
                    if (format.TryGetProperty("description", out _))
                    {
                        Assert.Equal(allFormats, formats);
                    }

                    formatLists++;
                }

                // "if": { "properties": { "type": { "const": T } } }, "then": { "properties": { "format": { "enum": [...] } } }
                if (node.TryGetProperty("if", out JsonElement condition) && node.TryGetProperty("then", out JsonElement then)
                    && condition.TryGetProperty("properties", out JsonElement ifProperties) && ifProperties.TryGetProperty("type", out JsonElement ifType)
                    && ifType.TryGetProperty("const", out JsonElement specType)
                    && then.TryGetProperty("properties", out JsonElement thenProperties) && thenProperties.TryGetProperty("format", out JsonElement thenFormat)
                    && Enumerated(thenFormat) is string[] typeFormats)
                {
                    string[] expected = FieldTypes.All.Where(t => t.SpecType == specType.GetString() && t.SpecFormat != null).Select(t => t.SpecFormat!).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToArray();
                    Assert.Equal(expected, typeFormats);
                }
            }

            Assert.True(typeLists > 0, "the schema states no type list");
            Assert.True(formatLists > 0, "the schema states no format list");
        }

        private static string[]? Enumerated(JsonElement node) =>
            node.ValueKind == JsonValueKind.Object && node.TryGetProperty("enum", out JsonElement values)
                ? values.EnumerateArray().Select(v => v.GetString()!).OrderBy(v => v, StringComparer.Ordinal).ToArray()
                : null;

        private static IEnumerable<JsonElement> Descendants(JsonElement node)
        {
            yield return node;
            IEnumerable<JsonElement> children = node.ValueKind switch
            {
                JsonValueKind.Object => node.EnumerateObject().Select(p => p.Value),
                JsonValueKind.Array => node.EnumerateArray(),
                _ => Enumerable.Empty<JsonElement>(),
            };
            foreach (JsonElement child in children)
            {
                foreach (JsonElement descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void TheRoundTripSpecUsesEveryKindAloneInAnArrayAndInAnArrayOfArrays(string kindName)
        {
            var kind = (TypeKind)Enum.Parse(typeof(TypeKind), kindName);
            string path = Path.Combine(Paths.TestsDirectory, "TestSpecs", "echoAllKinds.tcb.json");
            ParsedSpec parsed = SpecParser.Parse(path, File.ReadAllText(path));
            Assert.Empty(parsed.Diagnostics);

            foreach (ObjectSpec side in new[] { parsed.Spec!.Request!, parsed.Spec.Response })
            {
                var depths = new HashSet<int>();
                foreach (FieldSpec field in side.Fields)
                {
                    int depth = 0;
                    for (TypeRef? type = field.Type; type != null; type = type.Items, depth++)
                    {
                        if (type.Kind == kind)
                        {
                            depths.Add(depth);
                        }
                    }
                }

                Assert.Superset(new HashSet<int> { 0, 1, 2 }, depths);
            }
        }
    }
}
