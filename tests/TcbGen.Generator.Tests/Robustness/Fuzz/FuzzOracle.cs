using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;

namespace TcbGen.Generator.Tests.Robustness.Fuzz
{
    /// <summary>What one case showed: a broken property (null when all hold) and what was checked.</summary>
    internal sealed record FuzzVerdict(string? Failure, int DefinitelyInvalid, int TcbErrors, bool Compiled, long GenerationMs, bool NoTcbError = false);

    /// <summary>
    /// Runs one case and checks the four properties:
    /// (1) the generator never throws (no CS8784/CS8785, no TCB0099);
    /// (2) every TCB error is located in a spec file, and every definitely invalid spec has one;
    /// (3) with no TCB error, the output compiles with no diagnostic at WarningLevel 9999 in C# 8 and latest modes;
    /// (4) each generator run ends within <see cref="TimeBound"/>.
    /// </summary>
    internal static class FuzzOracle
    {
        /// <summary>
        /// A linear bound on one generator run: a constant plus a cost per character of input. Generous, against quadratic
        /// growth and hangs only (a quadratic check of a 3,000-field spec took 12 s; the measured maximum is far below).
        /// </summary>
        public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);

        /// <summary>The bound's cost per character of the case's files (20 s per million characters).</summary>
        public const double MicrosecondsPerChar = 20;

        public static TimeSpan TimeBoundFor(long chars) => TimeBound + TimeSpan.FromMilliseconds(chars * MicrosecondsPerChar / 1000);

        public static long GenerateMs;
        public static long CompileMs;
        public static long Compilations;

        private static readonly LanguageVersion[] Modes = { LanguageVersion.CSharp8, LanguageVersion.Latest };

        /// <summary>
        /// One empty compilation per mode, shared by every case: a compilation made from it shares its bound references,
        /// which is most of the cost of a fresh one.
        /// </summary>
        private static readonly Dictionary<LanguageVersion, Compilation> BaseCompilations = Modes.ToDictionary(
            mode => mode,
            mode =>
            {
                CSharpCompilation compilation = GeneratorHarness.Compilation(languageVersion: mode);
                compilation = compilation.WithOptions(compilation.Options.WithWarningLevel(9999));
                compilation.GetDiagnostics();
                return (Compilation)compilation;
            });

        /// <summary>Generated code already found to compile cleanly: the same text compiles the same way, so it is compiled once.</summary>
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> CleanOutputs = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();

        // tokenKinds is required too, unless "tokenless": true (then it must be absent); checked beside these.
        private static readonly string[] RequiredTopLevel = { "name", "title", "method", "path", "retrySafe" };

        private static readonly HashSet<string> KnownTopLevel = new HashSet<string>
        {
            "$schema", "name", "csharpName", "title", "description", "docs", "decisions", "notes", "permissionSets", "method", "requestBody", "path",
            "tokenKinds", "tokenParameter", "tokenless", "retrySafe", "request", "response", "errorSets", "defineErrorSets", "errors", "examples",
        };

