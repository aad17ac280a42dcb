using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;

namespace TcbGen.Generator.Tests.Robustness.Independent
{
    /// <summary>The outcome classes of issue 27's table; <see cref="Ok"/> is none of them.</summary>
    internal enum V2OutcomeClass
    {
        Ok,
        GeneratorThrew,
        AcceptedUncompilable,
        AcceptedWarningsOnly,
        ErrorBreaksOtherSpecs,
        InvalidAccepted,
        ErrorNotAtANode,
        ValidRejected,
    }

    /// <summary>
    /// One case's class (the first that applies, in the table's order), its detail, and its times: the generator's run
    /// and the compilation of its output at warning level 9999. <see cref="Slow"/> is the generator's own run over
    /// <see cref="SlowLimit"/>: the compiler's time over the output is counted (<see cref="CompileMs"/>) but is Roslyn's.
    /// </summary>
    internal sealed record V2Outcome(V2OutcomeClass Class, string Detail, bool Slow)
    {
        public long GeneratorMs { get; init; }

        public long CompileMs { get; init; }

        public static readonly TimeSpan SlowLimit = TimeSpan.FromSeconds(5);

        /// <summary>
        /// Runs the generator over the case and compiles its output (C# 8, 10 or latest and nullable on or off, chosen by
        /// <paramref name="index"/>) at warning level 9999, whatever TCB errors the case has.
        /// </summary>
        public static V2Outcome Of(V2Case fuzzCase, bool expectValid, int index)
        {
            LanguageVersion version = StrictCompile.Modes[index % StrictCompile.Modes.Length];
            NullableContextOptions nullable = index / StrictCompile.Modes.Length % 2 == 0 ? NullableContextOptions.Enable : NullableContextOptions.Disable;
            List<(string File, string Json)> files = fuzzCase.Files().ToList();
            var watch = Stopwatch.StartNew();
            GeneratorOutcome outcome;
            try
            {
                outcome = GeneratorHarness.Run(files.Select(f => GeneratorHarness.Spec(f.File, f.Json)), languageVersion: version);
            }
            catch (Exception exception)
            {
                return new V2Outcome(V2OutcomeClass.GeneratorThrew, exception.GetType().Name + ": " + exception.Message, Slow: false);
            }

            Diagnostic? crash = outcome.GeneratorDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785" or "TCB0099");
            Exception? thrown = outcome.RunResult.Results.Select(r => r.Exception).FirstOrDefault(e => e != null);
            if (crash != null || thrown != null)
            {
                return new V2Outcome(V2OutcomeClass.GeneratorThrew, ((object?)crash ?? thrown)!.ToString()!, Slow: false);
            }

            long generatorMs = watch.ElapsedMilliseconds;
            List<Diagnostic> errors = outcome.GeneratorDiagnostics.Where(d => d.Id.StartsWith("TCB", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToList();
            Compilation output = outcome.Output.WithOptions(((CSharpCompilationOptions)outcome.Output.Options).WithNullableContextOptions(nullable));
            ImmutableArray<Diagnostic> compiler = StrictCompile.CompilerDiagnostics(output);
            bool slow = generatorMs > SlowLimit.TotalMilliseconds;
            var times = (Generator: generatorMs, Compile: watch.ElapsedMilliseconds - generatorMs);
            string where = $" ({version}, nullable {nullable})";
            if (compiler.Length > 0)
            {
                string first = string.Join("\n", compiler.Take(3));
                if (errors.Count > 0)
                {
                    return new V2Outcome(V2OutcomeClass.ErrorBreaksOtherSpecs, $"TCB errors {string.Join(", ", errors.Select(e => e.Id).Distinct())}, yet{where}: {first}", slow) { GeneratorMs = times.Generator, CompileMs = times.Compile };
                }

                return compiler.Any(d => d.Severity == DiagnosticSeverity.Error)
                    ? new V2Outcome(V2OutcomeClass.AcceptedUncompilable, first + where, slow) { GeneratorMs = times.Generator, CompileMs = times.Compile }
                    : new V2Outcome(V2OutcomeClass.AcceptedWarningsOnly, first + where, slow) { GeneratorMs = times.Generator, CompileMs = times.Compile };
            }

            var paths = new HashSet<string>(files.Select(f => "/specs/" + f.File));
            Diagnostic? unlocated = errors.FirstOrDefault(d => !paths.Contains(d.Location.GetLineSpan().Path ?? string.Empty) || d.Location.SourceSpan.Length == 0);
            if (unlocated != null)
            {
                return new V2Outcome(V2OutcomeClass.ErrorNotAtANode, unlocated.ToString(), slow) { GeneratorMs = times.Generator, CompileMs = times.Compile };
            }

            if (!expectValid && errors.Count == 0)
            {
                return new V2Outcome(V2OutcomeClass.InvalidAccepted, "no TCB error", slow) { GeneratorMs = times.Generator, CompileMs = times.Compile };
            }

            if (expectValid && errors.Count > 0)
            {
                return new V2Outcome(V2OutcomeClass.ValidRejected, string.Join(", ", errors.Select(e => e.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal)) + ": " + errors[0].GetMessage(), slow) { GeneratorMs = times.Generator, CompileMs = times.Compile };
            }

            return new V2Outcome(V2OutcomeClass.Ok, string.Empty, slow) { GeneratorMs = times.Generator, CompileMs = times.Compile };
        }
    }
}
