using Microsoft.CodeAnalysis;
using TcbGen.Generator;
using TcbGen.Specs;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// TcbGen plus real per-spec work: every spec file is parsed <c>extraReads</c> more times. Only for showing that
    /// <c>--guard --guard-slowed N</c> fails on a slower generator; nothing else uses it.
    /// </summary>
    internal sealed class SlowedGenerator : IIncrementalGenerator
    {
        private readonly int _extraReads;

        public SlowedGenerator(int extraReads) => _extraReads = extraReads;

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            new TcbGenerator().Initialize(context);
            int extraReads = _extraReads;
            IncrementalValuesProvider<int> reread = context.AdditionalTextsProvider
                .Where(static file => SpecParser.IsSpecFile(file.Path))
                .Select((file, cancellationToken) =>
                {
                    int diagnostics = 0;
                    for (int i = 0; i < extraReads; i++)
                    {
                        diagnostics += SpecParser.Parse(file.Path, file.GetText(cancellationToken)?.ToString()).Diagnostics.Count;
                    }

                    return diagnostics;
                });
            context.RegisterSourceOutput(reread, static (_, _) => { });
        }
    }
}
