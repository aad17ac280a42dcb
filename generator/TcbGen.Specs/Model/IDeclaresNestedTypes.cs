namespace TcbGen.Specs.Model
{
    /// <summary>
    /// A file that declares objects and enums and may borrow or reference others': a spec (<see cref="EndpointSpec"/>) or a
    /// definitions file (<see cref="DefinitionsSpec"/>). The cross-spec check shares types between both through this one view.
    /// </summary>
    /// <typeparam name="TSelf">The file's own model type, which <see cref="WithNestedTypes"/> returns.</typeparam>
    internal interface IDeclaresNestedTypes<TSelf>
        where TSelf : class, IDeclaresNestedTypes<TSelf>
    {
        string FilePath { get; }

        EquatableArray<ObjectSpec> NestedObjects { get; }

        EquatableArray<EnumSpec> Enums { get; }

        /// <summary>The <c>"ref"</c> fields still to resolve.</summary>
        EquatableArray<TypeReference> References { get; }

        /// <summary>The same file with these nested types (some marked borrowed, or no longer).</summary>
        TSelf WithNestedTypes(EquatableArray<ObjectSpec> objects, EquatableArray<EnumSpec> enums);
    }
}
