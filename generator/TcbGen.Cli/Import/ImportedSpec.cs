using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TcbGen.Cli.Import
{
    /// <summary>The type of a field as read from a page: a spec <c>type</c>, an integer <c>format</c>, and array items.</summary>
    internal sealed record FieldType(string Kind, string? Format = null, FieldType? Items = null)
    {
        public static FieldType String { get; } = new FieldType("string");

        /// <summary>The innermost element type: the type itself unless it is an array.</summary>
        public FieldType Element => Items == null ? this : Items.Element;

        public bool HoldsObject => Element.Kind == "object";

        public FieldType WithElement(FieldType element) => Items == null ? element : this with { Items = Items.WithElement(element) };
    }

    /// <summary>One enum member: its wire value (a string, or an integer for integer enums) and C# name.</summary>
    internal sealed record ImportedEnumMember(string Value, string Name, string? Description);

    /// <summary>A field read from a parameter table, with its nested fields when it holds an object.</summary>
    internal sealed class ImportedField
    {
        public ImportedField(string name, FieldType type, string description)
        {
            Name = name;
            Type = type;
            Description = description;
        }

        public string Name { get; }

        public FieldType Type { get; set; }

        public string Description { get; set; }

        /// <summary>
        /// The named type the type cell gives (<c>EnvInfo</c> of <c>Array.&lt;EnvInfo&gt;</c>, <c>Function</c> of
        /// <c>Array of Function</c>), which an older page's "EnvInfo 的结构" section describes; null for plain types.
        /// </summary>
        public string? TypeName { get; set; }

        /// <summary>True or false when the page says so; null when the page has no required column for this row.</summary>
        public bool? Required { get; set; }

        public (string Field, JsonNode Value)? RequiredWhen { get; set; }

        /// <summary>The page's default value as written (<c>430</c>, <c>{"r":0,"g":0,"b":0}</c>), when its table has that column.</summary>
        public string? DefaultText { get; set; }

        /// <summary>A top-level request field the page lists among the URL's query parameters.</summary>
        public bool InQuery { get; set; }

        public List<ImportedEnumMember> Enum { get; } = new List<ImportedEnumMember>();

        public List<ImportedField> Fields { get; } = new List<ImportedField>();
    }

    /// <summary>An errcode table row.</summary>
    internal sealed record ImportedError(int Code, string Name, string Message, string? Solution);

    /// <summary>A documented example, repaired to valid JSON.</summary>
    internal sealed class ImportedExample
    {
        public ImportedExample(string? description) => Description = description;

        public string? Description { get; }

        public JsonObject? Request { get; set; }

        public JsonObject? Response { get; set; }
    }

    /// <summary>Everything read from one page: the endpoint, plus the guesses to review and the problems met.</summary>
    internal sealed class ImportedSpec
    {
        public string Name { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public List<string> Notes { get; } = new List<string>();

        public List<int> PermissionSets { get; } = new List<int>();

        public string Method { get; set; } = "POST";

        public string Path { get; set; } = string.Empty;

        public List<string> TokenKinds { get; } = new List<string>();

        public bool RetrySafe { get; set; }

        /// <summary>The spec's <c>requestBody</c> when the page says the body is not its fields' object (<c>caller-json</c>); null for the default.</summary>
        public string? RequestBody { get; set; }

        public List<ImportedField> Request { get; } = new List<ImportedField>();

        public List<ImportedField> Response { get; } = new List<ImportedField>();

        public List<ImportedError> Errors { get; } = new List<ImportedError>();

        public List<ImportedExample> Examples { get; } = new List<ImportedExample>();

        /// <summary>Every guess the importer made, in words a reviewer can check against the page.</summary>
        public List<string> Decisions { get; } = new List<string>();

        /// <summary>What the importer could not read (a cut table or example, a missing section).</summary>
        public List<string> Warnings { get; } = new List<string>();
    }
}
