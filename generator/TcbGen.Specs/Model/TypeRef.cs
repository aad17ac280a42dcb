namespace TcbGen.Specs.Model
{
    /// <summary>
    /// The type of a field. <see cref="TypeName"/> is the generated C# type's simple name for objects and
    /// enums; <see cref="Items"/> is the element type of an array. <see cref="IsReference"/>: written as <c>"ref"</c> and
    /// not yet resolved; until the cross-spec check resolves it, its kind is a placeholder <see cref="TypeKind.Object"/>.
    /// <see cref="Constraints"/>: an array element's own constraints (<c>"items": { "maxLength": 32 }</c>), checked per
    /// element; a field's constraints are on its <see cref="FieldSpec"/>.
    /// </summary>
    internal sealed record TypeRef(TypeKind Kind, string? TypeName = null, TypeRef? Items = null, bool IsReference = false, ConstraintSpec? Constraints = null)
    {
        // Records are immutable, so every field of a plain kind can share one instance (made on first use; two threads
        // racing may each make one, which is harmless: they are equal).
        private static readonly TypeRef?[] PlainKinds = new TypeRef?[32];

        /// <summary>The type of a plain kind (no type name, items or constraints), shared: a spec has many such fields.</summary>
        public static TypeRef Plain(TypeKind kind) =>
            (int)kind < PlainKinds.Length ? PlainKinds[(int)kind] ??= new TypeRef(kind) : new TypeRef(kind);

        /// <summary>The catalog entry of this type's kind.</summary>
        public FieldType Info => FieldTypes.Of(Kind);

        public bool IsValueType => Info.IsValueType;

        public bool IsEnum => Info.IsEnum;
    }
}
