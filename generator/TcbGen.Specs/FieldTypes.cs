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

        /// <summary>A time must hold a value (a <c>TcbTime</c> read from a response may hold only its raw text).</summary>
        Time,

        /// <summary>A string holding JSON text must hold one JSON value.</summary>
        JsonText,
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
        WireForm Wire,
        TimeEncoding? Time = null)
    {
        /// <summary>What a value must be, for messages: "a 32-bit integer".</summary>
        public string WireDescription => Wire.Description;

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
            ValueCheck.None, WireForm.String);

        public static FieldType Boolean { get; } = new FieldType(
            TypeKind.Boolean, "boolean", null, "bool", true, TypeShape.Scalar,
            Read + "Boolean(ref {0})", "writer.WriteBooleanValue({0});", "({0} ? \"true\" : \"false\")",
            ValueCheck.None, WireForm.Boolean);

        public static FieldType Int32 { get; } = new FieldType(
            TypeKind.Int32, "integer", "int32", "int", true, TypeShape.Scalar,
            Read + "Int32(ref {0})", "writer.WriteNumberValue({0});", "{0}.ToString(" + Invariant + ")",
            ValueCheck.None, WireForm.Int32);

        public static FieldType Int64 { get; } = new FieldType(
            TypeKind.Int64, "integer", "int64", "long", true, TypeShape.Scalar,
            Read + "Int64(ref {0})", "writer.WriteNumberValue({0});", "{0}.ToString(" + Invariant + ")",
            ValueCheck.None, WireForm.Int64);

        public static FieldType Number { get; } = new FieldType(
            TypeKind.Number, "number", null, "double", true, TypeShape.Scalar,
            Read + "Double(ref {0})", "writer.WriteNumberValue({0});", "{0}.ToString(\"R\", " + Invariant + ")",
            ValueCheck.None, WireForm.Number);

        /// <summary>A request string enum is a C# enum written through its serializer's <c>ToWire</c>; a response one is an extensible struct that keeps any value.</summary>
        public static FieldType StringEnum { get; } = new FieldType(
            TypeKind.StringEnum, "string", null, null, true, TypeShape.Scalar,
            "new {1}(" + Read + "String(ref {0}))", "writer.WriteStringValue({2}ToWire({0}));", "{2}ToWire({0})",
            ValueCheck.EnumMember, WireForm.String);

        public static FieldType IntegerEnum { get; } = new FieldType(
            TypeKind.IntegerEnum, "integer", "int32", null, true, TypeShape.Scalar,
            "({1})" + Read + "Int32(ref {0})", "writer.WriteNumberValue((int){0});", "((int){0}).ToString(" + Invariant + ")",
            ValueCheck.EnumMember, WireForm.Int32);

        /// <summary>A unix time in seconds, a JSON integer; <c>TcbTime</c> in C#, read tolerantly (see <see cref="WireTime"/>).</summary>
        public static FieldType UnixSeconds { get; } = TimeType(TypeKind.UnixSeconds, "integer", "unix-seconds", nameof(UnixSeconds), "a unix time in seconds (an integer)", TimeEncoding.UnixSeconds);

        /// <summary>A unix time in milliseconds, a JSON integer.</summary>
        public static FieldType UnixMilliseconds { get; } = TimeType(TypeKind.UnixMilliseconds, "integer", "unix-milliseconds", nameof(UnixMilliseconds), "a unix time in milliseconds (an integer)", TimeEncoding.UnixMilliseconds);

        /// <summary>WeChat's <c>"yyyy-MM-dd HH:mm:ss"</c> in China time (UTC+8), a JSON string.</summary>
        public static FieldType WeChatDateTime { get; } = TimeType(TypeKind.WeChatDateTime, "string", "wechat-datetime", nameof(WeChatDateTime), "a \"yyyy-MM-dd HH:mm:ss\" time (UTC+8)", TimeEncoding.WeChatDateTime);

        /// <summary>
        /// A string holding JSON text (<c>"format": "json"</c>, invokeCloudFunction's <c>resp_data</c>): <c>TcbJsonText</c> in C#,
        /// which the caller reads as its own type through its own <c>JsonTypeInfo</c>. On the wire it stays a string.
        /// </summary>
        public static FieldType JsonText { get; } = new FieldType(
            TypeKind.JsonText, "string", "json", "global::TcbGen.Runtime.TcbJsonText", true, TypeShape.Scalar,
            Read + "JsonText(ref {0})", "global::TcbGen.Runtime.TcbWireWriter.JsonText(writer, {0});", "{0}.Text",
            ValueCheck.JsonText, WireForm.JsonText);

        public static FieldType Object { get; } = new FieldType(
            TypeKind.Object, "object", null, null, false, TypeShape.Object,
            "Read{2}(ref {0})", "Write{2}(writer, {0});", null,
            ValueCheck.NestedObject, WireForm.Object);

        public static FieldType Array { get; } = new FieldType(
            TypeKind.Array, "array", null, null, false, TypeShape.Array,
            null, null, null,
            ValueCheck.Items, WireForm.Array);

        // Time values are TcbTime on both sides: one C# type whatever the side keeps a type shared by reference, and an
        // array of times, one shape; a DateTimeOffset converts to it implicitly. See ARCHITECTURE.md.
        private static FieldType TimeType(TypeKind kind, string specType, string format, string method, string description, TimeEncoding encoding) => new FieldType(
            kind, specType, format, "global::TcbGen.Runtime.TcbTime", true, TypeShape.Scalar,
            Read + method + "(ref {0})", "global::TcbGen.Runtime.TcbWireWriter." + method + "(writer, {0});", "global::TcbGen.Runtime.TcbWireWriter." + method + "Text({0})",
            ValueCheck.Time, WireForm.Time(encoding, description), encoding);

        /// <summary>Every entry, in <see cref="TypeKind"/> order.</summary>
        public static IReadOnlyList<FieldType> All { get; } = new[] { String, Boolean, Int32, Int64, Number, StringEnum, IntegerEnum, Object, Array, UnixSeconds, UnixMilliseconds, WeChatDateTime, JsonText };

        /// <summary>The entry a spec names by <c>type</c> and <c>format</c>, other than an enum; null when there is none.</summary>
        public static FieldType? Find(string specType, string? format)
        {
            // A loop, not a query: it runs for every string and integer field of every spec.
            for (int i = 0; i < All.Count; i++)
            {
                FieldType type = All[i];
                if (!type.IsEnum && type.Shape == TypeShape.Scalar && type.SpecType == specType && type.SpecFormat == format)
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>The <c>format</c> values a spec type takes, for messages.</summary>
        public static string FormatList(string specType) =>
            string.Join(", ", All.Where(t => !t.IsEnum && t.SpecType == specType && t.SpecFormat != null).Select(t => "\"" + t.SpecFormat + "\""));

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
            TypeKind.UnixSeconds => UnixSeconds,
            TypeKind.UnixMilliseconds => UnixMilliseconds,
            TypeKind.WeChatDateTime => WeChatDateTime,
            TypeKind.JsonText => JsonText,
        };
#pragma warning restore CS8524
    }
}
