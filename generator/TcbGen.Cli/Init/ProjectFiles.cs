using System.Collections.Generic;
using System.IO;

namespace TcbGen.Cli.Init
{
    /// <summary>Writes files only when their content changes, and says what it did: running init twice changes nothing.</summary>
    internal sealed class ProjectFiles
    {
        public ProjectFiles(string root) => Root = root;

        public string Root { get; }

        public List<string> Report { get; } = new List<string>();

        public void Write(string relativePath, string content)
        {
            string path = Path.Combine(Root, relativePath);
            if (File.Exists(path) && File.ReadAllText(path) == content)
            {
                Report.Add("unchanged " + relativePath);
                return;
            }

            bool existed = File.Exists(path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            Report.Add((existed ? "updated   " : "wrote     ") + relativePath);
        }

        public void Note(string text) => Report.Add("note      " + text);
    }
}
