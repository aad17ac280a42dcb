namespace TcbGen.Specs.Model
{
    /// <summary>
    /// One definitions file (<c>*.tcb.defs.json</c>): shared objects, enums and error sets, and no endpoint. Specs use its
    /// types by <c>"ref"</c> and its error sets by <c>"errorSets"</c>; the generator emits its types once.
    /// <see cref="RootSpan"/> is the root object's opening brace: where a problem with the file as a whole (its name) is reported.
    /// </summary>
    internal sealed record DefinitionsSpec(
        string FilePath,
        EquatableArray<ObjectSpec> NestedObjects,
        EquatableArray<EnumSpec> Enums,
        EquatableArray<ErrorSetDeclaration> ErrorSets,
        EquatableArray<TypeReference> References = default,
        SourceSpan RootSpan = default) : IDeclaresNestedTypes<DefinitionsSpec>
    {
        /// <inheritdoc />
        public DefinitionsSpec WithNestedTypes(EquatableArray<ObjectSpec> objects, EquatableArray<EnumSpec> enums) => this with { NestedObjects = objects, Enums = enums };
    }

    /// <summary>A user-declared error set: its name, its rows (each with a name) and where the name is written.</summary>
    internal sealed record ErrorSetDeclaration(string Name, EquatableArray<ErrorSpec> Rows, SourceSpan NameSpan);

    /// <summary>One row of a spec's own <c>errors</c>, before the included error sets are merged in: its name may come from a set.</summary>
    internal sealed record ErrorRow(int Code, string? Name, string? Message, string? Solution, SourceSpan Span, SourceSpan CodeSpan, SourceSpan? NameSpan);

    /// <summary>An error set a spec includes by name, and where the name is written.</summary>
    internal sealed record ErrorSetInclude(string Name, SourceSpan Span);

    /// <summary>
    /// A spec's error table that names a set no built-in provides: merged once every file is read, when the
    /// user-declared sets are known (<see cref="ErrorTable"/>).
    /// </summary>
    internal sealed record PendingErrorTable(EquatableArray<ErrorRow> Rows, EquatableArray<ErrorSetInclude> Includes);
}
