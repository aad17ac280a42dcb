using System.Text;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// A C# expression that reaches a value in generated code, e.g. <c>value.Env</c>, <c>value.Count.Value</c>,
    /// <c>item0</c> or <c>list0[i0]</c>: written where it is used, with no string of its own.
    /// </summary>
    internal readonly struct ValueAccess
    {
        private readonly string _root;
        private readonly string? _member;
        private readonly string? _tail;

        /// <summary><paramref name="root"/>, then <c>.member</c> when given, then <paramref name="tail"/> as is (<c>.Value</c>, <c>[i0]</c>).</summary>
        public ValueAccess(string root, string? member = null, string? tail = null)
        {
            _root = root;
            _member = member;
            _tail = tail;
        }

        /// <summary>A property of <c>value</c>; <paramref name="unwrap"/> adds <c>.Value</c> (a set nullable value type).</summary>
        public static ValueAccess Property(string root, string property, bool unwrap = false) => new ValueAccess(root, property, unwrap ? ".Value" : null);

        /// <summary>The same expression with <c>.Value</c>: the value of a nullable value type known to be set.</summary>
        public ValueAccess Unwrapped => new ValueAccess(_root, _member, ".Value");

        /// <summary>Appends the expression.</summary>
        public void AppendTo(StringBuilder builder)
        {
            builder.Append(_root);
            if (_member != null)
            {
                builder.Append('.').Append(_member);
            }

            builder.Append(_tail);
        }

        /// <summary>The expression, as a string.</summary>
        public override string ToString() => _member == null ? _root + _tail : _root + "." + _member + _tail;
    }
}
