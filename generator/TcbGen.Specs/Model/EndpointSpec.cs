using System.Linq;

namespace TcbGen.Specs.Model
{
    /// <summary>
    /// One endpoint, as its spec file describes it, with every C# name already derived and checked.
    /// Immutable and value-equal: the incremental pipeline caches on it. Holds no Roslyn type.
    /// </summary>
    internal sealed record EndpointSpec(
        string FilePath,
        string Name,
        string TypePrefix,
        string Title,
        string? Description,
        EquatableArray<string> Notes,
        EquatableArray<int> PermissionSets,
        EndpointMethod Method,
        RequestBodyKind RequestBody,
        string Path,
        EquatableArray<string> TokenKinds,
        bool RetrySafe,
        ObjectSpec? Request,
        ObjectSpec Response,
        EquatableArray<ObjectSpec> NestedObjects,
        EquatableArray<EnumSpec> Enums,
        EquatableArray<ErrorSpec> Errors,
        EquatableArray<ExampleSpec> Examples,
        SourceSpan NameSpan,
        EquatableArray<TypeReference> References = default,
        PendingErrorTable? PendingErrors = null,
        EquatableArray<ErrorSetDeclaration> ErrorSetDeclarations = default,
        SourceSpan? PrefixSpan = null,
        EquatableArray<string> Docs = default,
        FollowUpKind? FollowUp = null,
        string? TokenParameter = null) : IDeclaresNestedTypes<EndpointSpec>
    {
        // Derived once, when the spec is made, not on every read: the emitters and the cross-spec check read them often.
        // (So never change TypePrefix with `with`: these would keep the old prefix.)
        public string RequestTypeName { get; } = TypePrefix + TypeNameSuffixes.Request;

        public string ResponseTypeName { get; } = TypePrefix + TypeNameSuffixes.Response;

        public string ErrorEnumName { get; } = TypePrefix + TypeNameSuffixes.Error;

        public string EndpointClassName { get; } = TypePrefix + TypeNameSuffixes.Endpoint;

        public string ValidatorClassName { get; } = TypePrefix + TypeNameSuffixes.Validator;

        public string SerializerClassName { get; } = TypePrefix + TypeNameSuffixes.Serializer;

        public string MethodName { get; } = TypePrefix + TypeNameSuffixes.Method;

        /// <summary>
        /// The wire names of the fields marked <c>"secret"</c>, on either side, at any depth (also in types this spec
        /// borrows), in ordinal order: the runtime masks them in body excerpts, the emulator in what it records.
        /// </summary>
        public EquatableArray<string> SecretFields => (Request == null ? new[] { Response } : new[] { Request, Response }).Concat(NestedObjects)
            .SelectMany(o => o.Fields).Where(f => f.Secret).Select(f => f.WireName).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray();

        /// <inheritdoc />
        public EndpointSpec WithNestedTypes(EquatableArray<ObjectSpec> objects, EquatableArray<EnumSpec> enums) => this with { NestedObjects = objects, Enums = enums };

        /// <summary>Whether the endpoint takes no token at all (<c>"tokenless": true</c>, e.g. <c>api_component_token</c>): no client method, only its types and descriptor.</summary>
        public bool IsTokenless => TokenKinds.Count == 0;

        /// <summary>The URL parameter a token of <paramref name="kind"/> goes in for this endpoint: the spec's <c>tokenParameter</c>, else the kind's own.</summary>
        public string TokenParameterFor(string kind) => TokenParameter ?? Specs.TokenKinds.Of(kind).UrlParameter;

        /// <summary>Whether the request's body is a JSON object of its body fields (<c>"requestBody": "json"</c>).</summary>
        public bool FieldsInBody => RequestBodies.HoldsFields(RequestBody);

        /// <summary>Whether the request's body is one JSON value the caller supplies (<c>"requestBody": "caller-json"</c>).</summary>
        public bool HasCallerBody => RequestBody == RequestBodyKind.CallerJson;

        /// <summary>Whether any request field goes in the query string.</summary>
        public bool HasQuery => Request != null && System.Linq.Enumerable.Any(Request.Fields, f => f.Location == FieldLocation.Query);
    }

