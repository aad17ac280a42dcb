namespace TcbGen.Specs
{
    /// <summary>
    /// Every TCB diagnostic id, with its title. The parser (shared with the CLI and the emulator) reports
    /// these; the generator turns them into Roslyn diagnostics located in the spec file.
    /// </summary>
    internal static class SpecDiagnosticIds
    {
        public const string InvalidJson = "TCB0001";
        public const string MissingProperty = "TCB0002";
        public const string WrongJsonType = "TCB0003";
        public const string UnknownProperty = "TCB0004";
        public const string DuplicateKey = "TCB0005";
        public const string UnknownFieldType = "TCB0006";
        public const string InvalidValue = "TCB0007";
        public const string DuplicateField = "TCB0008";
        public const string DuplicateError = "TCB0009";
        public const string InvalidIdentifier = "TCB0010";
        public const string RequiredWhenFieldMissing = "TCB0011";
        public const string RequiredWhenValueInvalid = "TCB0012";
        public const string DuplicateEndpoint = "TCB0013";
        public const string DuplicateTypeName = "TCB0014";
        public const string ErrorCodeConflict = "TCB0015";
        public const string InvalidEnum = "TCB0016";
        public const string ReservedName = "TCB0017";
        public const string NotApplicable = "TCB0018";
        public const string UnknownReference = "TCB0019";
        public const string ExampleMismatch = "TCB0020";
        public const string InternalError = "TCB0099";
        public const string LanguageVersionTooLow = "TCB0100";
        public const string InvalidOption = "TCB0101";
        public const string ConditionalRequirementBroken = "TCB1001";
        public const string WrongClient = "TCB1002";

        /// <summary>Whether the id is a warning: the spec is still generated (and served by the emulator).</summary>
        public static bool IsWarning(string id) => id == ExampleMismatch;

        public static string Title(string id) => id switch
        {
            InvalidJson => "Spec file is not valid JSON",
            MissingProperty => "Spec property is missing",
            WrongJsonType => "Spec property has the wrong JSON type",
            UnknownProperty => "Spec property is unknown",
            DuplicateKey => "Spec property is given twice",
            UnknownFieldType => "Field type is unknown",
            InvalidValue => "Spec value is invalid",
            DuplicateField => "Field is declared twice",
            DuplicateError => "Error code or name is declared twice",
            InvalidIdentifier => "Name is not a valid C# identifier",
            RequiredWhenFieldMissing => "requiredWhen names a field that does not exist",
            RequiredWhenValueInvalid => "requiredWhen value does not fit the field",
            DuplicateEndpoint => "Two specs declare the same endpoint",
            DuplicateTypeName => "Two types would get the same C# name",
            ErrorCodeConflict => "Specs disagree about an error code",
            InvalidEnum => "Enum is invalid",
            ReservedName => "Name is reserved",
            NotApplicable => "Spec property does not apply here",
            UnknownReference => "Reference names nothing",
            ExampleMismatch => "Example does not match its spec",
            InternalError => "TcbGen failed unexpectedly",
            LanguageVersionTooLow => "TcbGen needs C# 8 or later",
            InvalidOption => "TcbGen MSBuild property has an invalid value",
            ConditionalRequirementBroken => "Conditionally required field is missing",
            WrongClient => "Endpoint called through a client of a token kind it does not accept",
            _ => "TcbGen spec problem",
        };
    }
}
