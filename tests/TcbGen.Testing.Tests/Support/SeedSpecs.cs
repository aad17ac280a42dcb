using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TcbGen.Testing.Tests.Support
{
    /// <summary>The seed specs' documented examples, read from the copies next to the test assembly.</summary>
    internal static class SeedSpecs
    {
        public static string Directory => Path.Combine(AppContext.BaseDirectory, "seed-specs");

        /// <summary>Each example of each seed: spec name, path, token kinds, example index, request and response JSON.</summary>
        public static IEnumerable<(string Name, string Path, string[] TokenKinds, int Index, string Request, string Response)> Examples()
        {
            foreach (string file in System.IO.Directory.GetFiles(Directory, "*.tcb.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                using JsonDocument spec = JsonDocument.Parse(File.ReadAllText(file));
                JsonElement root = spec.RootElement;
                string[] kinds = root.GetProperty("tokenKinds").EnumerateArray().Select(k => k.GetString()!).ToArray();
                int index = 0;
                foreach (JsonElement example in root.GetProperty("examples").EnumerateArray())
                {
                    yield return (root.GetProperty("name").GetString()!, root.GetProperty("path").GetString()!, kinds, index++,
                        example.GetProperty("request").GetRawText(), example.GetProperty("response").GetRawText());
                }
            }
        }
    }
}
