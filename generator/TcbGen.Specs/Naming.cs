using System.Collections.Generic;
using System.Text;

namespace TcbGen.Specs
{
    /// <summary>How C# names are derived from wire names, and what counts as a usable C# identifier.</summary>
    internal static class Naming
    {
        private static readonly char[] WordSeparators = { '_', '-', ' ', '.' };

        /// <summary>Slots of the per-thread table of derived names (one per hash, the newest wins).</summary>
        private const int PascalSlots = 512;

        [System.ThreadStatic]
        private static (string Wire, string Pascal)[]? t_pascalSlots;

        private static readonly HashSet<string> Keywords = new HashSet<string>
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
            "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
            "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
            "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
            "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
            "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
            "__arglist", "__makeref", "__reftype", "__refvalue",
        };

        /// <summary>
        /// WeChat's compound words, written as one lower-case word on the wire but read as two (or more): each maps to its
        /// C# spelling. Used for a whole lower-case word between separators only, so <c>appIds</c> and <c>AppID</c> are
        /// left as written. Add a word here when a spec would otherwise get a name like <c>Secretid</c>; <c>csharpName</c>
        /// still overrides any derived name.
        /// </summary>
        private static readonly Dictionary<string, string> CompoundWords = new Dictionary<string, string>
        {
            ["appid"] = "AppId",
            ["appids"] = "AppIds",
            ["openid"] = "OpenId",
            ["openids"] = "OpenIds",
            ["unionid"] = "UnionId",
            ["secretid"] = "SecretId",
            ["secretkey"] = "SecretKey",
            ["tranid"] = "TranId",
            ["envid"] = "EnvId",
            ["dbinstance"] = "DbInstance",
            ["msgid"] = "MsgId",
            ["userid"] = "UserId",
            ["sessionkey"] = "SessionKey",
            ["accesstoken"] = "AccessToken",
            ["pagesize"] = "PageSize",
            ["cloudid"] = "CloudId",
        };

        /// <summary>
        /// <c>api_whitelist</c> → <c>ApiWhitelist</c>, <c>msgType</c> → <c>MsgType</c>, and a compound word as two:
        /// <c>secretid</c> → <c>SecretId</c>, <c>dbinstance_id</c> → <c>DbInstanceId</c>.
        /// </summary>
        public static string ToPascalCase(string wireName)
        {
            // Specs repeat the same wire names (env, openid, errcode …) field after field and spec after spec, and the
            // driver keeps every derived name for the session: the same name is handed out once per thread, not made again.
            (string Wire, string Pascal)[] slots = t_pascalSlots ??= new (string, string)[PascalSlots];
            ref (string Wire, string Pascal) slot = ref slots[System.StringComparer.Ordinal.GetHashCode(wireName) & (PascalSlots - 1)];
            if (slot.Wire != null && string.Equals(slot.Wire, wireName, System.StringComparison.Ordinal))
            {
                return slot.Pascal;
            }

            string made = MakePascalCase(wireName);
            slot = (wireName, made);
            return made;
        }

        private static string MakePascalCase(string wireName)
        {
            // One word (most wire names, e.g. "env" or "functionName"): no split and no builder.
            if (wireName.Length > 0 && wireName.IndexOfAny(WordSeparators) < 0)
            {
                if (CompoundWords.TryGetValue(wireName, out string? single))
                {
                    return single;
                }

                char first = char.ToUpperInvariant(wireName[0]);
                return first == wireName[0] ? wireName : first + wireName.Substring(1);
            }

            var builder = new StringBuilder(wireName.Length);
            foreach (string word in wireName.Split(WordSeparators))
            {
                if (word.Length == 0)
                {
                    continue;
                }

                if (CompoundWords.TryGetValue(word, out string? compound))
                {
                    builder.Append(compound);
                }
                else
                {
                    builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
                }
            }

            return builder.ToString();
        }

        /// <summary>The compound-word dictionary, for documentation and tests.</summary>
        public static IReadOnlyDictionary<string, string> CompoundWordSpellings => CompoundWords;

        /// <summary><c>ApiWhitelist</c> → <c>apiWhitelist</c>, for parameter names.</summary>
        public static string ToCamelCase(string pascalName) =>
            pascalName.Length == 0 ? pascalName : char.ToLowerInvariant(pascalName[0]) + pascalName.Substring(1);

        public static bool IsKeyword(string name) => Keywords.Contains(name);

        /// <summary>
        /// Compares C# names "up to case", the one rule for every name clash TcbGen checks (properties, types, endpoint
        /// prefixes). Two names are equal when <see cref="FoldCase(char)"/> maps them to the same text, which holds whenever
        /// they are equal ignoring case as .NET (and Roslyn's hint names) see it, and whenever <see cref="ToCamelCase"/>
        /// makes one parameter name of both (the Kelvin sign U+212A and <c>K</c> both become <c>k</c>).
        /// </summary>
        public static System.Collections.Generic.IEqualityComparer<string> CaseFoldComparer { get; } = new FoldingComparer();

        /// <summary>
        /// One character up to case: the lower case of the upper case of its lower case. It depends only on
        /// <c>char.ToLowerInvariant(c)</c>, so names that <see cref="ToCamelCase"/> makes equal fold equal; and
        /// (checked for every UTF-16 unit by a test) characters with one upper case fold equal too.
        /// </summary>
        public static char FoldCase(char c) => char.ToLowerInvariant(char.ToUpperInvariant(char.ToLowerInvariant(c)));

        private sealed class FoldingComparer : System.Collections.Generic.IEqualityComparer<string>
        {
            public bool Equals(string? x, string? y)
            {
                if (ReferenceEquals(x, y))
                {
                    return true;
                }

                if (x == null || y == null || x.Length != y.Length)
                {
                    return false;
                }

                for (int i = 0; i < x.Length; i++)
                {
                    if (x[i] != y[i] && FoldCase(x[i]) != FoldCase(y[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            public int GetHashCode(string obj)
            {
                unchecked
                {
                    int hash = (int)2166136261;
                    foreach (char c in obj)
                    {
                        hash = (hash ^ FoldCase(c)) * 16777619;
                    }

                    return hash;
                }
            }
        }

        /// <summary>
        /// Why <paramref name="name"/> cannot name a generated <paramref name="role"/>: not an identifier, or reserved by
        /// <see cref="ReservedNames"/>. Null when it can.
        /// </summary>
        public static string? IdentifierProblem(string name, NameRole role) => IdentifierProblem(name) ?? ReservedNames.Problem(name, role);

        /// <summary>Why <paramref name="name"/> cannot be a C# identifier (a namespace part, say), or null when it can.</summary>
        public static string? IdentifierProblem(string name)
        {
            if (name.Length == 0)
            {
                return "it is empty";
            }

            if (!(char.IsLetter(name[0]) || name[0] == '_'))
            {
                return $"'{name}' does not start with a letter or '_'";
            }

            foreach (char c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return $"'{name}' contains '{c}'";
                }
            }

            if (IsKeyword(name))
            {
                return $"'{name}' is a C# keyword";
            }

            return null;
        }
    }
}
