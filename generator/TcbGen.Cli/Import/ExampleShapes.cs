using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// The objects the examples hold at each path (<c>""</c>, <c>function_config</c>, <c>function_config.callbacks[]</c>):
    /// the one place a rendered page still shows which field belongs to which object.
    /// </summary>
    internal sealed class ExampleShapes
    {
        private readonly Dictionary<string, List<JsonObject>> _objects = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);

        public ExampleShapes(IEnumerable<JsonObject> bodies)
        {
            foreach (JsonObject body in bodies)
            {
                Add(string.Empty, body);
            }
        }

        public static string Child(string path, string name, bool array) => (path.Length == 0 ? name : path + "." + name) + (array ? "[]" : string.Empty);

        public IReadOnlyList<JsonObject> ObjectsAt(string path) => _objects.TryGetValue(path, out List<JsonObject>? list) ? list : (IReadOnlyList<JsonObject>)Array.Empty<JsonObject>();

        /// <summary>How the examples spell a name the page writes in another case, or null when they agree or lack it.</summary>
        public string? SpellingOf(string name)
            => _objects.Values.SelectMany(list => list).SelectMany(o => o.Select(p => p.Key))
                .FirstOrDefault(key => key.Equals(name, StringComparison.OrdinalIgnoreCase) && !key.Equals(name, StringComparison.Ordinal));

        public bool HasKey(string path, string name) => ObjectsAt(path).Any(o => o.ContainsKey(name));

        private void Add(string path, JsonObject value)
        {
            if (!_objects.TryGetValue(path, out List<JsonObject>? list))
            {
                list = new List<JsonObject>();
                _objects.Add(path, list);
            }

            list.Add(value);
            foreach (KeyValuePair<string, JsonNode?> property in value)
            {
                AddNode(Child(path, property.Key, array: false), property.Value);
            }
        }

        private void AddNode(string path, JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                Add(path, obj);
            }
            else if (node is JsonArray array)
            {
                foreach (JsonNode? item in array)
                {
                    AddNode(path + "[]", item);
                }
            }
        }
    }
}