        /// <summary>tokenKinds present unless "tokenless": true, and then absent, as is tokenParameter.</summary>
        private static string? TokenRule(JsonElement root, List<string> properties)
        {
            bool tokenless = root.TryGetProperty("tokenless", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
            return tokenless && properties.Contains("tokenKinds") ? "'tokenKinds' beside 'tokenless'"
                : tokenless && properties.Contains("tokenParameter") ? "'tokenParameter' beside 'tokenless'"
                : !tokenless && !properties.Contains("tokenKinds") ? "'tokenKinds' missing"
                : null;
        }

        /// <summary>The projects' nullable settings each mode also compiles under (the generated files set their own context).</summary>
        private static readonly NullableContextOptions[] NullableModes = { NullableContextOptions.Enable, NullableContextOptions.Disable };

        /// <param name="compile">False to skip property 3 for this case (a long run sampling compilations).</param>
        /// <param name="everyOutput">
        /// Also compile the output of cases with TCB errors (one file's error must not break another's code) and under a
        /// project with nullable off: the v2 run does; the v1 run keeps its CI time.
        /// </param>
        public static FuzzVerdict Check(FuzzCase fuzzCase, IReadOnlyDictionary<string, string> seeds, bool compile = true, bool everyOutput = false)
        {
            List<(string Path, string Text)> specs = fuzzCase.Specs.Select(s => (s.Path, s.Text(seeds))).ToList();
            var paths = new HashSet<string>(specs.Select(s => s.Path));
            long slowest = 0;
            int definitelyInvalid = 0, tcbErrors = 0;
            bool compiled = false;
            foreach (LanguageVersion mode in Modes)
            {
                var stopwatch = Stopwatch.StartNew();
                GeneratorOutcome outcome;
                try
                {
                    GeneratorDriver driver = GeneratorHarness.Driver(specs.Select(s => GeneratorHarness.Spec(s.Path.Substring("/specs/".Length), s.Text)), mode)
                        .RunGeneratorsAndUpdateCompilation(BaseCompilations[mode], out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
                    outcome = new GeneratorOutcome(driver, driver.GetRunResult(), output, generatorDiagnostics);
                }
                catch (Exception exception)
                {
                    return new FuzzVerdict($"(1) the generator driver threw: {exception}", 0, 0, false, stopwatch.ElapsedMilliseconds);
                }

                slowest = Math.Max(slowest, stopwatch.ElapsedMilliseconds);
                Interlocked.Add(ref GenerateMs, stopwatch.ElapsedMilliseconds);
                TimeSpan bound = TimeBoundFor(specs.Sum(s => (long)s.Text.Length));
                if (stopwatch.Elapsed > bound)
                {
                    return new FuzzVerdict($"(4) generation took {stopwatch.Elapsed.TotalSeconds:F1} s, over the linear bound of {bound.TotalSeconds:F1} s for {specs.Sum(s => (long)s.Text.Length)} characters", 0, 0, false, slowest);
                }

                Diagnostic? crash = outcome.GeneratorDiagnostics.FirstOrDefault(d => d.Id is "CS8784" or "CS8785" or "TCB0099");
                Exception? thrown = outcome.RunResult.Results.Select(r => r.Exception).FirstOrDefault(e => e != null);
                if (crash != null || thrown != null)
                {
                    return new FuzzVerdict($"(1) the generator failed: {(object?)crash ?? thrown}", 0, 0, false, slowest);
                }

                List<Diagnostic> errors = outcome.GeneratorDiagnostics.Where(d => d.Id.StartsWith("TCB", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToList();
                Diagnostic? unlocated = errors.FirstOrDefault(d => !paths.Contains(d.Location.GetLineSpan().Path ?? string.Empty) || (d.Location.SourceSpan.Length == 0 && d.Id != "TCB0001"));
                if (unlocated != null)
                {
                    return new FuzzVerdict($"(2) a TCB error is not located in a spec file: {unlocated}", 0, 0, false, slowest);
                }

                if (mode == Modes[0])
                {
                    tcbErrors = errors.Count;
                    var errorPaths = new HashSet<string>(errors.Select(d => d.Location.GetLineSpan().Path));
                    foreach ((string path, string reason) in DefinitelyInvalid(specs, new List<(string Path, string Name)>()))
                    {
                        definitelyInvalid++;
                        if (!errorPaths.Contains(path))
                        {
                            return new FuzzVerdict($"(2) {path} is invalid ({reason}) but got no TCB error; diagnostics: {string.Join("; ", outcome.GeneratorDiagnostics)}", definitelyInvalid, tcbErrors, false, slowest);
                        }
                    }

                    foreach (List<string> group in DuplicateGroups(specs))
                    {
                        // Specs declaring one endpoint (up to case): all but one must be rejected.
                        definitelyInvalid += group.Count - 1;
                        if (group.Count(p => !errorPaths.Contains(p)) > 1)
                        {
                            return new FuzzVerdict($"(2) {string.Join(", ", group)} declare one endpoint, yet more than one got no TCB error", definitelyInvalid, tcbErrors, false, slowest);
                        }
                    }
                }

                // What was generated must compile, whatever TCB errors other files have: a spec with an error generates
                // nothing, and one file's error never breaks another file's code.
                if (!compile || (errors.Count > 0 && !everyOutput) || !outcome.RunResult.Results.Any(r => r.GeneratedSources.Length > 0))
                {
                    continue;
                }

                foreach (NullableContextOptions nullable in mode == Modes[0] && everyOutput ? NullableModes : NullableModes.Take(1))
                {
                    string generated = mode + "/" + nullable + "\n" + string.Join("\n", outcome.RunResult.Results.SelectMany(r => r.GeneratedSources).Select(g => g.HintName + "\n" + g.SourceText));
                    if (CleanOutputs.ContainsKey(generated))
                    {
                        compiled |= errors.Count == 0;
                        continue;
                    }

                    var compileWatch = Stopwatch.StartNew();
                    Compilation output = outcome.Output.WithOptions(((CSharpCompilationOptions)outcome.Output.Options).WithNullableContextOptions(nullable));
                    ImmutableArray<Diagnostic> compilerDiagnostics = StrictCompile.CompilerDiagnostics(output);
                    if (compilerDiagnostics.Length > 0)
                    {
                        string context = errors.Count == 0 ? "no TCB error" : $"TCB errors in {string.Join(", ", errors.Select(e => e.Location.GetLineSpan().Path).Distinct())} only";
                        return new FuzzVerdict($"(3) {context}, yet the generated output does not compile cleanly in {mode} (nullable {nullable}): {string.Join("\n", compilerDiagnostics.Take(5))}", definitelyInvalid, tcbErrors, false, slowest);
                    }

                    compiled |= errors.Count == 0;
                    CleanOutputs.TryAdd(generated, true);
                    Interlocked.Add(ref CompileMs, compileWatch.ElapsedMilliseconds);
                    Interlocked.Increment(ref Compilations);
                }
            }

            return new FuzzVerdict(null, definitelyInvalid, tcbErrors, compiled, slowest, NoTcbError: tcbErrors == 0);
        }

        /// <summary>The paths of specs whose (structurally valid) endpoint names are equal up to case, per name.</summary>
        private static IEnumerable<List<string>> DuplicateGroups(List<(string Path, string Text)> specs)
        {
            var names = new List<(string Path, string Name)>();
            DefinitelyInvalid(specs, names).ToList();
            return names.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Select(n => n.Path).ToList());
        }

        /// <summary>
        /// Specs an independent reader finds invalid: not RFC 8259 JSON by System.Text.Json, not an object, a required
        /// top-level property missing or an unknown one. The endpoint names of the others are added to <paramref name="names"/>.
        /// </summary>
        private static IEnumerable<(string Path, string Reason)> DefinitelyInvalid(List<(string Path, string Text)> specs, List<(string Path, string Name)> names)
        {
            foreach ((string path, string text) in specs.Where(s => !s.Path.EndsWith(".tcb.defs.json", StringComparison.Ordinal)))
            {
                string? reason = null;
                try
                {
                    using JsonDocument document = JsonDocument.Parse(text.StartsWith("\uFEFF", StringComparison.Ordinal) ? text.Substring(1) : text, new JsonDocumentOptions { MaxDepth = 1_000_000 });
                    JsonElement root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        reason = "not an object";
                    }
                    else
                    {
                        var properties = root.EnumerateObject().Select(p => p.Name).ToList();
                        reason = RequiredTopLevel.Where(r => !properties.Contains(r)).Select(r => $"'{r}' missing")
                            .Concat(properties.Where(p => !KnownTopLevel.Contains(p)).Select(p => $"unknown '{p}'"))
                            .FirstOrDefault() ?? TokenRule(root, properties);
                        if (reason == null && root.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String)
                        {
                            names.Add((path, name.GetString()!));
                        }
                    }
                }
                catch (JsonException exception)
                {
                    reason = "System.Text.Json: " + exception.Message;
                }
                catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
                {
                    // Text with an unpaired surrogate (raw, or escaped where a name is read): no UTF-8 file holds it,
                    // so System.Text.Json has no opinion; the generator must still not fail (property 1).
                }

                if (reason != null)
                {
                    yield return (path, reason);
                }
            }
        }
    }
}
