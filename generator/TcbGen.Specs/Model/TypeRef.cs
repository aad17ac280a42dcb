namespace TcbGen.Specs.Model
{
    internal enum TypeKind
    {
        String,
        Boolean,
        Int32,
        Int64,
        Number,
        StringEnum,
        IntegerEnum,
        Object,
        Array,
        UnixSeconds,
        UnixMilliseconds,
        WeChatDateTime,
    }

    /// <summary>
    /// The type of a field. <see cref="TypeName"/> is the generated C# type's simple name for objects and
    /// enums; <see cref="Items"/> is the element type of an array. <see cref="IsReference"/>: written as <c>"ref"</c> and
    /// not yet resolved; until the cross-spec check resolves it, its kind is a placeholder <see cref="TypeKind.Object"/>.
    /// </summary>
    internal sealed record TypeRef(TypeKind Kind, string? TypeName = null, TypeRef? Items = null, bool IsReference = false)
    {
        /// <summary>The catalog entry of this type's kind.</summary>
        public FieldType Info => FieldTypes.Of(Kind);

        public bool IsValueType => Info.IsValueType;

        public bool IsEnum => Info.IsEnum;
    }
}
