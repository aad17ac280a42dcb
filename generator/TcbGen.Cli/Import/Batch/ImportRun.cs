using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TcbGen.Specs;

namespace TcbGen.Cli.Import.Batch
{
    /// <summary>
    /// Imports a set of pages into a folder of specs. A spec is never written over an existing file unless
    /// <see cref="Force"/> is set, and never over a spec another page of the same run wrote (two renderings of one
    /// endpoint): such a page fails, with the reason, and the file keeps what it held.
    /// </summary>
    internal sealed class ImportRun
    {
        private readonly Dictionary<string, string> _writtenBy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public ImportRun(string? schema, bool force)
        {
            Schema = schema;
            Force = force;
        }

        /// <summary>The <c>$schema</c> value written into each spec, or null for none.</summary>
        public string? Schema { get; }

        /// <summary>Overwrite files that existed before the run (never a file this run wrote).</summary>
        public bool Force { get; }

        /// <summary>Imports one page; <paramref name="target"/> is the spec file to write, or null to name it after the endpoint in <paramref name="directory"/>.</summary>
        public PageOutcome Import(string page, string directory, string? target = null)
        {
            ImportedSpec spec = PageImporter.Import(File.ReadAllText(page));
            if (!PageImporter.IsEndpoint(spec))
            {
                return new PageOutcome(page, null, null, "not an endpoint page: it names no interface and no 'POST|GET https://api.weixin.qq.com/...' line", spec.Warnings);
            }

            string file = target ?? Path.Combine(directory, spec.Name + ".tcb.json");
            string key = Path.GetFullPath(file);
            if (_writtenBy.TryGetValue(key, out string? earlier))
            {
                return new PageOutcome(page, spec, null, $"{file} already holds the import of {earlier} (same endpoint {spec.Name}); not overwritten", spec.Warnings);
            }

            if (File.Exists(file) && !Force)
            {
                return new PageOutcome(page, spec, null, $"{file} exists; not overwritten (pass --force to replace it)", spec.Warnings);
            }

            string text = SpecWriter.Write(spec, Schema);
            File.WriteAllText(file, text);
            _writtenBy[key] = page;
            return new PageOutcome(page, spec, file, null, spec.Warnings.Concat(CheckWarnings(file, text)).ToList());
        }

        /// <summary>What the spec module says of the imported text: an imported spec should pass check as it is.</summary>
        public static IEnumerable<string> CheckWarnings(string file, string text)
            => SpecParser.Parse(file, text).Diagnostics.Select(d => "the imported spec does not pass check yet: " + d);
    }
}
