namespace TcbGen.Runtime
{
    /// <summary>What is wrong with one value of a request.</summary>
    public enum TcbValidationProblemKind
    {
        /// <summary>A required field is missing.</summary>
        Missing = 1,

        /// <summary>A field required because another field has a given value is missing.</summary>
        MissingConditional = 2,

        /// <summary>An enum field holds a value its spec does not list.</summary>
        InvalidEnumValue = 3,

        /// <summary>A value breaks a documented constraint: a range, a length, a pattern, an item count or a constant.</summary>
        ConstraintViolated = 4,

        /// <summary>A time field holds no time (a <see cref="TcbTime"/> read from a response whose text was not one).</summary>
        InvalidTime = 5,

        /// <summary>A JSON-text field (a <see cref="TcbJsonText"/>) does not hold exactly one JSON value.</summary>
        InvalidJson = 6,
    }

    /// <summary>One problem found in a request, located by its wire path (e.g. <c>function_config.callbacks[1].env</c>).</summary>
    public sealed class TcbValidationProblem
    {
        /// <summary>Creates a problem.</summary>
        /// <param name="path">The wire path of the value.</param>
        /// <param name="kind">What is wrong.</param>
        /// <param name="message">A sentence for humans.</param>
        public TcbValidationProblem(string path, TcbValidationProblemKind kind, string message)
        {
            Path = path;
            Kind = kind;
            Message = message;
        }

        /// <summary>The wire path of the value, e.g. <c>function_config.callbacks[1].env</c>.</summary>
        public string Path { get; }

        /// <summary>What is wrong.</summary>
        public TcbValidationProblemKind Kind { get; }

        /// <summary>A sentence for humans.</summary>
        public string Message { get; }

        /// <inheritdoc />
        public override string ToString() => Path + ": " + Message;
    }
}
