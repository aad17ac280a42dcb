using System.Collections.Generic;
using System.Linq;

namespace TcbGen.Specs
{
    /// <summary>What a C# name from a spec stands for: the rules differ for types and for members.</summary>
    internal enum NameRole
    {
        /// <summary>A generated type (object, enum): may not be all lower-case ASCII (CS8981, and <c>var</c>, <c>record</c>, <c>file</c> ...).</summary>
        Type,

        /// <summary>A property, enum member, error name or endpoint prefix: may not hide a member of <c>object</c> or <c>Enum</c>.</summary>
        Member,
    }

    /// <summary>
    /// The one reserved-name policy of the spec language: the names no spec may give a type or a member, and the C# type
    /// names TcbGen emits itself (TCB0014). Held here, not in the generator, so the emulator and the CLI reject exactly
    /// the specs the build rejects.
    /// </summary>
    internal static class ReservedNames
    {
        /// <summary>The enum with every errcode of every spec.</summary>
        public const string AllErrorsEnum = "TcbErrorCode";

        /// <summary>
        /// The generated files TcbGen adds once per compilation. An endpoint's file is <c>&lt;Prefix&gt;.g.cs</c> (an identifier,
        /// so no dot) and a definitions file's <c>&lt;name&gt;.Definitions.g.cs</c>: these hold a dot and end otherwise, so no
        /// spec or file name can take them (Roslyn compares hint names ignoring case, and throws on a repeat).
        /// </summary>
        public const string ClientsHintName = "TcbClients.Shared.g.cs";

        /// <inheritdoc cref="ClientsHintName"/>
        public const string AllErrorsHintName = AllErrorsEnum + ".Shared.g.cs";

        /// <summary>The static class with the generated <c>AddTcbClients()</c> registration.</summary>
        public const string ClientRegistration = "TcbClientRegistration";

        /// <summary>
        /// Longer names are refused: generated names add prefixes and suffixes to a spec's name, and the metadata limit
        /// (CS7013) is 1,024 UTF-8 bytes, so 200 characters of up to 3 bytes each leave room for every derived name.
        /// </summary>
        public const int MaxLength = 200;

        /// <summary>Contextual keywords: legal identifiers in places, but each changes meaning somewhere generated code might put it.</summary>
        private static readonly HashSet<string> ContextualKeywords = new HashSet<string>
        {
            "add", "alias", "allows", "and", "args", "ascending", "async", "await", "by", "descending", "dynamic", "equals",
            "extension", "field", "file", "from", "get", "global", "group", "init", "into", "join", "let", "managed",
            "nameof", "nint", "not", "notnull", "nuint", "on", "or", "orderby", "partial", "record", "remove", "required",
            "scoped", "select", "set", "unmanaged", "value", "var", "when", "where", "with", "yield",
        };

        /// <summary>
        /// Members generated types inherit (from <c>object</c>, <c>ValueType</c> or <c>Enum</c>), and so also declare where they
        /// override them (a response string enum's <c>Equals</c>, <c>GetHashCode</c>, <c>ToString</c>): a property or enum
        /// member of that name would hide them (CS0108), and a type of that name would hold a member named like itself
        /// (CS0542). <c>value__</c> is the field that holds an enum's value. A member named <c>IsKnown</c> is TCB0017.
        /// </summary>
        private static readonly HashSet<string> InheritedMembers = new HashSet<string>
        {
            "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
            "CompareTo", "GetTypeCode", "HasFlag", "value__",
        };

        /// <summary>
        /// A nested type may not be named so: the serializer's entry point is <c>ReadResponse</c>, and it reads a type
        /// <c>T</c> with <c>Read{T}</c> (see SerializerEmitter).
        /// </summary>
        private static readonly HashSet<string> GeneratedMemberStems = new HashSet<string> { "Response" };

        /// <summary>
        /// The members a response string enum's struct declares itself (its field, its <c>IsKnown</c> property and that
        /// property's accessor, its overrides and operators): a member named so would clash with them (CS0102, CS0082).
        /// </summary>
        public static HashSet<string> ExtensibleEnumMembers { get; } = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "_value", "IsKnown", "get_IsKnown", "Equals", "GetHashCode", "ToString", "GetType", "op_Equality", "op_Inequality", "op_Implicit",
        };

        /// <summary>
        /// The property whose accessor <paramref name="name"/> would be (<c>get_Env</c> or <c>set_Env</c> → <c>Env</c>), or null
        /// when it is no accessor's name. C# reserves both names beside any property, even one without a setter (CS0082, CS0102).
        /// </summary>
        public static string? AccessedProperty(string name) =>
            name.Length > 4 && (name.StartsWith("get_", System.StringComparison.Ordinal) || name.StartsWith("set_", System.StringComparison.Ordinal))
                ? name.Substring(4)
                : null;

        /// <summary>Why <paramref name="name"/> is reserved for its <paramref name="role"/>, or null when it is free.</summary>
        public static string? Problem(string name, NameRole role)
        {
            if (name.Length > MaxLength)
            {
                return $"it is {name.Length} characters long; the limit is {MaxLength}";
            }

            if (ContextualKeywords.Contains(name))
            {
                return $"'{name}' is a C# contextual keyword";
            }

            if (role == NameRole.Type)
            {
                if (name.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return $"'{name}' is all lower-case, which C# reserves for keywords (CS8981); start it with a capital";
                }

                if (GeneratedMemberStems.Contains(name))
                {
                    return $"'{name}' would make the serializer's method Read{name} clash with its own";
                }

                if (InheritedMembers.Contains(name) || ExtensibleEnumMembers.Contains(name))
                {
                    return $"'{name}' is a member generated types declare or inherit, and a type may not hold a member named like itself";
                }
            }
            else if (InheritedMembers.Contains(name))
            {
                return $"'{name}' is a member generated types declare or inherit";
            }

            return null;
        }

        /// <summary>
        /// The shared types for specs that use <paramref name="tokenKinds"/>: each kind's client and interface (and client factory
        /// with its interface), <see cref="ClientRegistration"/> and <see cref="AllErrorsEnum"/>.
        /// </summary>
        public static IReadOnlyList<string> TypeNames(IEnumerable<string> tokenKinds) =>
            tokenKinds.Distinct()
                .Select(TokenKinds.Of)
                .SelectMany(kind => new[] { kind.ClientClassName, kind.ClientInterfaceName, kind.ClientFactoryClassName, kind.ClientFactoryInterfaceName })
                .Concat(new[] { ClientRegistration, AllErrorsEnum })
                .ToList();
    }
}
