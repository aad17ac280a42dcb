namespace TcbGen.Specs
{
    /// <summary>
    /// The words a broken constraint is reported in, by the generated validator and by the emulator (and the example
    /// check) alike: <c>{0}</c> names the value (<c>'env'</c>, or its wire path), <c>{1}</c> the bound, pattern or constant.
    /// The generated validator ends each with a full stop; <see cref="ConstraintCheck"/> does not.
    /// </summary>
    internal static class ConstraintMessages
    {
        public const string Constant = "{0} must be {1}";
        public const string Minimum = "{0} must be at least {1}";
        public const string Maximum = "{0} must be at most {1}";
        public const string MinLength = "{0} must be at least {1} characters long";
        public const string MaxLength = "{0} must be at most {1} characters long";
        public const string Pattern = "{0} must match {1}";
        public const string MinItems = "{0} must have at least {1} items";
        public const string MaxItems = "{0} must have at most {1} items";

        /// <summary>How long a spec's pattern may run on one value, in seconds, before the check calls the value wrong.</summary>
        public const int PatternTimeoutSeconds = 1;
    }
}
