using System.Text;

namespace TcbGen.Generator.Emit
{
    internal static partial class ValidatorEmitter
    {
        /// <summary>
        /// Where a problem is, as the generated expression builds it: <c>path + "env_list"</c>, then
        /// <c> + "[" + i0.ToString(…) + "]"</c> for each array level the check is inside.
        /// </summary>
        private readonly struct ProblemPath
        {
            private static readonly string[] IndexSuffixes = new string[8];

            public ProblemPath(string wire, int depth)
            {
                Wire = wire;
                Depth = depth;
            }

            /// <summary>The field's wire name.</summary>
            public string Wire { get; }

            /// <summary>How many array levels deep the check is.</summary>
            public int Depth { get; }

            /// <summary>The part after the wire name: one index per array level, e.g. <c> + "[" + i0.ToString(…) + "]"</c>.</summary>
            public string Indexes => Depth < IndexSuffixes.Length ? IndexSuffixes[Depth] ??= MakeIndexes(Depth) : MakeIndexes(Depth);

            /// <summary>The path of an element of the array this path reaches.</summary>
            public ProblemPath Item() => new ProblemPath(Wire, Depth + 1);

            private static string MakeIndexes(int depth)
            {
                var builder = new StringBuilder();
                for (int i = 0; i < depth; i++)
                {
                    builder.Append(" + \"[\" + ").Append(Locals.Index(i)).Append(".ToString(").Append(CSharp.Invariant).Append(") + \"]\"");
                }

                return builder.ToString();
            }
        }

        /// <summary>What a message names: <c>'env'</c>, or <c>An item of 'env_list'</c>.</summary>
        private readonly struct Subject
        {
            private Subject(string prefix, string wire)
            {
                Prefix = prefix;
                Wire = wire;
            }

            public string Prefix { get; }

            public string Wire { get; }

            public static Subject Field(string wire) => new Subject("'", wire);

            public static Subject ItemOf(string wire) => new Subject("An item of '", wire);
        }

        /// <summary>
        /// A problem's message, written as a C# string literal only where <c>Validate</c> adds it (never built for
        /// <c>IsValid</c>). The format's own text is plain; <c>{0}</c> is the subject, <c>{1}</c> and <c>{2}</c> spec text or a number.
        /// </summary>
        private readonly struct Message : IHoleFiller
        {
            private readonly string _format;
            private readonly Subject _subject;
            private readonly string? _first;
            private readonly string? _second;
            private readonly long _number;

            public Message(string format, Subject subject, string? first = null, string? second = null)
            {
                _format = format;
                _subject = subject;
                _first = first;
                _second = second;
                _number = 0;
            }

            public Message(string format, Subject subject, long number)
                : this(format, subject)
            {
                _number = number;
            }

            public void AppendLiteralTo(StringBuilder builder)
            {
                builder.Append('"');
                FormatHoles.Fill(builder, _format, this);
                builder.Append('"');
            }

            /// <inheritdoc />
            public void AppendHole(StringBuilder builder, char hole)
            {
                switch (hole)
                {
                    case '0':
                        builder.Append(_subject.Prefix);
                        SpecText.AppendEscaped(builder, _subject.Wire);
                        builder.Append('\'');
                        break;
                    case '1' when _first == null:
                        CSharp.AppendInteger(builder, _number);
                        break;
                    case '1':
                        SpecText.AppendEscaped(builder, _first!);
                        break;
                    default:
                        SpecText.AppendEscaped(builder, _second!);
                        break;
                }
            }
        }
    }
}
