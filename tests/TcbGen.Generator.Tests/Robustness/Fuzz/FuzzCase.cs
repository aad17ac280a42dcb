using System.Collections.Generic;
using System.Linq;

namespace TcbGen.Generator.Tests.Robustness.Fuzz
{
    /// <summary>One spec of a case: a seed spec's text with mutations applied in order.</summary>
    internal sealed record FuzzSpec(string SeedName, string FileName, IReadOnlyList<SpecMutation> Mutations)
    {
        public string Path => "/specs/" + FileName;

        public string Text(IReadOnlyDictionary<string, string> seeds) =>
            Mutations.Aggregate(seeds[SeedName], (text, mutation) => mutation.Apply(text));
    }

    /// <summary>One fuzz case: the specs of one compilation.</summary>
    internal sealed record FuzzCase(IReadOnlyList<FuzzSpec> Specs)
    {
        /// <summary>Smaller cases, each one spec or one mutation short, for shrinking a failure.</summary>
        public IEnumerable<FuzzCase> Smaller()
        {
            for (int s = 0; s < Specs.Count && Specs.Count > 1; s++)
            {
                yield return new FuzzCase(Specs.Where((_, i) => i != s).ToList());
            }

            for (int s = 0; s < Specs.Count; s++)
            {
                for (int m = 0; m < Specs[s].Mutations.Count; m++)
                {
                    int spec = s, mutation = m;
                    yield return new FuzzCase(Specs.Select((f, i) => i != spec ? f : f with { Mutations = f.Mutations.Where((_, j) => j != mutation).ToList() }).ToList());
                }
            }
        }

        public int Size => Specs.Count + Specs.Sum(s => s.Mutations.Count);
    }
}
