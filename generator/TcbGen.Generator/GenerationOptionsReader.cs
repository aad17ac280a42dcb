using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TcbGen.Specs.Model;
using TcbGen.Specs;

namespace TcbGen.Generator
{
    /// <summary>Reads <see cref="GenerationOptions"/> from the MSBuild properties and the compilation.</summary>
    internal static class GenerationOptionsReader
    {
        public const string NamespaceProperty = "build_property.TcbGenNamespace";
        public const string RootNamespaceProperty = "build_property.RootNamespace";
        public const string DefaultNamespace = "TcbGen.Api";

        public static GenerationOptions Read(AnalyzerConfigOptionsProvider config, ParseOptions parseOptions, Compilation compilation)
        {
            LanguageVersion version = parseOptions is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Default;
            bool requiredMembers = version >= LanguageVersion.CSharp11
                && IsAvailable(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute")
                && IsAvailable(compilation, "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute");
            string? invalid = null;
            string ns = Namespace(config, ref invalid);
            return new GenerationOptions(ns, requiredMembers, version >= LanguageVersion.CSharp8, invalid);
        }

        /// <summary>
        /// <c>TcbGenNamespace</c> when set, else <c>RootNamespace</c> + <c>.Tcb</c>, else <see cref="DefaultNamespace"/>.
        /// A <c>TcbGenNamespace</c> that is no valid namespace is handed back in <paramref name="invalid"/> to be reported.
        /// </summary>
        private static string Namespace(AnalyzerConfigOptionsProvider config, ref string? invalid)
        {
            if (config.GlobalOptions.TryGetValue(NamespaceProperty, out string? configured) && !string.IsNullOrWhiteSpace(configured))
            {
                if (IsValidNamespace(configured.Trim()))
                {
                    return configured.Trim();
                }

                invalid = configured;
            }

            if (invalid == null && config.GlobalOptions.TryGetValue(RootNamespaceProperty, out string? root) && !string.IsNullOrWhiteSpace(root) && IsValidNamespace(root.Trim()))
            {
                return root.Trim() + ".Tcb";
            }

            return DefaultNamespace;
        }

        public static bool IsValidNamespace(string name)
        {
            foreach (string part in name.Split('.'))
            {
                if (Naming.IdentifierProblem(part) != null)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAvailable(Compilation compilation, string metadataName)
        {
            INamedTypeSymbol? type = compilation.GetTypeByMetadataName(metadataName);
            return type != null && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);
        }
    }
}
