using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TcbGen.Generator.Diagnostics;

namespace TcbGen.Generator.Analyzers
{
    /// <summary>
    /// Reports TCB1002 where an endpoint method is called through a TcbGen client that lacks it (the compiler's CS1061) and
    /// another client of the same namespace has it: the error names the token kind and the client to use. Clients are
    /// recognized by <c>[TcbClient(tokenKind)]</c>, so it works wherever the clients come from.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WrongClientAnalyzer : DiagnosticAnalyzer
    {
        private const string ClientAttribute = "TcbGen.Runtime.TcbClientAttribute";
        private const string AsyncSuffix = "Async";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.WrongClient);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? attribute = start.Compilation.GetTypeByMetadataName(ClientAttribute);
                if (attribute != null)
                {
                    start.RegisterSyntaxNodeAction(node => Analyze(node, attribute), SyntaxKind.SimpleMemberAccessExpression);
                }
            });
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
        {
            var access = (MemberAccessExpressionSyntax)context.Node;
            string method = access.Name.Identifier.ValueText;
            if (method.Length <= AsyncSuffix.Length || !method.EndsWith(AsyncSuffix, StringComparison.Ordinal))
            {
                return;
            }

            // Only where the member does not bind at all: that is the compiler's CS1061.
            SymbolInfo bound = context.SemanticModel.GetSymbolInfo(access, context.CancellationToken);
            if (bound.Symbol != null || !bound.CandidateSymbols.IsEmpty)
            {
                return;
            }

            if (context.SemanticModel.GetTypeInfo(access.Expression, context.CancellationToken).Type is not INamedTypeSymbol receiver
                || TokenKind(receiver, attribute) == null)
            {
                return;
            }

            var clients = receiver.ContainingNamespace.GetTypeMembers()
                .Where(type => type.TypeKind == TypeKind.Interface && type.GetMembers(method).Any(member => member.Kind == SymbolKind.Method))
                .Select(type => (Interface: type.Name, Kind: TokenKind(type, attribute)))
                .Where(client => client.Kind != null)
                .OrderBy(client => client.Interface, StringComparer.Ordinal)
                .ToList();
            if (clients.Count == 0)
            {
                return;
            }

            // The method is the spec's name in PascalCase with Async: setCallBackConfig → SetCallBackConfigAsync.
            string endpoint = char.ToLowerInvariant(method[0]) + method.Substring(1, method.Length - 1 - AsyncSuffix.Length);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.WrongClient,
                access.Name.GetLocation(),
                endpoint,
                string.Join(" or ", clients.Select(client => client.Kind)),
                string.Join(" or ", clients.Select(client => client.Interface))));
        }

        private static string? TokenKind(INamedTypeSymbol type, INamedTypeSymbol attribute)
        {
            foreach (AttributeData data in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)
                    && data.ConstructorArguments.Length == 1
                    && data.ConstructorArguments[0].Value is string kind)
                {
                    return kind;
                }
            }

            return null;
        }
    }
}
