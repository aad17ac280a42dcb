namespace TcbGen.Generator
{
    /// <summary>Names of the pipeline steps, which incrementality tests look up.</summary>
    internal static class TrackingNames
    {
        public const string Parse = nameof(Parse);
        public const string Options = nameof(Options);
        public const string CrossSpecCheck = nameof(CrossSpecCheck);
        public const string SpecDiagnostics = nameof(SpecDiagnostics);
        public const string Endpoint = nameof(Endpoint);
        public const string EndpointWithOptions = nameof(EndpointWithOptions);
        public const string TokenKinds = nameof(TokenKinds);
        public const string AllErrors = nameof(AllErrors);
        public const string Definitions = nameof(Definitions);
    }
}
