using System.Globalization;
using TcbGen.Specs.Json;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    internal static partial class SpecParser
    {
        /// <summary>The properties that constrain a field's value; each applies to some types only (TCB0018 elsewhere).</summary>
        private static readonly string[] ConstraintProperties = { "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "const" };

        /// <summary>A field's constraints; null when it has none or after a reported problem.</summary>
        private static ConstraintSpec? ParseConstraints(SpecParseContext context, SpecObjectReader reader, TypeRef type)
        {
            bool any = false;
            foreach (string property in ConstraintProperties)
            {
                any |= reader.Has(property);
            }

            if (!any)
            {
                return null;
            }

            int before = context.Diagnostics.Count;
            FieldType info = type.Info;
            string kind = type.IsReference ? "a 'ref' field" : info.Noun;
            foreach (string property in new[] { "minimum", "maximum" })
            {
                if (!info.HasRange)
                {
                    ReportNotApplicable(context, reader, property, $"only integers and numbers have a range, not {kind}");
                }
            }

            foreach (string property in new[] { "minLength", "maxLength", "pattern" })
            {
                if (!info.HasLength)
                {
                    ReportNotApplicable(context, reader, property, $"only strings have a length or a pattern, not {kind}");
                }
            }

            foreach (string property in new[] { "minItems", "maxItems" })
            {
                if (!info.HasItemCount)
                {
                    ReportNotApplicable(context, reader, property, $"only arrays have an item count, not {kind}");
                }
            }

            if (!info.HasConstant)
            {
                ReportNotApplicable(context, reader, "const", $"only strings, integers and booleans can be constant, not {kind}");
            }

            var constraints = new ConstraintSpec(
                Bound(context, reader, "minimum", info),
                Bound(context, reader, "maximum", info),
                Count(context, reader, "minLength"),
                Count(context, reader, "maxLength"),
                Pattern(context, reader),
                Count(context, reader, "minItems"),
                Count(context, reader, "maxItems"),
                Constant(context, reader, type));
            CheckOrder(context, reader, "minimum", "maximum", constraints.Minimum, constraints.Maximum, integer: info.Literal != ConstantKind.Number);
            CheckOrder(context, reader, "minLength", "maxLength", Text(constraints.MinLength), Text(constraints.MaxLength), integer: true);
            CheckOrder(context, reader, "minItems", "maxItems", Text(constraints.MinItems), Text(constraints.MaxItems), integer: true);
            return context.Diagnostics.Count > before ? null : constraints;
        }

        /// <summary>
        /// A bound's number text; an integer field's bound must be an integer its field can hold (32 or 64 bits): the
        /// validator compares the field with it, and a bound beyond the field's width would make that comparison always
        /// true or false (CS0652).
        /// </summary>
        private static string? Bound(SpecParseContext context, SpecObjectReader reader, string property, FieldType type)
        {
            if (!reader.Has(property))
            {
                return null;
            }

            if (type.Literal != ConstantKind.Number)
            {
                JsonNumber? whole = reader.Integer(property);
                if (whole == null)
                {
                    return null;
                }

                // The reader reported an integer beyond 64 bits.
                whole.TryGetInt64(out long bound);
                if (type.HasRange && !type.HoldsInteger(bound))
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, $"'{property}' {whole.Raw} cannot hold in a 32-bit integer field (-2147483648 to 2147483647); remove it, or make the field \"format\": \"int64\".", whole);
                    return null;
                }

                // The canonical text (no leading zeros, no "-0"), as the validator's literal and the docs show it.
                return bound.ToString(CultureInfo.InvariantCulture);
            }

            JsonNode value = reader.Property(property)!.Value;
            if (value is JsonNumber number)
            {
                // JSON number syntax always parses; what fails (.NET Framework) or gives infinity (.NET Core) overflowed.
                if (double.TryParse(number.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && !double.IsInfinity(parsed))
                {
                    return parsed.ToString("R", CultureInfo.InvariantCulture);
                }

                context.Report(SpecDiagnosticIds.InvalidValue, $"'{property}' {number.Raw} is beyond a number field's range (a double, ±1.7976931348623157e308).", number);
                return null;
            }

            context.Report(SpecDiagnosticIds.WrongJsonType, $"'{property}' must be a number.", value);
            return null;
        }

        private static int? Count(SpecParseContext context, SpecObjectReader reader, string property)
        {
            JsonNumber? number = reader.Integer(property);
            if (number == null)
            {
                return null;
            }

            if (!number.TryGetInt64(out long value) || value < 0 || value > int.MaxValue)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, $"'{property}' must be from 0 to 2147483647.", number);
                return null;
            }

            return (int)value;
        }

        private static string? Pattern(SpecParseContext context, SpecObjectReader reader)
        {
            JsonString? pattern = reader.String("pattern");
            if (pattern == null)
            {
                return null;
            }

            string? problem = ConstraintCheck.PatternProblem(pattern.Value);
            if (problem != null)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, $"'pattern' is not a .NET regular expression: {problem}", pattern);
                return null;
            }

            return pattern.Value;
        }

        /// <summary><c>"const"</c>: the one value the field may hold, of the field's own JSON type.</summary>
        private static ConstantValue? Constant(SpecParseContext context, SpecObjectReader reader, TypeRef type)
        {
            JsonProperty? property = reader.Property("const");
            if (property == null)
            {
                return null;
            }

            JsonNode value = property.Value;
            FieldType info = type.Info;
            if (!info.HasConstant)
            {
                // Reported as not applicable.
                return null;
            }

            if (info.Literal == ConstantKind.String && value is JsonString text)
            {
                return new ConstantValue(ConstantKind.String, text.Value, 0, false);
            }

            if (info.Literal == ConstantKind.Boolean && value.Kind is JsonNodeKind.True or JsonNodeKind.False)
            {
                return new ConstantValue(ConstantKind.Boolean, null, 0, value.Kind == JsonNodeKind.True);
            }

            if (info.Literal == ConstantKind.Integer && value is JsonNumber number && number.Raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0
                && number.TryGetInt64(out long integer) && info.HoldsInteger(integer))
            {
                return new ConstantValue(ConstantKind.Integer, null, integer, false);
            }

            context.Report(SpecDiagnosticIds.InvalidValue, $"'const' must be {info.WireDescription}, the field's own type.", value);
            return null;
        }

        /// <summary>Bounds in the wrong order; integers compare as integers (two int64 bounds may be one double apart from nothing).</summary>
        private static void CheckOrder(SpecParseContext context, SpecObjectReader reader, string low, string high, string? lowText, string? highText, bool integer)
        {
            if (lowText == null || highText == null)
            {
                return;
            }

            bool reversed = integer
                ? long.Parse(lowText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) > long.Parse(highText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                : double.Parse(lowText, NumberStyles.Float, CultureInfo.InvariantCulture) > double.Parse(highText, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (reversed)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, $"'{high}' {highText} is below '{low}' {lowText}; no value could satisfy both.", reader.Property(high)!.Value);
            }
        }

        private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}
