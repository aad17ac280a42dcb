using System.Globalization;
using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    /// <summary>
    /// The JSON a field type's value is on the wire, with the one judgement of it that the example checker (requests
    /// strictly, responses as the tolerant reader reads them) and the emulator (requests, in the body or the query string)
    /// both ask. Each form must answer every question: a new form that does not compiles with an error, not a silent default.
    /// </summary>
    internal abstract class WireForm
    {
        protected WireForm(string description, bool isNumber)
        {
            Description = description;
            IsNumber = isNumber;
        }

        /// <summary>What the value must be, for messages: "a 32-bit integer".</summary>
        public string Description { get; }

        /// <summary>Whether the value is a JSON number, so its constraints are a range rather than a length or a pattern.</summary>
        public bool IsNumber { get; }

        /// <summary>The whole numbers an integer form holds; null for every other form.</summary>
        public virtual (long Min, long Max)? IntegerRange => null;

        /// <summary>Whether a JSON value is this form: strictly (what WeChat accepts in a request), or, when
        /// <paramref name="tolerant"/>, as the generated response reader reads it.</summary>
        public abstract bool Accepts(WireValue value, bool tolerant);

        /// <summary>Whether a query string value reads as this form (strictly); objects and arrays never go in a query.</summary>
        public abstract bool AcceptsQueryText(string text);

        public static WireForm String { get; } = new StringForm();

        public static WireForm Boolean { get; } = new BooleanForm();

        public static WireForm Int32 { get; } = new IntegerForm("a 32-bit integer", int.MinValue, int.MaxValue);

        public static WireForm Int64 { get; } = new IntegerForm("a 64-bit integer", long.MinValue, long.MaxValue);

        public static WireForm Number { get; } = new NumberForm();

        public static WireForm Object { get; } = new StructureForm("an object", JsonNodeKind.Object);

        public static WireForm Array { get; } = new StructureForm("an array", JsonNodeKind.Array);

        /// <summary>A string whose text is exactly one JSON value.</summary>
        public static WireForm JsonText { get; } = new JsonTextForm();

        /// <summary>A time in <paramref name="encoding"/> (see <see cref="WireTime"/>).</summary>
        public static WireForm Time(TimeEncoding encoding, string description) => new TimeForm(encoding, description);

        private sealed class StringForm : WireForm
        {
            public StringForm()
                : base("a string", isNumber: false)
            {
            }

            public override bool Accepts(WireValue value, bool tolerant) =>
                value.Kind == JsonNodeKind.String || (tolerant && value.Kind == JsonNodeKind.Number);

            public override bool AcceptsQueryText(string text) => true;
        }

        private sealed class BooleanForm : WireForm
        {
            public BooleanForm()
                : base("true or false", isNumber: false)
            {
            }

            public override bool Accepts(WireValue value, bool tolerant) =>
                value.Kind is JsonNodeKind.True or JsonNodeKind.False || (tolerant && value.Kind == JsonNodeKind.Number && value.Text is "0" or "1");

            public override bool AcceptsQueryText(string text) => text is "true" or "false";
        }

        /// <summary>An integer within range; a response may also quote it or write it as an integral float.</summary>
        private sealed class IntegerForm : WireForm
        {
            private readonly long _min;
            private readonly long _max;

            public IntegerForm(string description, long min, long max)
                : base(description, isNumber: true)
            {
                _min = min;
                _max = max;
            }

            public override (long Min, long Max)? IntegerRange => (_min, _max);

            public override bool Accepts(WireValue value, bool tolerant)
            {
                string? raw = value.NumberText(tolerant);
                if (raw == null)
                {
                    return false;
                }

                if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
                {
                    return whole >= _min && whole <= _max;
                }

                return tolerant && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)
                    && real == System.Math.Floor(real) && real >= _min && real <= _max;
            }

            public override bool AcceptsQueryText(string text) =>
                long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole) && whole >= _min && whole <= _max;
        }

        private sealed class NumberForm : WireForm
        {
            public NumberForm()
                : base("a number", isNumber: true)
            {
            }

            public override bool Accepts(WireValue value, bool tolerant) =>
                value.Kind == JsonNodeKind.Number || (tolerant && value.Kind == JsonNodeKind.String && AcceptsQueryText(value.Text!));

            public override bool AcceptsQueryText(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }

        /// <summary>An object or an array: its own kind of JSON value, never a query value.</summary>
        private sealed class StructureForm : WireForm
        {
            private readonly JsonNodeKind _kind;

            public StructureForm(string description, JsonNodeKind kind)
                : base(description, isNumber: false)
            {
                _kind = kind;
            }

            public override bool Accepts(WireValue value, bool tolerant) => value.Kind == _kind;

            public override bool AcceptsQueryText(string text) => false;
        }

        /// <summary>
        /// A time in its encoding: a request strictly (an integer, or the exact string); a response as the reader reads it.
        /// The reader never fails on a time, but one it cannot read is left unset, so such a value is still wrong.
        /// </summary>
        private sealed class TimeForm : WireForm
        {
            private readonly TimeEncoding _encoding;

            public TimeForm(TimeEncoding encoding, string description)
                : base(description, isNumber: false)
            {
                _encoding = encoding;
            }

            public override bool Accepts(WireValue value, bool tolerant)
            {
                if (WireTime.IsText(_encoding))
                {
                    return value.Kind == JsonNodeKind.String && WireTime.IsStrictText(value.Text!, _encoding);
                }

                string? raw = value.NumberText(tolerant);
                return raw != null && WireTime.TryParseUnix(raw, _encoding, tolerant, out _);
            }

            public override bool AcceptsQueryText(string text) => WireTime.IsStrictText(text, _encoding);
        }

        private sealed class JsonTextForm : WireForm
        {
            public JsonTextForm()
                : base("a string holding JSON text", isNumber: false)
            {
            }

            public override bool Accepts(WireValue value, bool tolerant) => value.Kind == JsonNodeKind.String && AcceptsQueryText(value.Text!);

            /// <summary>Exactly one JSON value, read by the spec module's strict parser (the same reader the examples go through).</summary>
            public override bool AcceptsQueryText(string text) => JsonParser.Parse(text).Root != null;
        }
    }
}
