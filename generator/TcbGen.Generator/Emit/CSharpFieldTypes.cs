using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// How generated C# spells, reads and writes one type kind. Expressions are composite formats (<see cref="CatalogExpression"/>
    /// fills them): <c>{0}</c> is the value (or the reader), <c>{1}</c> the generated type's full name, <c>{2}</c> its simple name. <see cref="Keyword"/> is null for a
    /// generated type (spelled by its name); an array has no expressions (its items have).
    /// </summary>
    /// <param name="Keyword">The C# type when it is not generated: <c>int</c>, <c>global::TcbGen.Runtime.TcbTime</c>.</param>
    /// <param name="Read">Reads a response value tolerantly, through <c>TcbGen.Runtime.TcbWireReader</c>.</param>
    /// <param name="Write">Writes a request value strictly, as one statement.</param>
    /// <param name="Query">The value as query string text.</param>
    /// <param name="Check">What the request validator checks on a set value of a C# type that can hold a value WeChat
    /// would refuse (a <c>TcbTime</c> with only its raw text); null when the C# type cannot.</param>
    /// <param name="Unread">For a response field the spec says is always sent: the condition, beyond null, under which
    /// the reader did not read it (a time whose text was not a time); null when null says it all.</param>
    internal sealed record CSharpFieldType(string? Keyword, string? Read, string? Write, string? Query, CSharpValueCheck? Check = null, string? Unread = null);

    /// <summary>A validator check: <see cref="Fails"/> (a format, <c>{0}</c> the value) means the value is a
    /// <see cref="ProblemKind"/> (a <c>TcbValidationProblemKind</c> member), reported with <see cref="Message"/>
    /// (<c>{0}</c> the field).</summary>
    internal sealed record CSharpValueCheck(string Fails, string ProblemKind, string Message);

    /// <summary>The generator's half of the field-type catalog: every kind's C# forms, one table member per kind.</summary>
    internal sealed class CSharpFieldTypes : IFieldTypeTable<CSharpFieldType>
    {
        private const string Reader = "global::TcbGen.Runtime.TcbWireReader.";
        private const string Writer = "global::TcbGen.Runtime.TcbWireWriter.";
        private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

        private static readonly CSharpFieldTypes Table = new CSharpFieldTypes();

        private CSharpFieldTypes()
        {
        }

        /// <summary>The C# forms of <paramref name="type"/>'s kind.</summary>
        public static CSharpFieldType Of(TypeRef type) => FieldTypes.Select(Table, type.Kind);

        public CSharpFieldType String { get; } = new CSharpFieldType("string", Reader + "String(ref {0})", "writer.WriteStringValue({0});", "{0}");

        public CSharpFieldType Boolean { get; } = new CSharpFieldType("bool", Reader + "Boolean(ref {0})", "writer.WriteBooleanValue({0});", "({0} ? \"true\" : \"false\")");

        public CSharpFieldType Int32 { get; } = new CSharpFieldType("int", Reader + "Int32(ref {0})", "writer.WriteNumberValue({0});", "{0}.ToString(" + Invariant + ")");

        public CSharpFieldType Int64 { get; } = new CSharpFieldType("long", Reader + "Int64(ref {0})", "writer.WriteNumberValue({0});", "{0}.ToString(" + Invariant + ")");

        public CSharpFieldType Number { get; } = new CSharpFieldType("double", Reader + "Double(ref {0})", "writer.WriteNumberValue({0});", "{0}.ToString(\"R\", " + Invariant + ")");

        /// <summary>A request string enum is written through its serializer's <c>ToWire</c>; a response one is an extensible struct built from the string.</summary>
        public CSharpFieldType StringEnum { get; } = new CSharpFieldType(null, "new {1}(" + Reader + "String(ref {0}))", "writer.WriteStringValue({2}ToWire({0}));", "{2}ToWire({0})");

        public CSharpFieldType IntegerEnum { get; } = new CSharpFieldType(null, "({1})" + Reader + "Int32(ref {0})", "writer.WriteNumberValue((int){0});", "((int){0}).ToString(" + Invariant + ")");

        public CSharpFieldType Object { get; } = new CSharpFieldType(null, "Read{2}(ref {0})", "Write{2}(writer, {0});", null);

        public CSharpFieldType Array { get; } = new CSharpFieldType(null, null, null, null);

        public CSharpFieldType UnixSeconds { get; } = Time(nameof(UnixSeconds));

        public CSharpFieldType UnixMilliseconds { get; } = Time(nameof(UnixMilliseconds));

        public CSharpFieldType WeChatDateTime { get; } = Time(nameof(WeChatDateTime));

        /// <summary>JSON text is <c>TcbJsonText</c>, which the caller reads as its own type through its own <c>JsonTypeInfo</c>.</summary>
        public CSharpFieldType JsonText { get; } = new CSharpFieldType("global::TcbGen.Runtime.TcbJsonText", Reader + "JsonText(ref {0})", Writer + "JsonText(writer, {0});", "{0}.Text",
            new CSharpValueCheck("!{0}.IsJson", "InvalidJson", "{0} is not exactly one JSON value."));

        /// <summary>A time is <c>TcbTime</c>, read and written by the runtime's method named for its kind.</summary>
        private static CSharpFieldType Time(string method) =>
            new CSharpFieldType("global::TcbGen.Runtime.TcbTime", Reader + method + "(ref {0})", Writer + method + "(writer, {0});", Writer + method + "Text({0})",
                new CSharpValueCheck("!{0}.HasValue", "InvalidTime", "{0} holds no time: a TcbTime read from a response whose text was not a time cannot be sent."),
                Unread: "!{0}.Value.HasValue");
    }
}
