using System.Globalization;
using System.Text;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// A catalog form of <see cref="CSharpFieldType"/> (read expression, write statement, query expression, check), a
    /// composite format filled where it is written: <c>{0}</c> the value, <c>{1}</c> the generated type's full name,
    /// <c>{2}</c> its simple name.
    /// </summary>
    internal readonly struct CatalogExpression
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
        public void AppendTo(StringBuilder builder)
        {
            string? fullName = _type.TypeName != null && _format.IndexOf("{1}", System.StringComparison.Ordinal) >= 0
                ? "global::" + _namespace + "." + _type.TypeName
                : null;
            builder.AppendFormat(CultureInfo.InvariantCulture, _format, _value.ToString(), fullName, _type.TypeName);
        }
    }
}
