using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TcbGen.Generator.Diagnostics;

namespace TcbGen.Generator.Analyzers
{
    /// <summary>
    /// Reports TCB1001 where a request is created with a constant that makes another field required
    /// (<c>Action = Set</c>) and that field is not set. Reads the <c>[RequiredWhen]</c> attributes of
    /// generated types, so it works wherever the types come from. A type's rules are read once per compilation (an IDE
    /// file may create the same request a thousand times; most creations are of types with no rule at all).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConditionalRequirementAnalyzer : DiagnosticAnalyzer
    {
        private const string RequiredWhenAttribute = "TcbGen.Runtime.RequiredWhenAttribute";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.ConditionalRequirementBroken);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? attribute = start.Compilation.GetTypeByMetadataName(RequiredWhenAttribute);
                if (attribute != null)
                {
                    var rules = new RulesByType(attribute);
                    start.RegisterOperationAction(operation => Analyze(operation, rules), OperationKind.ObjectCreation);
                }
            });
        }

        private static void Analyze(OperationAnalysisContext context, RulesByType rulesByType)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type)
            {
                return;
            }

            IReadOnlyList<Rule> rules = rulesByType.Of(type);
            if (rules.Count == 0)
            {
                return;
            }

            Dictionary<string, IOperation> assigned = AssignedValues(creation, type);
            for (int i = 0; i < rules.Count; i++)
            {
                Rule rule = rules[i];
                if (assigned.TryGetValue(rule.DiscriminatorName, out IOperation? discriminator)
                    && Constant(discriminator) is { HasValue: true } constant
                    && Matches(constant.Value, rule.Value)
                    && IsMissing(assigned, rule.Property.Name))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.ConditionalRequirementBroken,
                        creation.Syntax.GetLocation(),
                        rule.Property.Name,
                        rule.DiscriminatorName,
                        rule.Value.ToCSharpString()));
                }
            }
        }

        /// <summary>The rules of the types one compilation creates, each type's read from its attributes once.</summary>
        private sealed class RulesByType
        {
            private readonly ConcurrentDictionary<INamedTypeSymbol, IReadOnlyList<Rule>> _rules =
                new ConcurrentDictionary<INamedTypeSymbol, IReadOnlyList<Rule>>(SymbolEqualityComparer.Default);

            private readonly Func<INamedTypeSymbol, IReadOnlyList<Rule>> _read;

            public RulesByType(INamedTypeSymbol attribute)
            {
                _read = type => Rules(type, attribute);
            }

            public IReadOnlyList<Rule> Of(INamedTypeSymbol type) => _rules.GetOrAdd(type, _read);
        }

        private static IReadOnlyList<Rule> Rules(INamedTypeSymbol type, INamedTypeSymbol attribute)
        {
            List<Rule>? rules = null;
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is not IPropertySymbol property)
                {
                    continue;
                }

                foreach (AttributeData data in property.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)
                        && data.ConstructorArguments.Length == 2
                        && data.ConstructorArguments[0].Value is string discriminator)
                    {
                        (rules ??= new List<Rule>()).Add(new Rule(property, discriminator, data.ConstructorArguments[1]));
                    }
                }
            }

            return rules ?? (IReadOnlyList<Rule>)Array.Empty<Rule>();
        }

        /// <summary>What the creation sets: constructor arguments (matched to properties by name) and initializer assignments.</summary>
        private static Dictionary<string, IOperation> AssignedValues(IObjectCreationOperation creation, INamedTypeSymbol type)
        {
            var assigned = new Dictionary<string, IOperation>(StringComparer.Ordinal);
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter == null)
                {
                    continue;
                }

                foreach (ISymbol member in type.GetMembers())
                {
                    if (member is IPropertySymbol && string.Equals(member.Name, argument.Parameter.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        assigned[member.Name] = argument.Value;
                    }
                }
            }

            if (creation.Initializer != null)
            {
                foreach (IOperation initializer in creation.Initializer.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                    {
                        assigned[target.Property.Name] = assignment.Value;
                    }
                }
            }

            return assigned;
        }

        private static bool IsMissing(Dictionary<string, IOperation> assigned, string propertyName) =>
            !assigned.TryGetValue(propertyName, out IOperation? value)
            || (Constant(value) is { HasValue: true } constant && constant.Value == null);

        private static Optional<object?> Constant(IOperation operation)
        {
            while (operation is IConversionOperation conversion && !operation.ConstantValue.HasValue)
            {
                operation = conversion.Operand;
            }

            return operation.ConstantValue;
        }

        private static bool Matches(object? actual, TypedConstant expected)
        {
            object? value = expected.Value;
            if (actual == null || value == null)
            {
                return false;
            }

            if (actual is string || value is string || actual is bool || value is bool)
            {
                return actual.Equals(value);
            }

            try
            {
                if (actual is double or float || value is double or float)
                {
                    return Convert.ToDouble(actual, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                }

                return Convert.ToInt64(actual, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is InvalidCastException or FormatException or OverflowException)
            {
                return false;
            }
        }

        private sealed class Rule
        {
            public Rule(IPropertySymbol property, string discriminatorName, TypedConstant value)
            {
                Property = property;
                DiscriminatorName = discriminatorName;
                Value = value;
            }

            public IPropertySymbol Property { get; }

            public string DiscriminatorName { get; }

            public TypedConstant Value { get; }
        }
    }
}
