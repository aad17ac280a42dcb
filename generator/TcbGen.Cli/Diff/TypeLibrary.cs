using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TcbGen.Cli.Diff
{
    /// <summary>
    /// The named types (objects and enums with a <c>typeName</c>, a definitions file's <c>types</c>) and error sets
    /// (built-in, a definitions file's <c>errorSets</c>, a spec's <c>defineErrorSets</c>) a spec's <c>ref</c>s and
    /// <c>errorSets</c> may name: read from the spec files in its folder and the folder above it (where a family's
    /// <c>*.tcb.defs.json</c> sits beside the family folders).
    /// </summary>
    internal sealed class TypeLibrary
    {
        private readonly Dictionary<string, JsonElement> _types = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        private readonly Dictionary<string, int[]> _errorSets = new Dictionary<string, int[]>(StringComparer.Ordinal);

        /// <summary>A library with no files read: only the built-in error sets.</summary>
        public static TypeLibrary Empty { get; } = new TypeLibrary();

        /// <summary>
        /// The library for the spec at <paramref name="specPath"/>: every spec and definitions file in its folder and the
        /// folder above, then, when the folder above holds specs too (a folder of families), in the other families beside
        /// it: a compilation reads them all, so a batch spec may name a type a common family's definitions declare. The
        /// nearer declaration of a name wins.
        /// </summary>
        public static TypeLibrary Around(string specPath)
        {
            var library = new TypeLibrary();
            string? folder = Path.GetDirectoryName(Path.GetFullPath(specPath));
            string? parent = folder == null ? null : Path.GetDirectoryName(folder);
            IEnumerable<string> siblings = parent != null && Directory.EnumerateFiles(parent).Any(TcbGen.Specs.SpecParser.IsInputFile)
                ? Directory.EnumerateDirectories(parent).Where(d => d != folder).OrderBy(d => d, StringComparer.Ordinal)
                : Enumerable.Empty<string>();
            foreach (string directory in new[] { folder, parent }.OfType<string>().Concat(siblings))
            {
                foreach (string file in Directory.EnumerateFiles(directory).Where(TcbGen.Specs.SpecParser.IsInputFile).OrderBy(f => f, StringComparer.Ordinal))
                {
                    library.Add(File.ReadAllText(file));
                }
            }

            return library;
        }

        /// <summary>Adds the declarations of one spec or definitions file; text that is not JSON adds nothing.</summary>
        public void Add(string json)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                JsonElement root = document.RootElement.Clone();
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return;
                }

                foreach (string property in new[] { "types", "request", "response" })
                {
                    if (root.TryGetProperty(property, out JsonElement node))
                    {
                        Collect(node);
                    }
                }

                foreach (string property in new[] { "errorSets", "defineErrorSets" })
                {
                    if (root.TryGetProperty(property, out JsonElement sets) && sets.ValueKind == JsonValueKind.Object)
                    {
                        foreach (JsonProperty set in sets.EnumerateObject().Where(s => s.Value.ValueKind == JsonValueKind.Array))
                        {
                            _errorSets.TryAdd(set.Name, set.Value.EnumerateArray()
                                .Where(e => e.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.Number)
                                .Select(e => e.GetProperty("code").GetInt32()).ToArray());
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // A file that is not JSON declares nothing; tcbgen check reports it.
            }
        }

        public bool TryGet(string typeName, out JsonElement type) => _types.TryGetValue(typeName, out type);

        /// <summary>The codes of an error set by name: built-in (<c>wechat</c>) or declared; none for an unknown name.</summary>
        public IEnumerable<int> ErrorSetCodes(string name)
            => TcbGen.Specs.ErrorSets.TryGet(name, out var rows) ? rows.Select(r => r.Code)
                : _errorSets.TryGetValue(name, out int[]? codes) ? codes : Enumerable.Empty<int>();

        private void Collect(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in node.EnumerateArray())
                {
                    Collect(item);
                }
            }
            else if (node.ValueKind == JsonValueKind.Object)
            {
                if (node.TryGetProperty("typeName", out JsonElement name) && name.ValueKind == JsonValueKind.String)
                {
                    _types.TryAdd(name.GetString()!, node);
                }

                foreach (string child in new[] { "fields", "items" })
                {
                    if (node.TryGetProperty(child, out JsonElement inner))
                    {
                        Collect(inner);
                    }
                }
            }
        }
    }
}
