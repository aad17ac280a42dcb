using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TcbGen.Specs.Model;
using TcbGen.Specs;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>The examples written in the seed specs, read through the same parser the generator uses.</summary>
    internal static class SeedExamples
    {
        public static ExampleSpec Get(string specName, int index)
        {
            string path = Path.Combine(Paths.SpecsDirectory, specName + ".tcb.json");
            ParsedSpec parsed = SpecParser.Parse(path, File.ReadAllText(path));
            Assert.Empty(parsed.Diagnostics);
            return parsed.Spec!.Examples[index];
        }

        public static void AssertSameJson(string expected, string actual)
        {
            JsonNode? expectedNode = JsonNode.Parse(expected);
            JsonNode? actualNode = JsonNode.Parse(actual);
            Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"JSON differs.\nexpected: {expected}\nactual:   {actual}");
        }
    }
}
