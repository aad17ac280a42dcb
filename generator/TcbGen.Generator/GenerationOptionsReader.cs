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
        public const string AccessibilityProperty = "build_property.TcbGenAccessibility";
        public const string EmitClientsProperty = "build_property.TcbGenEmitClients";
        public const string PublicAccessibility = "public";
        public const string InternalAccessibility = "internal";

        public static GenerationOptions Read(AnalyzerConfigOptionsProvider config, ParseOptions parseOptions, Compilation compilation)
        {
            LanguageVersion version = parseOptions is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Default;
            bool requiredMembers = version >= LanguageVersion.CSharp11
                && IsAvailable(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute")
                && IsAvailable(compilation, "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute");
            string? invalid = null;
            string ns = Namespace(config, ref invalid);
            string? invalidAccessibility = null;
            string accessibility = Accessibility(config, ref invalidAccessibility);
            string? invalidEmitClients = null;
            bool emitClients = EmitClients(config, ref invalidEmitClients);
            return new GenerationOptions(ns, requiredMembers, version >= LanguageVersion.CSharp8, invalid, accessibility, emitClients, invalidAccessibility, invalidEmitClients);
        }

        /// <summary><c>TcbGenAccessibility</c>: <c>public</c> (the default) or <c>internal</c>, any case; anything else is handed back in <paramref name="invalid"/>.</summary>
        private static string Accessibility(AnalyzerConfigOptionsProvider config, ref string? invalid)
        {
            if (!config.GlobalOptions.TryGetValue(AccessibilityProperty, out string? configured) || string.IsNullOrWhiteSpace(configured))
            {
                return PublicAccessibility;
            }

            string value = configured.Trim();
            if (string.Equals(value, InternalAccessibility, System.StringComparison.OrdinalIgnoreCase))
            {
                return InternalAccessibility;
            }

            if (!string.Equals(value, PublicAccessibility, System.StringComparison.OrdinalIgnoreCase))
            {
                invalid = configured;
            }

            return PublicAccessibility;
        }

        /// <summary><c>TcbGenEmitClients</c>: <c>true</c> (the default) or <c>false</c>; anything else is handed back in <paramref name="invalid"/>.</summary>
        private static bool EmitClients(AnalyzerConfigOptionsProvider config, ref string? invalid)
        {
            if (!config.GlobalOptions.TryGetValue(EmitClientsProperty, out string? configured) || string.IsNullOrWhiteSpace(configured))
            {
                return true;
            }

            if (bool.TryParse(configured.Trim(), out bool emit))
            {
                return emit;
            }

            invalid = configured;
            return true;
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