    /// <summary>
    /// A generated class: the request, the response, or a nested object. <see cref="IsBorrowed"/>: declared by another spec
    /// and referenced by this one, so this spec reads, writes and validates it but does not declare it. <see cref="NameSpan"/>
    /// is where its name is given (its <c>typeName</c>, or the field that derives it).
    /// </summary>
    internal sealed record ObjectSpec(string TypeName, string? Description, EquatableArray<FieldSpec> Fields, bool IsRequestSide, SourceSpan Span, bool IsBorrowed = false, SourceSpan? NameSpan = null);

    /// <summary>A field typed by <c>"ref"</c>: the C# name of an object or enum declared in this or another spec, and where it is written.</summary>
    internal sealed record TypeReference(string TypeName, string OwnerTypeName, bool IsRequestSide, SourceSpan Span);

    /// <summary>
    /// One field of an object: wire name, C# property name, type and requirement. <see cref="Required"/> is the request
    /// side's (the caller must set it); <see cref="RequiredInResponse"/> the response side's (WeChat always sends it, so a
    /// successful response without it is a protocol error). One never implies the other, also for a type shared by reference.
    /// </summary>
    internal sealed record FieldSpec(
        string WireName,
        string PropertyName,
        string? Description,
        TypeRef Type,
        bool Required,
        RequiredWhenSpec? RequiredWhen,
        SourceSpan Span,
        FieldLocation Location = FieldLocation.Body,
        ConstraintSpec? Constraints = null,
        ConstantValue? Default = null,
        bool Secret = false,
        bool RequiredInResponse = false);

    /// <summary>A field is required when a sibling field holds <see cref="Value"/>.</summary>
    internal sealed record RequiredWhenSpec(string FieldWireName, string FieldPropertyName, ConstantValue Value);

    internal enum ConstantKind
    {
        String,
        Boolean,
        Integer,
        Number,
        EnumMember,
    }

    /// <summary>
    /// A scalar from a spec: a string, boolean, integer or number (<see cref="Text"/> holds its shortest round-trip text,
    /// <see cref="Real"/> its value); for an enum field, <see cref="EnumTypeName"/>
    /// and <see cref="EnumMemberName"/> name the member, and <see cref="Text"/>/<see cref="Integer"/> keep its wire value.
    /// </summary>
    internal sealed record ConstantValue(ConstantKind Kind, string? Text, long Integer, bool Boolean, string? EnumTypeName = null, string? EnumMemberName = null, double Real = 0)
    {
        /// <summary>A number constant from its JSON text; null when the text is not a finite number.</summary>
        public static ConstantValue? Number(string raw) =>
            double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double real) && !double.IsInfinity(real)
                ? new ConstantValue(ConstantKind.Number, real.ToString("R", System.Globalization.CultureInfo.InvariantCulture), 0, false, Real: real)
                : null;

#pragma warning disable CS8524 // Exhaustive over the named kinds: a new ConstantKind must be handled here (CS8509).
        public string WireText => Kind switch
        {
            ConstantKind.Boolean => Boolean ? "true" : "false",
            ConstantKind.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantKind.String => Text ?? string.Empty,
            ConstantKind.Number => Text ?? string.Empty,
            ConstantKind.EnumMember => Text ?? Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
#pragma warning restore CS8524
    }

    /// <summary>
    /// A generated enum: a string enum (wire values are strings) or an integer enum. A string enum read from responses
    /// (<see cref="IsRequestSide"/> false) is an extensible struct, so a value WeChat adds later is kept, not an error.
    /// </summary>
    internal sealed record EnumSpec(string TypeName, bool IsString, string? Description, EquatableArray<EnumMemberSpec> Members, bool IsRequestSide = true, bool IsBorrowed = false, SourceSpan? NameSpan = null)
    {
        /// <summary>Whether the enum is emitted as an extensible struct rather than a C# enum.</summary>
        public bool IsExtensible => IsString && !IsRequestSide;
    }

    /// <summary>One enum member: its C# name, its wire value (string or integer) and its C# value.</summary>
    internal sealed record EnumMemberSpec(string Name, string? StringValue, long Value, string? Description);

    /// <summary>One row of the errcode table.</summary>
    internal sealed record ErrorSpec(int Code, string Name, string Message, string? Solution, SourceSpan Span);

    /// <summary>One documented example, as compact JSON text.</summary>
    internal sealed record ExampleSpec(string? Description, string? RequestJson, string? ResponseJson);
}
