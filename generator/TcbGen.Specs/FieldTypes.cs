using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>How a field's value is built from the values of other types.</summary>
    internal enum TypeShape
    {
        /// <summary>One JSON value read and written by the catalog's expressions.</summary>
        Scalar,

        /// <summary>A generated class, read and written by its own generated methods.</summary>
        Object,

        /// <summary>A JSON array of <see cref="TypeRef.Items"/>.</summary>
        Array,
    }

    /// <summary>What the generated request validator checks on a value that is set.</summary>
    internal enum ValueCheck
    {
        None,
        EnumMember,
        NestedObject,
        Items,
    }

    /// <summary>The JSON a request value must be, as the emulator checks it (WeChat answers 40097 otherwise).</summary>
    internal enum WireShape
    {
        String,
        Boolean,
        Int32,
        Int64,
        Number,
        Object,
        Array,
    }

    /// <summary>
    /// Everything TcbGen knows about one type kind, in one place: how a spec writes it, its C# type, how generated code
    /// reads it from a response (tolerantly, through <c>TcbGen.Runtime.TcbWireReader</c>) and writes it into a request
    /// (strictly), how it goes in a query string, what the request validator checks and what the emulator accepts.
    /// Expressions are formats: <c>{0}</c> is the value (or the reader), <c>{1}</c> the generated type's full name,
    /// <c>{2}</c> its simple name.
    /// </summary>
    internal sealed record FieldType(
        TypeKind Kind,
        string SpecType,
        string? SpecFormat,
        string? CSharpKeyword,
        bool IsValueType,
        TypeShape Shape,
        string? ReadExpression,
        string? WriteStatement,
        string? QueryExpression,
        ValueCheck Check,
        WireShape Wire,
        string WireDescription)
    {
        /// <summary>Whether the type is a generated enum.</summary>
        public bool IsEnum => Check == ValueCheck.EnumMember;

        /// <summary>Whether a value of this type can be sent as a query parameter.</summary>
        public bool FitsInQuery => QueryExpression != null;
    }

    /// <summary>The catalog of field types; <see cref="Of"/> has one entry per <see cref="TypeKind"/>, checked by the compiler.</summary>
    internal static class FieldTypes
    {
        private const string Read = "global::TcbGen.Runtime.TcbWireReader.";
        private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

        public static FieldType String { get; } = new FieldType(
            TypeKind.String, "string", null, "string", false, TypeShape.Scalar,
            Read + "String(ref {0})", "writer.WriteStringValue({0});", "{0}",
            ValueCheck.None, WireShape.String, "a string");

        public static FieldType Boolean { get; } = new FieldType(
            TypeKind.Boolean, "boolean", null, "bool", true, TypeShape.Scalar,
            Read + "Boolean(ref {0})", "writer.WriteBooleanValue({0});", "({0} ? \"true\" : \"false\")",
            ValueCheck.None, WireShape.Boolean, "true or false");

        public static FieldType Int32 { get; } = new FieldType(
            TypeKind.Int32, "integer", "int32", "int", true, TypeShape.Scalar,
            Read + "Int32(ref {0})", "writer.WriteNumberValue({0});", "{0}.ToString(" + Invariant + ")",
            ValueCheck.None, WireShape.Int32, "a 32-bit integer");

        public static FieldType Int64 { get; } = new FieldType(
            TypeKind.Int64, "integer", "int64", "long", true, TypeShape.Scalar,
            Read + "Int64(ref {0})", "writer.WriteNumberValue({0});", "{0}.ToString(" + Invariant + ")",
            ValueCheck.None, WireShape.Int64, "a 64-bit integer");

        public static FieldType Number { get; } = new FieldType(
            TypeKind.Number, "number", null, "double", true, TypeShape.Scalar,
            Read + "Double(ref {0})", "writer.WriteNumberValue({0});", "{0}.ToString(\"R\", " + Invariant + ")",
            ValueCheck.None, WireShape.Number, "a number");

        /// <summary>A request string enum is a C# enum written through its serializer's <c>ToWire</c>; a response one is an extensible struct that keeps any value.</summary>
        public static FieldType StringEnum { get; } = new FieldType(
            TypeKind.StringEnum, "string", null, null, true, TypeShape.Scalar,
            "new {1}(" + Read + "String(ref {0}))", "writer.WriteStringValue({2}ToWire({0}));", "{2}ToWire({0})",
            ValueCheck.EnumMember, WireShape.String, "a string");

        public static FieldType IntegerEnum { get; } = new FieldType(
            TypeKind.IntegerEnum, "integer", "int32", null, true, TypeShape.Scalar,
            "({1})" + Read + "Int32(ref {0})", "writer.WriteNumberValue((int){0});", "((int){0}).ToString(" + Invariant + ")",
            ValueCheck.EnumMember, WireShape.Int32, "a 32-bit integer");

        public static FieldType Object { get; } = new FieldType(
            TypeKind.Object, "object", null, null, false, TypeShape.Object,
            "Read{2}(ref {0})", "Write{2}(writer, {0});", null,
            ValueCheck.NestedObject, WireShape.Object, "an object");

        public static FieldType Array { get; } = new FieldType(
            TypeKind.Array, "array", null, null, false, TypeShape.Array,
            null, null, null,
            ValueCheck.Items, WireShape.Array, "an array");

        /// <summary>Every entry, in <see cref="TypeKind"/> order.</summary>
        public static IReadOnlyList<FieldType> All { get; } = new[] { String, Boolean, Int32, Int64, Number, StringEnum, IntegerEnum, Object, Array };

        /// <summary>The spec's <c>type</c> values, for messages.</summary>
        public static string SpecTypeList => string.Join(", ", All.Select(t => t.SpecType).Distinct());

#pragma warning disable CS8524 // Only named kinds exist; without a '_' arm, a kind added without an entry fails to compile (CS8509).
        public static FieldType Of(TypeKind kind) => kind switch
        {
            TypeKind.String => String,
            TypeKind.Boolean => Boolean,
            TypeKind.Int32 => Int32,
            TypeKind.Int64 => Int64,
            TypeKind.Number => Number,
            TypeKind.StringEnum => StringEnum,
            TypeKind.IntegerEnum => IntegerEnum,
            TypeKind.Object => Object,
            TypeKind.Array => Array,
        };
#pragma warning restore CS8524
    }
}
