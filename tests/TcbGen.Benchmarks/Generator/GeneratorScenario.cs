using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// The inputs of the generator benchmarks for one N, prepared once: parsed C# trees, spec texts, the edited
    /// versions of one file of each, and a warm driver per generator (one full run done). Parsing C# is the
    /// compiler's work, not a generator's, so trees are parsed here; reading JSON specs is TcbGen's own work and is measured.
    /// </summary>
    internal sealed class GeneratorScenario
    {
        private readonly System.Func<ISourceGenerator> _tcbGenerator;

        /// <param name="tcbGenerator">TcbGen's generator; another only for the guard's deliberately slowed run.</param>
        public GeneratorScenario(int count, GeneratorDriverOptions driverOptions, System.Func<ISourceGenerator>? tcbGenerator = null)
        {
            Count = count;
            DriverOptions = driverOptions;
            _tcbGenerator = tcbGenerator ?? RoslynHost.TcbGenerator;

            Specs = Enumerable.Range(0, count)
                .Select(i => (AdditionalText)new InMemoryAdditionalText(SyntheticSources.SpecFileName(i), SyntheticSources.Spec(i)))
                .ToImmutableArray();
            EditedSpec = new InMemoryAdditionalText(SyntheticSources.SpecFileName(0), SyntheticSources.Spec(0, revision: 1));
            Unrelated = RoslynHost.Parse(SyntheticSources.Unrelated(0), SyntheticSources.UnrelatedPath);
            UnrelatedEdited = RoslynHost.Parse(SyntheticSources.Unrelated(1), SyntheticSources.UnrelatedPath);

            RefitInterface = RoslynHost.Parse(SyntheticSources.RefitInterface(count), "IBenchApi.cs");
            RefitInterfaceEdited = RoslynHost.Parse(SyntheticSources.RefitInterface(count, revision: 1), "IBenchApi.cs");
            RefitTrees = Enumerable.Range(0, count)
                .Select(i => RoslynHost.Parse(SyntheticSources.RefitTypes(i), "Types" + i + ".cs"))
                .Append(RefitInterface)
                .Append(Unrelated)
                .ToImmutableArray();
            RefitGenerators = RoslynHost.RefitGenerators();

            TcbCompilation = NewTcbCompilation();
            RefitCompilation = NewRefitCompilation();
            TcbWarm = NewTcbDriver().RunGenerators(TcbCompilation);
            RefitWarm = NewRefitDriver().RunGenerators(RefitCompilation);
        }

        public int Count { get; }

        public GeneratorDriverOptions DriverOptions { get; }

        public ImmutableArray<AdditionalText> Specs { get; }

        /// <summary>Spec 0 with its description changed.</summary>
        public AdditionalText EditedSpec { get; }

        public SyntaxTree Unrelated { get; }

        /// <summary><see cref="Unrelated"/> with a constant changed: an edit neither generator has any business with.</summary>
        public SyntaxTree UnrelatedEdited { get; }

        public SyntaxTree RefitInterface { get; }

        /// <summary><see cref="RefitInterface"/> with method 0's path changed: Refit's "one endpoint changed".</summary>
        public SyntaxTree RefitInterfaceEdited { get; }

        public ImmutableArray<SyntaxTree> RefitTrees { get; }

        public ImmutableArray<ISourceGenerator> RefitGenerators { get; }

        public CSharpCompilation TcbCompilation { get; }

        public CSharpCompilation RefitCompilation { get; }

        /// <summary>TcbGen after a full run over <see cref="TcbCompilation"/>.</summary>
        public GeneratorDriver TcbWarm { get; }

        /// <summary>Refit after a full run over <see cref="RefitCompilation"/>.</summary>
        public GeneratorDriver RefitWarm { get; }

        /// <summary>A TcbGen user's compilation: their own code (one unrelated file); the specs are additional files.</summary>
        public CSharpCompilation NewTcbCompilation() => RoslynHost.Compilation(new[] { Unrelated }, RoslynHost.TcbReferences);

        /// <summary>A Refit user's compilation: the interface, the request/response classes and the unrelated file.</summary>
        public CSharpCompilation NewRefitCompilation() => RoslynHost.Compilation(RefitTrees, RoslynHost.RefitReferences);

        public GeneratorDriver NewTcbDriver() =>
            CSharpGeneratorDriver.Create(new[] { _tcbGenerator() }, Specs, RoslynHost.ParseOptions, RoslynHost.TcbOptions, DriverOptions);

        public GeneratorDriver NewRefitDriver() =>
            CSharpGeneratorDriver.Create(RefitGenerators, ImmutableArray<AdditionalText>.Empty, RoslynHost.ParseOptions, RoslynHost.RefitOptions, DriverOptions);

        // The six measured operations, shared by the benchmarks and the --verify self-check.

        /// <summary>First build: a new driver over a new compilation.</summary>
        public GeneratorDriver TcbCold() => NewTcbDriver().RunGenerators(NewTcbCompilation());

        /// <summary>The warm driver after the user edited a .cs file no spec is about (a new compilation, as the compiler makes).</summary>
        public GeneratorDriver TcbUnrelatedEdit() => TcbWarm.RunGenerators(TcbCompilation.ReplaceSyntaxTree(Unrelated, UnrelatedEdited));

        /// <summary>The warm driver after one spec file changed.</summary>
        public GeneratorDriver TcbOneSpecEdited() => TcbWarm.ReplaceAdditionalText(Specs[0], EditedSpec).RunGenerators(TcbCompilation.Clone());

        public GeneratorDriver RefitCold() => NewRefitDriver().RunGenerators(NewRefitCompilation());

        public GeneratorDriver RefitUnrelatedEdit() => RefitWarm.RunGenerators(RefitCompilation.ReplaceSyntaxTree(Unrelated, UnrelatedEdited));

        public GeneratorDriver RefitOneMethodEdited() => RefitWarm.RunGenerators(RefitCompilation.ReplaceSyntaxTree(RefitInterface, RefitInterfaceEdited));
    }
}
