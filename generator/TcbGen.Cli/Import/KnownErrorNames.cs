using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using TcbGen.Specs.Model;
using TcbGen.Specs;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// The names (and errmsgs) the built-in specs give WeChat's common errcodes (40014 InvalidAccessToken, -1 SystemBusy, ...). Every
    /// project compiles the built-in specs, and a code must keep one name across specs (TCB0015), so an imported spec
    /// takes these names rather than inventing its own.
    /// </summary>
    internal static class KnownErrorNames
    {
        private const string Prefix = "builtin/";

        public static IReadOnlyDictionary<int, (string Name, string Message)> Load()
        {
            var names = new Dictionary<int, (string Name, string Message)>();
            Assembly assembly = typeof(KnownErrorNames).Assembly;
            foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, System.StringComparison.Ordinal)).OrderBy(r => r, System.StringComparer.Ordinal))
            {
                using Stream stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                ParsedSpec parsed = SpecParser.Parse(resource, reader.ReadToEnd());
                foreach (ErrorSpec error in parsed.Spec?.Errors ?? default)
                {
                    names.TryAdd(error.Code, (error.Name, error.Message));
                }
            }

            return names;
        }
    }
}
