using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    internal static partial class ValidatorEmitter
    {
        private const string Regex = "global::System.Text.RegularExpressions.Regex";

        /// <summary>
        /// A set field's range, length, pattern, item count or constant; the same facts, in the same words, that the
        /// emulator checks through <c>ConstraintCheck</c>. An unset optional field is not checked.
        /// </summary>
        private static void EmitConstraintChecks(SourceWriter writer, FieldSpec field, Mode mode)
        {
            ConstraintSpec? constraints = field.Constraints;
            if (constraints == null)
            {
                return;
            }

            var access = ValueAccess.Property("value", field.PropertyName);
            bool nullable = !(field.Required && field.Type.IsValueType);
            if (nullable)
            {
                writer.OpenIfSet(access, field.Type.IsValueType);
            }

            EmitConstraints(writer, constraints, nullable && field.Type.IsValueType ? access.Unwrapped : access, new ProblemPath(field.WireName, 0), Subject.Field(field.WireName), mode);
            if (nullable)
            {
                writer.Close();
            }
        }

        /// <summary>
        /// The checks of a non-null value (a field's, or an array element's, <paramref name="subject"/> naming it in
        /// messages, e.g. <c>'env'</c> or <c>an item of 'env_list'</c>).
        /// </summary>
        private static void EmitConstraints(SourceWriter writer, ConstraintSpec constraints, ValueAccess value, ProblemPath path, Subject subject, Mode mode)
        {
            const string Violated = "ConstraintViolated";
            if (constraints.Constant != null)
            {
                ConstantValue constant = constraints.Constant;
                if (constant.Kind == ConstantKind.String)
                {
                    writer.Open($"if (!string.Equals({value}, {constant.WireText:literal}, global::System.StringComparison.Ordinal))");
                }
                else
                {
                    writer.Open($"if ({value} != {constant.WireText})");
                }

                ReportAndClose(writer, mode, path, Violated, new Message(ConstraintMessages.Constant + ".", subject, constant.WireText));
            }

            if (constraints.Minimum != null)
            {
                writer.Open($"if ({value} < {constraints.Minimum})");
                ReportAndClose(writer, mode, path, Violated, new Message(ConstraintMessages.Minimum + ".", subject, constraints.Minimum));
            }

            if (constraints.Maximum != null)
            {
                writer.Open($"if ({value} > {constraints.Maximum})");
                ReportAndClose(writer, mode, path, Violated, new Message(ConstraintMessages.Maximum + ".", subject, constraints.Maximum));
            }

            if (constraints.MinLength is int minLength)
            {
                writer.Open($"if ({value}.Length < {minLength})");
                ReportAndClose(writer, mode, path, Violated, new Message(ConstraintMessages.MinLength + ".", subject, minLength));
            }

            if (constraints.MaxLength is int maxLength)
            {
                writer.Open($"if ({value}.Length > {maxLength})");
                ReportAndClose(writer, mode, path, Violated, new Message(ConstraintMessages.MaxLength + ".", subject, maxLength));
            }

            if (constraints.Pattern != null)
            {
                writer.Open($"if (!Matches({value}, {constraints.Pattern:literal}))");
                ReportAndClose(writer, mode, path, Violated, new Message(ConstraintMessages.Pattern + ".", subject, constraints.Pattern));
            }

            if (constraints.MinItems is int minItems)
            {
                writer.Open($"if ({value}.Count < {minItems})");
                ReportAndClose(writer, mode, path, Violated, new Message(ConstraintMessages.MinItems + ".", subject, minItems));
            }

            if (constraints.MaxItems is int maxItems)
            {
                writer.Open($"if ({value}.Count > {maxItems})");
                ReportAndClose(writer, mode, path, Violated, new Message(ConstraintMessages.MaxItems + ".", subject, maxItems));
            }
        }

        /// <summary>A pattern check that treats a pattern running too long as a mismatch rather than an exception.</summary>
        private static void EmitMatches(SourceWriter writer)
        {
            writer.Open("private static bool Matches(string value, string pattern)");
            writer.Open("try");
            writer.Line($"return {Regex}.IsMatch(value, pattern, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds({ConstraintMessages.PatternTimeoutSeconds}));");
            writer.Close();
            writer.Open("catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)");
            writer.Line("return false;");
            writer.Close();
            writer.Close();
        }

        /// <summary>Whether a field of <paramref name="type"/>, or an element of one at any depth, has a pattern to match.</summary>
        private static bool HasPatterns(ObjectSpec type)
        {
            foreach (FieldSpec field in type.Fields)
            {
                if (field.Constraints?.Pattern != null || ItemPatterns(field.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether an array's elements, at any depth, have a pattern to match.</summary>
        private static bool ItemPatterns(TypeRef type) => type.Items != null && (type.Items.Constraints?.Pattern != null || ItemPatterns(type.Items));
    }
}
