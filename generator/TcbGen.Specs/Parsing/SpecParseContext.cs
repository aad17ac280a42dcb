using System.Collections.Generic;
using System.Globalization;
using TcbGen.Specs.Model;
using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    /// <summary>The state of parsing one spec file: where it is, what was found wrong, which type names are taken.</summary>
    internal sealed class SpecParseContext
    {
        private readonly LineMap _lines;
        private string _typePrefix = "Endpoint";
        // Up to case, as Roslyn's hint names are (and by the one folding every name clash uses): two types differing only in
        // case would write one file.
        private readonly Dictionary<string, SourceSpan> _typeNames = new Dictionary<string, SourceSpan>(Naming.CaseFoldComparer);

        public SpecParseContext(string filePath, string text)
        {
            FilePath = filePath;
            Text = text;
            _lines = new LineMap(text);
        }

        public string FilePath { get; }

        public string Text { get; }

        public List<SpecDiagnostic> Diagnostics { get; } = new List<SpecDiagnostic>();

        /// <summary>The time the example check's pattern matches may take, in total, for this file.</summary>
        public PatternBudget PatternBudget { get; } = new PatternBudget(PatternBudget.PerSpec);

        public bool HasErrors => Diagnostics.Exists(d => !SpecDiagnosticIds.IsWarning(d.Id));

        /// <summary>The C# prefix of every type of this endpoint, e.g. <c>SetCloudAccessToken</c>.</summary>
        public string TypePrefix
        {
            get => _typePrefix;
            set
            {
                _typePrefix = value;
                RequestTypeName = value + TypeNameSuffixes.Request;
                ResponseTypeName = value + TypeNameSuffixes.Response;
            }
        }

        /// <summary><c>TypePrefix + TypeNameSuffixes.Request</c>, made once: every field asks whether it belongs to the request itself.</summary>
        public string RequestTypeName { get; private set; } = "Endpoint" + TypeNameSuffixes.Request;

        /// <summary><c>TypePrefix + TypeNameSuffixes.Response</c>, made once.</summary>
        public string ResponseTypeName { get; private set; } = "Endpoint" + TypeNameSuffixes.Response;

        /// <summary>The endpoint's method and whether its requests carry a body: they decide where request fields go.</summary>
        public EndpointMethod Method { get; set; }

        public RequestBodyKind RequestBody { get; set; } = RequestBodyKind.Fields;

        public List<ObjectSpec> NestedObjects { get; } = new List<ObjectSpec>();

        public List<EnumSpec> Enums { get; } = new List<EnumSpec>();

        /// <summary>The fields typed by <c>"ref"</c>, resolved across specs.</summary>
        public List<TypeReference> References { get; } = new List<TypeReference>();

        /// <summary>The C# name of the object whose field is being read: the owner of a <c>"ref"</c> found there.</summary>
        public string CurrentOwner { get; set; } = string.Empty;

        public SourceSpan Span(int start, int end) => _lines.Span(start, end);

        public SourceSpan Span(JsonNode node) => _lines.Span(node.Start, node.End);

        public void Report(string id, string message, int start, int end) =>
            Diagnostics.Add(new SpecDiagnostic(id, message, FilePath, _lines.Span(start, end)));

        public void Report(string id, string message, JsonNode node) => Report(id, message, node.Start, node.End);

        /// <summary>Claims a generated type name; reports it when another type of this spec already has it.</summary>
        public bool ClaimTypeName(string typeName, JsonNode at)
        {
            if (_typeNames.ContainsKey(typeName))
            {
                Report(SpecDiagnosticIds.DuplicateTypeName, $"Two types of this spec would both be named '{typeName}'; give one of them another 'typeName'.", at);
                return false;
            }

            _typeNames.Add(typeName, Span(at));
            return true;
        }

        /// <summary>Checks a C# name that will be emitted, reporting it when it is unusable.</summary>
        public bool CheckIdentifier(string name, NameRole role, string what, JsonNode at, string hint) =>
            CheckIdentifier(name, role, "{0}", what, at, hint);

        /// <summary>
        /// Checks a C# name that will be emitted; <paramref name="whatFormat"/> with <paramref name="whatArgument"/> says what
        /// is named, made only when the name is reported (names are checked for every field, and almost all are fine).
        /// </summary>
        public bool CheckIdentifier<T>(string name, NameRole role, string whatFormat, T whatArgument, JsonNode at, string hint)
        {
            string? problem = Naming.IdentifierProblem(name, role);
            if (problem == null)
            {
                return true;
            }

            string what = string.Format(CultureInfo.InvariantCulture, whatFormat, whatArgument);
            Report(SpecDiagnosticIds.InvalidIdentifier, $"The C# name of {what} cannot be used: {problem}. {hint}", at);
            return false;
        }
    }
}
