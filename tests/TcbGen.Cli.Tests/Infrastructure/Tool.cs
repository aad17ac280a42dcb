using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Cli.Commands;

namespace TcbGen.Cli.Tests.Infrastructure
{
    /// <summary>Runs a tcbgen command line in this process and captures what it prints.</summary>
    internal static class Tool
    {
        public static async Task<(int ExitCode, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exitCode = await TcbGenCommand.RunAsync(args, output, error, cancellationToken);
            return (exitCode, output.ToString(), error.ToString());
        }

        public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);
    }

    /// <summary>A temporary directory, deleted when disposed.</summary>
    internal sealed class TempDirectory : System.IDisposable
    {
        public TempDirectory() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tcbgen-cli-" + System.Guid.NewGuid().ToString("N"));

        public string File(string relative, string content)
        {
            string path = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, content);
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
