using System;
using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;
using TcbGen.Specs;

namespace TcbGen.Testing.Specs
{
    /// <summary>
    /// The endpoints the emulator serves, parsed by the generator's own <see cref="SpecParser"/> and checked across specs
    /// by its <see cref="CrossSpecChecker"/>, so a spec the build rejects is rejected here too.
    /// </summary>
    internal sealed class SpecCatalog
    {
        private readonly Dictionary<string, EmulatedEndpoint> _byPath;
        private readonly Dictionary<string, EmulatedEndpoint> _byName;

        private SpecCatalog(IReadOnlyList<EmulatedEndpoint> endpoints)
        {
            Endpoints = endpoints;
            _byPath = endpoints.ToDictionary(e => e.Path, StringComparer.Ordinal);
            _byName = endpoints.ToDictionary(e => e.Name, StringComparer.Ordinal);
        }

        public IReadOnlyList<EmulatedEndpoint> Endpoints { get; }

        /// <summary>Parses every source; throws <see cref="WeChatEmulatorSpecException"/> listing all problems if any.</summary>
        public static SpecCatalog Load(IReadOnlyList<SpecSource> sources, IReadOnlyDictionary<string, string> reservedPaths)
        {
            List<ParsedSpec> parsed = sources.Select(s => SpecParser.Parse(s.Path, s.Text)).ToList();
            // Warnings (an example that does not match its spec) do not stop the emulator: it still serves the example.
            var problems = parsed.SelectMany(p => p.Diagnostics).Where(d => !SpecDiagnosticIds.IsWarning(d.Id)).Select(Format).ToList();
            CrossSpecResult crossChecked = CrossSpecChecker.Check(parsed);
            problems.AddRange(crossChecked.Diagnostics.Select(Format));
            problems.AddRange(PathProblems(crossChecked.Accepted, reservedPaths));
            if (sources.Count == 0)
            {
                problems.Add("The options name no *.tcb.json file to serve.");
            }

            if (problems.Count > 0)
            {
                throw new WeChatEmulatorSpecException(problems);
            }

            return new SpecCatalog(crossChecked.Accepted.Select(spec => new EmulatedEndpoint(spec)).ToList());
        }

        public EmulatedEndpoint? FindByPath(string path) => _byPath.TryGetValue(path, out EmulatedEndpoint? endpoint) ? endpoint : null;

        public bool Contains(string endpointName) => _byName.ContainsKey(endpointName);

        public EmulatedEndpoint? Find(string endpointName) => _byName.TryGetValue(endpointName, out EmulatedEndpoint? endpoint) ? endpoint : null;

        /// <param name="specs">The accepted specs.</param>
        /// <param name="reservedPaths">The token flow's paths, each with the one endpoint name a spec there may have (its own spec).</param>
        private static IEnumerable<string> PathProblems(IEnumerable<EndpointSpec> specs, IReadOnlyDictionary<string, string> reservedPaths)
        {
            var owners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (EndpointSpec spec in specs)
            {
                if (reservedPaths.TryGetValue(spec.Path, out string? reservedFor) && reservedFor != spec.Name)
                {
                    yield return $"{spec.FilePath}{spec.NameSpan}: path '{spec.Path}' is the emulator's own token endpoint ({reservedFor}).";
                }
                else if (owners.TryGetValue(spec.Path, out string? owner))
                {
                    yield return $"{spec.FilePath}{spec.NameSpan}: path '{spec.Path}' is already served for endpoint '{owner}'.";
                }
                else
                {
                    owners.Add(spec.Path, spec.Name);
                }
            }
        }

        private static string Format(SpecDiagnostic diagnostic) => $"{diagnostic.FilePath}{diagnostic.Span}: {diagnostic.Id} {diagnostic.Message}";
    }
}
