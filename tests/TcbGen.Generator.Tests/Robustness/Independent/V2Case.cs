using System.Collections.Generic;
using System.Linq;
using static TcbGen.Generator.Tests.Robustness.SpecJson;

namespace TcbGen.Generator.Tests.Robustness.Independent
{
    /// <summary>
    /// The files of one independent v2 case, built up by mutations: a definitions file (types, error sets), spec
    /// <c>alpha</c> (refs, error sets, constraints, names) and spec <c>beta</c> (kept apart, so a broken <c>alpha</c> must
    /// not break it), rendered as JSON only at the end.
    /// </summary>
    internal sealed class V2Case
    {
        public List<string> DefinitionTypes { get; } = new List<string>();

        public List<string> DefinitionErrorSets { get; } = new List<string>();

        public SpecParts Alpha { get; } = new SpecParts("alpha");

        public SpecParts Beta { get; } = new SpecParts("beta");

        public List<string> Mutations { get; } = new List<string>();

        public IEnumerable<(string File, string Json)> Files()
        {
            if (DefinitionTypes.Count > 0 || DefinitionErrorSets.Count > 0)
            {
                yield return ("shared.tcb.defs.json", "{ \"types\": [" + string.Join(",\n", DefinitionTypes) + "]"
                    + (DefinitionErrorSets.Count == 0 ? string.Empty : ", \"errorSets\": { " + string.Join(", ", DefinitionErrorSets) + " }") + " }\n");
            }

            yield return (Alpha.Name + ".tcb.json", Alpha.Render());
            yield return (Beta.Name + ".tcb.json", Beta.Render());
        }

        public long Chars => Files().Sum(f => (long)f.Json.Length);
    }

    /// <summary>One spec's parts; <see cref="Render"/> writes a complete spec of format v2.</summary>
    internal sealed class SpecParts
    {
        public SpecParts(string name) => Name = name;

        public string Name { get; set; }

        public string Method { get; set; } = "POST";

        public List<string> RequestFields { get; } = new List<string> { """{ "name": "env", "type": "string", "required": true }""" };

        public List<string> ResponseFields { get; } = new List<string> { """{ "name": "request_id", "type": "string" }""" };

        public List<string> ErrorSets { get; } = new List<string>();

        public List<string> Errors { get; } = new List<string>();

        public string Render() =>
            "{\n" +
            $"  \"name\": {Str(Name)},\n  \"title\": \"Independent v2 case\",\n  \"method\": {Str(Method)},\n  \"path\": {Str("/tcb/" + Name.ToLowerInvariant())},\n" +
            "  \"tokenKinds\": [\"authorizer_access_token\"],\n  \"retrySafe\": true,\n" +
            $"  \"request\": {{ \"fields\": [{string.Join(",\n    ", RequestFields)}] }},\n" +
            $"  \"response\": {{ \"fields\": [{string.Join(",\n    ", ResponseFields)}] }},\n" +
            (ErrorSets.Count == 0 ? string.Empty : $"  \"errorSets\": [{string.Join(", ", ErrorSets.Select(Str))}],\n") +
            $"  \"errors\": [{string.Join(", ", Errors)}]\n" +
            "}\n";
    }
}
