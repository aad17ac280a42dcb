using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TcbGen.Generator;
using TcbGen.Generator.Emit;
using TcbGen.Specs;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// <c>--profile-scaling CASE...</c> (cases as in <see cref="ScalingBenchmarks"/>, e.g. <c>fields:100000</c>): one input's
    /// cold run stage by stage (reading the spec, the cross-spec check, emitting, Roslyn parsing the emitted text, then the
    /// whole driver), so a stage whose cost grows faster than the input shows as a growing time per unit.
    /// </summary>
    internal static class ScalingProfile
    {
        public static int Run(TextWriter output, IReadOnlyList<string> cases)
        {
            var options = new GenerationOptions("Bench.Tcb", UseRequiredMembers: true, LanguageVersionSupported: true);
            output.WriteLine("| case | read | cross-spec | emit | Roslyn parse | driver, cold | text (chars) |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            var byEmitter = new List<(string, double[])>();
            foreach (string @case in cases)
            {
                ImmutableArray<AdditionalText> inputs = ScalingBenchmarks.Inputs(@case);
                List<ParsedSpec> parsed = null!;
                CrossSpecResult checkedSpecs = null!;
                List<SourceText> texts = null!;
                double read = Time(() => parsed = inputs.Select(s => SpecParser.Parse(s.Path, s.GetText()!.ToString())).ToList());
                double check = Time(() => checkedSpecs = CrossSpecChecker.Check(parsed));
                double emit = Time(() => texts = checkedSpecs.Accepted.Select(s => EndpointFileEmitter.Emit(s, options)).ToList());
                double parse = Time(() => texts.ForEach(t => CSharpSyntaxTree.ParseText(t, RoslynHost.ParseOptions).GetRoot()));
                double driver = Time(() => ScalingBenchmarks.Run(inputs));
                output.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0} | {1:F0} ms | {2:F0} ms | {3:F0} ms | {4:F0} ms | {5:F0} ms | {6:N0} |",
                    @case, read, check, emit, parse, driver, texts.Sum(t => (long)t.Length)));
                byEmitter.Add((@case, Emitters(checkedSpecs, options)));
            }

            output.WriteLine();
            output.WriteLine("| case | " + string.Join(" | ", EmitterNames) + " |");
            output.WriteLine("|---|" + string.Concat(EmitterNames.Select(_ => "---:|")));
            foreach ((string @case, double[] times) in byEmitter)
            {
                output.WriteLine("| " + @case + " | " + string.Join(" | ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture) + " ms")) + " |");
            }

            return 0;
        }

        private static readonly string[] EmitterNames = { "TypesEmitter", "EndpointEmitter", "SerializerEmitter", "ValidatorEmitter", "ClientEmitter" };

        /// <summary>Each emitter alone over the accepted specs, in <see cref="EmitterNames"/>' order.</summary>
        private static double[] Emitters(CrossSpecResult checkedSpecs, GenerationOptions options)
        {
            var emitters = new Action<SourceWriter, TcbGen.Specs.Model.EndpointSpec>[]
            {
                (w, s) => TypesEmitter.Emit(w, s, options),
                (w, s) => EndpointEmitter.Emit(w, s, options),
                (w, s) => SerializerEmitter.Emit(w, s, options),
                (w, s) => ValidatorEmitter.Emit(w, s, options),
                (w, s) => ClientEmitter.Emit(w, s, options),
            };
            return emitters.Select(emit => Time(() =>
            {
                var writer = new SourceWriter();
                foreach (TcbGen.Specs.Model.EndpointSpec spec in checkedSpecs.Accepted)
                {
                    emit(writer, spec);
                }
            })).ToArray();
        }

        private static double Time(Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var stopwatch = Stopwatch.StartNew();
            action();
            return stopwatch.Elapsed.TotalMilliseconds;
        }
    }
}
