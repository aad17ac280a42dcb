using System.Text;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// How a field's C# type is spelled (<c>global::Ns.Item</c>, <c>global::System.Collections.Generic.IList&lt;string&gt;?</c>),
    /// written where it is used: an interpolated line or doc appends it piece by piece, with no string of its own.
    /// </summary>
    internal readonly struct CSharpType
    {
        private readonly TypeRef _type;
        private readonly string _namespace;
        private readonly bool _nullable;

        /// <summary>The type of <paramref name="type"/>; <paramref name="nullable"/> adds '?' (optional fields, all response fields).</summary>
        public CSharpType(TypeRef type, string @namespace, bool nullable)
        {
            _type = type;
            _namespace = @namespace;
            _nullable = nullable;
        }

        /// <summary>Appends the spelling.</summary>
        public void AppendTo(StringBuilder builder)
        {
            CSharpFieldType csharp = CSharpFieldTypes.Of(_type);
            if (_type.Info.Shape == TypeShape.Array)
            {
                builder.Append(CSharp.IList).Append('<');
                new CSharpType(_type.Items!, _namespace, nullable: false).AppendTo(builder);
                builder.Append('>');
            }
            else if (csharp.Keyword != null)
            {
                builder.Append(csharp.Keyword);
            }
            else
            {
                builder.Append("global::").Append(_namespace).Append('.').Append(_type.TypeName);
            }

            if (_nullable)
            {
                builder.Append('?');
            }
        }

        /// <summary>The spelling, as a string.</summary>
        public override string ToString()
        {
            var builder = new StringBuilder();
            AppendTo(builder);
            return builder.ToString();
        }
    }
}
