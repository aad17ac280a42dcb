using System;
using System.Globalization;
using System.Text.RegularExpressions;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>
    /// Checks a value against a field's constraints, as the generated validator does: the emulator's half of the
    /// contract, and the wording both report. Each method returns the problem, or null when the value satisfies them.
    /// </summary>
    internal static class ConstraintCheck
    {
        /// <summary>How long a spec's pattern may run on one value before the check gives up (and calls the value wrong).</summary>
        public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

        public static string? Number(ConstraintSpec constraints, double value, string path)
        {
            if (constraints.Minimum != null && value < Parse(constraints.Minimum))
            {
                return $"{path} must be at least {constraints.Minimum}";
            }

            if (constraints.Maximum != null && value > Parse(constraints.Maximum))
            {
                return $"{path} must be at most {constraints.Maximum}";
            }

            return null;
        }

        public static string? Text(ConstraintSpec constraints, string value, string path)
        {
            if (constraints.MinLength != null && value.Length < constraints.MinLength)
            {
                return $"{path} must be at least {constraints.MinLength} characters long";
            }

            if (constraints.MaxLength != null && value.Length > constraints.MaxLength)
            {
                return $"{path} must be at most {constraints.MaxLength} characters long";
            }

            if (constraints.Pattern != null && !Matches(constraints.Pattern, value))
            {
                return $"{path} must match {constraints.Pattern}";
            }

            return null;
        }

        public static string? Count(ConstraintSpec constraints, int count, string path)
        {
            if (constraints.MinItems != null && count < constraints.MinItems)
            {
                return $"{path} must have at least {constraints.MinItems} items";
            }

            if (constraints.MaxItems != null && count > constraints.MaxItems)
            {
                return $"{path} must have at most {constraints.MaxItems} items";
            }

            return null;
        }

        /// <summary>A constant's problem, given the value's wire text (a string's value, a number's or boolean's JSON).</summary>
        public static string? Constant(ConstraintSpec constraints, string wireText, string path) =>
            constraints.Constant != null && wireText != constraints.Constant.WireText ? $"{path} must be {constraints.Constant.WireText}" : null;

        /// <summary>Why a pattern does not compile as a .NET regular expression, or null when it does.</summary>
        public static string? PatternProblem(string pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
                return null;
            }
            catch (ArgumentException exception)
            {
                return exception.Message;
            }
        }

        private static bool Matches(string pattern, string value)
        {
            try
            {
                return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        private static double Parse(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
