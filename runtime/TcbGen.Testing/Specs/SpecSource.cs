using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using TcbGen.Specs;

namespace TcbGen.Testing.Specs
{
    /// <summary>One spec or definitions file's text and the path diagnostics name it by.</summary>
    internal sealed record SpecSource(string Path, string Text)
    {
        /// <summary>The built-in specs (see <see cref="WeChatEmulatorOptions.IncludeBuiltInSpecs"/>) and the files the options name.</summary>
        public static IReadOnlyList<SpecSource> From(WeChatEmulatorOptions options)
        {
            bool named = options.SpecDirectories.Count > 0 || options.SpecFiles.Count > 0;
            List<SpecSource> own = Named(options).ToList();
            IReadOnlyList<SpecSource> builtIn = (options.IncludeBuiltInSpecs ?? !named) ? EmbeddedSeeds() : Array.Empty<SpecSource>();
            // A built-in spec also named by the options (a copy of this repository's specs/) is served once.
            return builtIn.Where(b => !own.Any(o => System.IO.Path.GetFileName(o.Path) == b.Path && o.Text == b.Text)).Concat(own).ToList();
        }

        /// <summary>The files the options name, read in path order.</summary>
        private static IEnumerable<SpecSource> Named(WeChatEmulatorOptions options)
        {
            IEnumerable<string> inDirectories = options.SpecDirectories
                .SelectMany(directory => Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly))
                .Where(SpecParser.IsInputFile);
            return inDirectories.Concat(options.SpecFiles)
                .Select(System.IO.Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => new SpecSource(path, File.ReadAllText(path, Encoding.UTF8)));
        }

        /// <summary>The logical-name prefix of the embedded <c>specs/component/</c> files: the third-party token flow.</summary>
        private const string TokenFlowPrefix = "component/";

        /// <summary>
        /// The specs of the third-party token flow (<c>specs/component/</c>), which the emulator serves whatever the options
        /// say: its token endpoints are routed, checked and validated by them.
        /// </summary>
        public static IReadOnlyList<SpecSource> TokenFlow() => Embedded(name => name.StartsWith(TokenFlowPrefix, StringComparison.Ordinal));

        private static IReadOnlyList<SpecSource> EmbeddedSeeds() => Embedded(_ => true);

        private static IReadOnlyList<SpecSource> Embedded(Func<string, bool> include)
        {
            Assembly assembly = typeof(SpecSource).Assembly;
            var seeds = new List<SpecSource>();
            foreach (string name in assembly.GetManifestResourceNames().Where(SpecParser.IsInputFile).Where(include).OrderBy(n => n, StringComparer.Ordinal))
            {
                using Stream stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                seeds.Add(new SpecSource(name, reader.ReadToEnd()));
            }

            return seeds;
        }
    }
}
