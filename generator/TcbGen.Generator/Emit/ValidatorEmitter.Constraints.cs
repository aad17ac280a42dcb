using System.Collections.Generic;
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

            string access = "value." + field.PropertyName;
            bool nullable = !(field.Required && field.Type.IsValueType);
            string value = nullable && field.Type.IsValueType ? access + ".Value" : access;
            if (nullable)
            {
                writer.Open(field.Type.IsValueType ? $"if ({access}.HasValue)" : $"if ({access} != null)");
            }

            EmitConstraints(writer, constraints, value, $"path + {CSharp.Literal(field.WireName)}", $"'{field.WireName}'", mode);
            if (nullable)
            {
                writer.Close();
            }
        }

        /// <summary>
        /// The checks of a non-null value (a field's, or an array element's, <paramref name="subject"/> naming it in
        /// messages, e.g. <c>'env'</c> or <c>an item of 'env_list'</c>).
        /// </summary>
        private static void EmitConstraints(SourceWriter writer, ConstraintSpec constraints, string value, string path, string subject, Mode mode)
        {
            string wire = subject;
            var checks = new List<(string Condition, string Message)>();
            if (constraints.Constant != null)
            {
                ConstantValue constant = constraints.Constant;
                string differs = constant.Kind == ConstantKind.String
                    ? $"!string.Equals({value}, {CSharp.Literal(constant.WireText)}, global::System.StringComparison.Ordinal)"
                    : $"{value} != {constant.WireText}";
                checks.Add((differs, $"{wire} must be {constant.WireText}."));
            }

            Bound(checks, value, constraints.Minimum, "<", $"{wire} must be at least {constraints.Minimum}.");
            Bound(checks, value, constraints.Maximum, ">", $"{wire} must be at most {constraints.Maximum}.");
            Bound(checks, value + ".Length", Text(constraints.MinLength), "<", $"{wire} must be at least {constraints.MinLength} characters long.");
            Bound(checks, value + ".Length", Text(constraints.MaxLength), ">", $"{wire} must be at most {constraints.MaxLength} characters long.");
            if (constraints.Pattern != null)
            {
                checks.Add(($"!Matches({value}, {CSharp.Literal(constraints.Pattern)})", $"{wire} must match {constraints.Pattern}."));
            }

            Bound(checks, value + ".Count", Text(constraints.MinItems), "<", $"{wire} must have at least {constraints.MinItems} items.");
            Bound(checks, value + ".Count", Text(constraints.MaxItems), ">", $"{wire} must have at most {constraints.MaxItems} items.");
            foreach ((string condition, string message) in checks)
            {
                Report(writer, mode, condition, path, "ConstraintViolated", message);
            }
        }

        /// <summary>A pattern check that treats a pattern running too long as a mismatch rather than an exception.</summary>
        private static void EmitMatches(SourceWriter writer)
        {
            writer.Open("private static bool Matches(string value, string pattern)");
            writer.Open("try");
            writer.Line($"return {Regex}.IsMatch(value, pattern, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
            writer.Close();
            writer.Open("catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)");
            writer.Line("return false;");
            writer.Close();
            writer.Close();
        }

        private static void Bound(List<(string Condition, string Message)> checks, string value, string? bound, string comparison, string message)
        {
            if (bound != null)
            {
                checks.Add(($"{value} {comparison} {bound}", message));
            }
        }

        /// <summary>Whether an array's elements, at any depth, have a pattern to match.</summary>
        private static bool ItemPatterns(TypeRef type) => type.Items != null && (type.Items.Constraints?.Pattern != null || ItemPatterns(type.Items));

        private static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
