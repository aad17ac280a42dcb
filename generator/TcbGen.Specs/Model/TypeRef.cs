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
    }

    /// <summary>
    /// The type of a field. <see cref="TypeName"/> is the generated C# type's simple name for objects and
    /// enums; <see cref="Items"/> is the element type of an array.
    /// </summary>
    internal sealed record TypeRef(TypeKind Kind, string? TypeName = null, TypeRef? Items = null)
    {
        /// <summary>The catalog entry of this type's kind.</summary>
        public FieldType Info => FieldTypes.Of(Kind);

        public bool IsValueType => Info.IsValueType;

        public bool IsEnum => Info.IsEnum;
    }
}
