namespace TcbGen.Generator.Model
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
        public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Number or TypeKind.StringEnum or TypeKind.IntegerEnum;

        public bool IsEnum => Kind is TypeKind.StringEnum or TypeKind.IntegerEnum;
    }
}
