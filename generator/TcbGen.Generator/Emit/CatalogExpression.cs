using System.Text;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// A catalog format of <see cref="FieldType"/> (read expression, write statement, query expression) filled in where it
    /// is written: <c>{0}</c> the value, <c>{1}</c> the generated type's full name, <c>{2}</c> its simple name.
    /// </summary>
    internal readonly struct CatalogExpression : IHoleFiller
    {
        private readonly string _format;
        private readonly ValueAccess _value;
        private readonly TypeRef _type;
        private readonly string _namespace;

        public CatalogExpression(string format, ValueAccess value, TypeRef type, string @namespace)
        {
            _format = format;
            _value = value;
            _type = type;
            _namespace = @namespace;
        }

        /// <summary>Appends the filled format.</summary>
        public void AppendTo(StringBuilder builder) => FormatHoles.Fill(builder, _format, this);

        /// <inheritdoc />
        public void AppendHole(StringBuilder builder, char hole)
        {
            switch (hole)
            {
                case '0':
                    _value.AppendTo(builder);
                    break;
                case '1':
                    if (_type.TypeName != null)
                    {
                        builder.Append("global::").Append(_namespace).Append('.').Append(_type.TypeName);
                    }

                    break;
                default:
                    builder.Append(_type.TypeName);
                    break;
            }
        }
    }
}
