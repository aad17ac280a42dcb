using System;

namespace TcbGen.Specs
{
    /// <summary>How spec files are named to people: in diagnostics, in the headers of generated files, and in their order.</summary>
    internal static class SpecFiles
    {
        /// <summary>A file's name without its folder (either separator).</summary>
        public static string NameOf(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
