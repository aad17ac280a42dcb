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
        public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(ConstraintMessages.PatternTimeoutSeconds);

        public static string? Number(ConstraintSpec constraints, double value, string path)
        {
            if (constraints.Minimum != null && value < Parse(constraints.Minimum))
            {
                return Say(ConstraintMessages.Minimum, path, constraints.Minimum);
            }

            if (constraints.Maximum != null && value > Parse(constraints.Maximum))
            {
                return Say(ConstraintMessages.Maximum, path, constraints.Maximum);
            }

            return null;
        }

        /// <summary>
        /// A number given as its JSON text: an integer against integer bounds compares as a 64-bit integer, as the generated
        /// validator compares a <c>long</c> (doubles cannot tell 9007199254740993 from 9007199254740992); anything else as a double.
        /// </summary>
        public static string? NumberText(ConstraintSpec constraints, string raw, string path)
        {
            if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer)
                && IsIntegerOrNull(constraints.Minimum, out long? minimum) && IsIntegerOrNull(constraints.Maximum, out long? maximum))
            {
                if (minimum != null && integer < minimum)
                {
                    return Say(ConstraintMessages.Minimum, path, constraints.Minimum);
                }

                return maximum != null && integer > maximum ? Say(ConstraintMessages.Maximum, path, constraints.Maximum) : null;
            }

            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? Number(constraints, value, path) : null;
        }

        private static bool IsIntegerOrNull(string? bound, out long? value)
        {
            value = null;
            if (bound == null)
            {
                return true;
            }

            if (long.TryParse(bound, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
            {
                value = parsed;
                return true;
            }

            return false;
        }

        /// <summary>A string's length and pattern.</summary>
        /// <param name="constraints">The field's constraints.</param>
        /// <param name="value">The value.</param>
        /// <param name="path">The value's wire path, for the message.</param>
        /// <param name="budget">
        /// The time the spec's pattern checks may still take (the example check's, bounded per spec); null for one value's
        /// check, bounded only by <see cref="PatternTimeout"/>. Once it is spent, patterns are no longer matched.
        /// </param>
        public static string? Text(ConstraintSpec constraints, string value, string path, PatternBudget? budget = null)
        {
            if (constraints.MinLength != null && value.Length < constraints.MinLength)
            {
                return Say(ConstraintMessages.MinLength, path, constraints.MinLength);
            }

            if (constraints.MaxLength != null && value.Length > constraints.MaxLength)
            {
                return Say(ConstraintMessages.MaxLength, path, constraints.MaxLength);
            }

            if (constraints.Pattern != null && !(budget == null ? Matches(constraints.Pattern, value) : budget.Matches(constraints.Pattern, value) ?? true))
            {
                return Say(ConstraintMessages.Pattern, path, constraints.Pattern);
            }

            return null;
        }

        public static string? Count(ConstraintSpec constraints, int count, string path)
        {
            if (constraints.MinItems != null && count < constraints.MinItems)
            {
                return Say(ConstraintMessages.MinItems, path, constraints.MinItems);
            }

            if (constraints.MaxItems != null && count > constraints.MaxItems)
            {
                return Say(ConstraintMessages.MaxItems, path, constraints.MaxItems);
            }

            return null;
        }

        /// <summary>A constant's problem, given the value's wire text (a string's value, a number's or boolean's JSON).</summary>
        public static string? Constant(ConstraintSpec constraints, string wireText, string path) =>
            constraints.Constant != null && wireText != constraints.Constant.WireText ? Say(ConstraintMessages.Constant, path, constraints.Constant.WireText) : null;

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

        internal static bool Matches(string pattern, string value)
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

        private static string Say(string message, string path, object? bound) => string.Format(CultureInfo.InvariantCulture, message, path, bound);

        private static double Parse(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The time one spec's pattern checks may take in total (the example check tries every pattern on every example
    /// value): a pattern that backtracks costs up to <see cref="ConstraintCheck.PatternTimeout"/> per value, so without a
    /// budget 60 example values could take a minute. Past the budget a pattern is no longer tried, and the first value
    /// left unchecked is reported (<see cref="ExhaustedNow"/>).
    /// </summary>
    internal sealed class PatternBudget
    {
        /// <summary>The budget per spec.</summary>
        public static readonly TimeSpan PerSpec = TimeSpan.FromSeconds(2);

        private readonly System.Diagnostics.Stopwatch _spent = new System.Diagnostics.Stopwatch();
        private readonly TimeSpan _limit;

        public PatternBudget(TimeSpan limit)
        {
            _limit = limit;
        }

        /// <summary>Whether the budget is spent: no pattern is tried any more.</summary>
        public bool Exhausted { get; private set; }

        /// <summary>True once, right after the match that spent the budget: the caller reports where.</summary>
        public bool ExhaustedNow { get; private set; }

        /// <summary>Whether the value matches; null when the budget ran out before the match could finish.</summary>
        public bool? Matches(string pattern, string value)
        {
            ExhaustedNow = false;
            if (Exhausted)
            {
                return null;
            }

            TimeSpan remaining = _limit - _spent.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                Exhausted = ExhaustedNow = true;
                return null;
            }

            bool capped = remaining < ConstraintCheck.PatternTimeout;
            _spent.Start();
            try
            {
                return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, capped ? remaining : ConstraintCheck.PatternTimeout);
            }
            catch (RegexMatchTimeoutException)
            {
                if (capped)
                {
                    Exhausted = ExhaustedNow = true;
                    return null;
                }

                return false;
            }
            finally
            {
                _spent.Stop();
            }
        }
    }
}
