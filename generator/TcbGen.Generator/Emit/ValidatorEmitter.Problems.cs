using System.Globalization;
using TcbGen.Specs;

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
            public string Indexes => Depth == 0 ? string.Empty : MakeIndexes(Depth);

            /// <summary>The path of an element of the array this path reaches.</summary>
            public ProblemPath Item() => new ProblemPath(Wire, Depth + 1);

            private static string MakeIndexes(int depth)
            {
                string indexes = string.Empty;
                for (int i = 0; i < depth; i++)
                {
                    indexes += $" + \"[\" + {Locals.Index(i)}.ToString({CSharp.Invariant}) + \"]\"";
                }

                return indexes;
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
        /// A problem's message, made only where <c>Validate</c> adds it (never for <c>IsValid</c>): a composite format whose
        /// <c>{0}</c> is the subject, <c>{1}</c> and <c>{2}</c> spec text or a number (<see cref="ConstraintMessages"/>).
        /// </summary>
        private readonly struct Message
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

            /// <summary>The message as the generated code reports it; written as a literal, <c>{message.Text:literal}</c>.</summary>
            public string Text => string.Format(CultureInfo.InvariantCulture, _format, _subject.Prefix + _subject.Wire + "'", _first ?? (object)_number, _second);
        }
    }
}
