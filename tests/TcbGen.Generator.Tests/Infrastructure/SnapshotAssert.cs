using System;
using System.IO;
using System.Text;
using Xunit;

namespace TcbGen.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Compares generated text with a checked-in file under <c>Snapshots/</c>. Set the environment variable
    /// <c>TCBGEN_UPDATE_SNAPSHOTS=1</c> to rewrite the files instead; then read <c>git diff</c> before committing.
    /// </summary>
    internal static class SnapshotAssert
    {
        public const string UpdateVariable = "TCBGEN_UPDATE_SNAPSHOTS";

        public static void Matches(string relativePath, string actual)
        {
            string path = Path.Combine(Paths.TestsDirectory, "Snapshots", relativePath);
            actual = actual.Replace("\r\n", "\n");
            if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                return;
            }

            if (!File.Exists(path))
            {
                Assert.Fail($"No snapshot at {path}. Run the tests with {UpdateVariable}=1 to create it, then review it.");
            }

            string expected = File.ReadAllText(path).Replace("\r\n", "\n");
            if (expected != actual)
            {
                Assert.Fail($"Generated code differs from {relativePath} (set {UpdateVariable}=1 to accept):\n{Diff(expected, actual)}");
            }
        }

        /// <summary>The first differing line with three lines of context on each side.</summary>
        private static string Diff(string expected, string actual)
        {
            string[] before = expected.Split('\n');
            string[] after = actual.Split('\n');
            int line = 0;
            while (line < before.Length && line < after.Length && before[line] == after[line])
            {
                line++;
            }

            var text = new StringBuilder();
            text.AppendLine($"first difference at line {line + 1}:");
            for (int i = Math.Max(0, line - 3); i < line; i++)
            {
                text.AppendLine("  " + before[i]);
            }

            for (int i = line; i < Math.Min(before.Length, line + 4); i++)
            {
                text.AppendLine("- " + before[i]);
            }

            for (int i = line; i < Math.Min(after.Length, line + 4); i++)
            {
                text.AppendLine("+ " + after[i]);
            }

            return text.ToString();
        }
    }
}
