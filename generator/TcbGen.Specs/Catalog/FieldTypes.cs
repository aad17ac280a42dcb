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

    /// <summary>
    /// What a request validator (the generated one, the emulator's) checks inside a value that is set, beyond its wire
    /// form. A check only C# needs (a <c>TcbTime</c> holding a time) is the generator's, in its C# forms.
    /// </summary>
    internal enum ValueCheck
    {
        None,
        EnumMember,
        NestedObject,
        Items,
    }

    /// <summary>
    /// Everything the spec language knows about one type kind, in one place: how a spec writes it, whether its C# value is
    /// a value type, its shape, what the request validator checks, its wire form (which the example checker and the
    /// emulator ask) and, for a time, its encoding. How C# spells, reads and writes it is the generator's
    /// (<c>CSharpFieldTypes</c>, an <see cref="IFieldTypeTable{T}"/>): the spec module holds no C# templates.
    /// </summary>
    /// <param name="Kind">The kind this entry describes.</param>
    /// <param name="SpecType">The spec's <c>type</c>: "string", "integer", ...</param>
    /// <param name="SpecFormat">The spec's <c>format</c> beside it, or null: "int64", "unix-seconds", "json".</param>
    /// <param name="IsValueType">Whether its C# value is a value type (so an optional one is <c>T?</c> and unwrapped).</param>
    /// <param name="Shape">One value, a generated object, or an array of items.</param>
    /// <param name="Check">What a request validator checks inside a set value.</param>
    /// <param name="Wire">The JSON it is on the wire, which the example checker and the emulator judge values by.</param>
    /// <param name="Literal">How a spec writes a value of the kind (<c>const</c>, <c>default</c>, <c>requiredWhen</c>'s
    /// <c>equals</c>); null when a spec cannot (objects, arrays, times, JSON text).</param>
    /// <param name="Noun">The kind in messages: "a string", "an enum", "a time".</param>
    /// <param name="Time">A time's wire encoding (<see cref="WireTime"/>); null for every other kind.</param>
    internal sealed record FieldType(
        TypeKind Kind,
        string SpecType,
        string? SpecFormat,
        bool IsValueType,
        TypeShape Shape,
        ValueCheck Check,
        WireForm Wire,
        ConstantKind? Literal,
        string Noun,
        TimeEncoding? Time = null)
    {
        /// <summary>What a value must be, for messages: "a 32-bit integer".</summary>
        public string WireDescription => Wire.Description;

        /// <summary>Whether the type is a generated enum.</summary>
        public bool IsEnum => Check == ValueCheck.EnumMember;

        /// <summary>Whether a value of this type can be sent as a query parameter: one JSON value, not an object or array.</summary>
        public bool FitsInQuery => Shape == TypeShape.Scalar;

        /// <summary>Whether the spec may give it <c>minimum</c>/<c>maximum</c>: integers and numbers.</summary>
        public bool HasRange => !IsEnum && Literal is ConstantKind.Integer or ConstantKind.Number;

        /// <summary>Whether the spec may give it <c>minLength</c>/<c>maxLength</c>/<c>pattern</c>: strings.</summary>
        public bool HasLength => !IsEnum && Literal == ConstantKind.String;

        /// <summary>Whether the spec may give it <c>minItems</c>/<c>maxItems</c>: arrays.</summary>
        public bool HasItemCount => Shape == TypeShape.Array;

        /// <summary>Whether the spec may give it <c>const</c>: strings, integers and booleans.</summary>
        public bool HasConstant => !IsEnum && Literal is ConstantKind.String or ConstantKind.Integer or ConstantKind.Boolean;

        /// <summary>Whether a whole number fits the kind's width (a 32-bit integer's bound or constant must fit in 32 bits).</summary>
        public bool HoldsInteger(long value) => Wire.IntegerRange is not { } range || (value >= range.Min && value <= range.Max);
    }

    /// <summary>The catalog of field types; <see cref="Of"/> has one entry per <see cref="TypeKind"/>, checked by the compiler.</summary>
    internal static class FieldTypes
    {
        public static FieldType String { get; } = new FieldType(TypeKind.String, "string", null, false, TypeShape.Scalar, ValueCheck.None, WireForm.String, ConstantKind.String, "a string");

        public static FieldType Boolean { get; } = new FieldType(TypeKind.Boolean, "boolean", null, true, TypeShape.Scalar, ValueCheck.None, WireForm.Boolean, ConstantKind.Boolean, "a boolean");

        public static FieldType Int32 { get; } = new FieldType(TypeKind.Int32, "integer", "int32", true, TypeShape.Scalar, ValueCheck.None, WireForm.Int32, ConstantKind.Integer, "an integer");

        public static FieldType Int64 { get; } = new FieldType(TypeKind.Int64, "integer", "int64", true, TypeShape.Scalar, ValueCheck.None, WireForm.Int64, ConstantKind.Integer, "an integer");

        public static FieldType Number { get; } = new FieldType(TypeKind.Number, "number", null, true, TypeShape.Scalar, ValueCheck.None, WireForm.Number, ConstantKind.Number, "a number");

        /// <summary>A request string enum is a C# enum; a response one is an extensible struct that keeps any value.</summary>
        public static FieldType StringEnum { get; } = new FieldType(TypeKind.StringEnum, "string", null, true, TypeShape.Scalar, ValueCheck.EnumMember, WireForm.String, ConstantKind.EnumMember, "an enum");

        public static FieldType IntegerEnum { get; } = new FieldType(TypeKind.IntegerEnum, "integer", "int32", true, TypeShape.Scalar, ValueCheck.EnumMember, WireForm.Int32, ConstantKind.EnumMember, "an enum");

        // Time values are TcbTime on both sides: one C# type whatever the side keeps a type shared by reference, and an
        // array of times, one shape; a DateTimeOffset converts to it implicitly. See ARCHITECTURE.md.

        /// <summary>A unix time in seconds, a JSON integer; <c>TcbTime</c> in C#, read tolerantly (see <see cref="WireTime"/>).</summary>
        public static FieldType UnixSeconds { get; } = TimeType(TypeKind.UnixSeconds, "integer", "unix-seconds", "a unix time in seconds (an integer)", TimeEncoding.UnixSeconds);

        /// <summary>A unix time in milliseconds, a JSON integer.</summary>
        public static FieldType UnixMilliseconds { get; } = TimeType(TypeKind.UnixMilliseconds, "integer", "unix-milliseconds", "a unix time in milliseconds (an integer)", TimeEncoding.UnixMilliseconds);

        /// <summary>WeChat's <c>"yyyy-MM-dd HH:mm:ss"</c> in China time (UTC+8), a JSON string.</summary>
        public static FieldType WeChatDateTime { get; } = TimeType(TypeKind.WeChatDateTime, "string", "wechat-datetime", "a \"yyyy-MM-dd HH:mm:ss\" time (UTC+8)", TimeEncoding.WeChatDateTime);

        /// <summary>
        /// A string holding JSON text (<c>"format": "json"</c>, invokeCloudFunction's <c>resp_data</c>): <c>TcbJsonText</c> in C#,
        /// which the caller reads as its own type through its own <c>JsonTypeInfo</c>. On the wire it stays a string.
        /// </summary>
        public static FieldType JsonText { get; } = new FieldType(TypeKind.JsonText, "string", "json", true, TypeShape.Scalar, ValueCheck.None, WireForm.JsonText, null, "JSON text");

        public static FieldType Object { get; } = new FieldType(TypeKind.Object, "object", null, false, TypeShape.Object, ValueCheck.NestedObject, WireForm.Object, null, "an object");

        public static FieldType Array { get; } = new FieldType(TypeKind.Array, "array", null, false, TypeShape.Array, ValueCheck.Items, WireForm.Array, null, "an array");

        private static FieldType TimeType(TypeKind kind, string specType, string format, string description, TimeEncoding encoding) =>
            new FieldType(kind, specType, format, true, TypeShape.Scalar, ValueCheck.None, WireForm.Time(encoding, description), null, "a time", encoding);

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

        /// <summary>The spec types that take a <c>format</c> (<c>integer</c>, <c>string</c>).</summary>
        public static IReadOnlyList<string> SpecTypesWithFormat { get; } = All.Where(t => t.SpecFormat != null).Select(t => t.SpecType).Distinct().ToArray();

        /// <summary>The spec types that can be an enum (<c>string</c>, <c>integer</c>).</summary>
        public static IReadOnlyList<string> SpecTypesWithEnum { get; } = All.Where(t => t.IsEnum).Select(t => t.SpecType).Distinct().ToArray();

        /// <summary><c>["integer", "string"]</c> → <c>integers and strings</c>, for messages.</summary>
        public static string PluralList(IReadOnlyList<string> specTypes) =>
            specTypes.Count == 1 ? specTypes[0] + "s" : string.Join(", ", specTypes.Take(specTypes.Count - 1).Select(t => t + "s")) + " and " + specTypes[specTypes.Count - 1] + "s";

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

        /// <summary>The table's value for <paramref name="kind"/>: how a consumer outside the spec module gets its per-kind
        /// fact without a switch of its own.</summary>
        public static T Select<T>(IFieldTypeTable<T> table, TypeKind kind) => kind switch
        {
            TypeKind.String => table.String,
            TypeKind.Boolean => table.Boolean,
            TypeKind.Int32 => table.Int32,
            TypeKind.Int64 => table.Int64,
            TypeKind.Number => table.Number,
            TypeKind.StringEnum => table.StringEnum,
            TypeKind.IntegerEnum => table.IntegerEnum,
            TypeKind.Object => table.Object,
            TypeKind.Array => table.Array,
            TypeKind.UnixSeconds => table.UnixSeconds,
            TypeKind.UnixMilliseconds => table.UnixMilliseconds,
            TypeKind.WeChatDateTime => table.WeChatDateTime,
            TypeKind.JsonText => table.JsonText,
        };
#pragma warning restore CS8524
    }

    /// <summary>
    /// One value per type kind, for a consumer that keeps its own per-kind facts outside the spec module (the generator's
    /// C# spellings, readers and writers). A kind added to the catalog is a member here, so every table fails to compile
    /// (CS0535) until it has that kind's value; <see cref="FieldTypes.Select{T}"/> picks the member.
    /// </summary>
    internal interface IFieldTypeTable<out T>
    {
        T String { get; }

        T Boolean { get; }

        T Int32 { get; }

        T Int64 { get; }

        T Number { get; }

        T StringEnum { get; }

        T IntegerEnum { get; }

        T Object { get; }

        T Array { get; }

        T UnixSeconds { get; }

        T UnixMilliseconds { get; }

        T WeChatDateTime { get; }

        T JsonText { get; }
    }
}

namespace TcbGen.Specs.Model
{
    /// <summary>The type kinds; each has one <see cref="FieldType"/> in <see cref="FieldTypes"/>.</summary>
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
        JsonText,
    }
}
