using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// The generator over the real built-in specs of <c>specs/</c>, as a consumer of the package gets them: the seeds only
    /// (the top folder's specs and definitions files, every family switched off) or every family (all of <c>specs/</c>).
    /// Read from disk once, held in memory; the consumer's own code is one unrelated file.
    /// </summary>
    internal sealed class BuiltInSpecsScenario
    {
        public BuiltInSpecsScenario(bool seedsOnly, GeneratorDriverOptions driverOptions)
        {
            DriverOptions = driverOptions;
            string root = SpecsDirectory();
            SearchOption depth = seedsOnly ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories;
            Specs = Directory.GetFiles(root, "*.tcb.json", depth)
                .Concat(Directory.GetFiles(root, "*.tcb.defs.json", depth))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)))
                .ToImmutableArray();
            EndpointCount = Specs.Count(s => !s.Path.EndsWith(".tcb.defs.json", StringComparison.Ordinal));
            TypeDefinitionsCount = Specs.Count(s => s.Path.EndsWith(".tcb.defs.json", StringComparison.Ordinal) && s.GetText()!.ToString().Contains("\"types\"", StringComparison.Ordinal));
            AdditionalText first = Specs.First(s => !s.Path.EndsWith(".tcb.defs.json", StringComparison.Ordinal));
            string text = first.GetText()!.ToString();
            int description = text.IndexOf("\"description\": \"", StringComparison.Ordinal) + "\"description\": \"".Length;
            EditedSpec = new InMemoryAdditionalText(first.Path, text.Insert(description, "Edited. "));
            Unrelated = RoslynHost.Parse(SyntheticSources.Unrelated(0), SyntheticSources.UnrelatedPath);
            UnrelatedEdited = RoslynHost.Parse(SyntheticSources.Unrelated(1), SyntheticSources.UnrelatedPath);
            Compilation = NewCompilation();
            Warm = NewDriver().RunGenerators(Compilation);
        }

        public GeneratorDriverOptions DriverOptions { get; }

        /// <summary>The spec and definitions files.</summary>
        public ImmutableArray<AdditionalText> Specs { get; }

        /// <summary>The endpoint specs among <see cref="Specs"/> (one generated file each).</summary>
        public int EndpointCount { get; }

        /// <summary>The definitions files that declare types (one generated file each; error sets generate none of their own).</summary>
        public int TypeDefinitionsCount { get; }

        /// <summary>The first endpoint spec with its description changed.</summary>
        public AdditionalText EditedSpec { get; }

        public SyntaxTree Unrelated { get; }

        public SyntaxTree UnrelatedEdited { get; }

        public CSharpCompilation Compilation { get; }

        /// <summary>The driver after a full run over <see cref="Compilation"/>.</summary>
        public GeneratorDriver Warm { get; }

        public CSharpCompilation NewCompilation() => RoslynHost.Compilation(new[] { Unrelated }, RoslynHost.TcbReferences);

        public GeneratorDriver NewDriver() =>
            CSharpGeneratorDriver.Create(new[] { RoslynHost.TcbGenerator() }, Specs, RoslynHost.ParseOptions, RoslynHost.TcbOptions, DriverOptions);

        /// <summary>First build: a new driver over a new compilation.</summary>
        public GeneratorDriver Cold() => NewDriver().RunGenerators(NewCompilation());

        /// <summary>The warm driver after an edit of a .cs file no spec is about.</summary>
        public GeneratorDriver UnrelatedEdit() => Warm.RunGenerators(Compilation.ReplaceSyntaxTree(Unrelated, UnrelatedEdited));

        /// <summary>The warm driver after one spec file changed.</summary>
        public GeneratorDriver OneSpecEdited() =>
            Warm.ReplaceAdditionalText(Specs.First(s => s.Path == EditedSpec.Path), EditedSpec).RunGenerators(Compilation.Clone());

        /// <summary>The repository's <c>specs/</c>, beside the benchmark project.</summary>
        private static string SpecsDirectory() => Path.GetFullPath(Path.Combine(Program.ProjectDirectory(), "..", "..", "specs"));
    }
}
