using System.Collections.Generic;

namespace TcbGen.Specs
{
    /// <summary>
    /// The suffixes an endpoint's type prefix takes to name what TcbGen emits for it (<c>ChangeTcbEnv</c> →
    /// <c>ChangeTcbEnvRequest</c>, ...): the parser claims these names, the model derives them, the emitters use them.
    /// </summary>
    internal static class TypeNameSuffixes
    {
        public const string Request = "Request";
        public const string Response = "Response";
        public const string Error = "Error";
        public const string Endpoint = "Endpoint";
        public const string Validator = "Validator";
        public const string Serializer = "Serializer";

        /// <summary>The client method's suffix (<c>ChangeTcbEnvAsync</c>): a member, so not among <see cref="Types"/>.</summary>
        public const string Method = "Async";

        /// <summary>Every type an endpoint declares, by suffix: a spec claims each name with its prefix.</summary>
        public static IReadOnlyList<string> Types { get; } = new[] { Request, Response, Error, Endpoint, Validator, Serializer };
    }
}
