using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.Infrastructure
{
    /// <summary>
    /// The emulator reads specs through the same spec module as the build, so it must refuse a spec set the build
    /// reports, with the same TCB id at the same line and column.
    /// </summary>
    internal static class EmulatorAgreement
    {
        public static void AssertRejectsLikeTheBuild(Diagnostic expected, IEnumerable<AdditionalText> specs)
        {
            string directory = Path.Combine(Path.GetTempPath(), "tcbgen-agreement-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                var options = new WeChatEmulatorOptions { IncludeBuiltInSpecs = false };
                foreach (AdditionalText spec in specs)
                {
                    // A seed spec is served from its own file, as the compilation reads it (the emulator's embedded built-ins hold more).
                    if (spec.Path.StartsWith(Paths.SpecsDirectory, StringComparison.Ordinal))
                    {
                        options.SpecFiles.Add(spec.Path);
                        continue;
                    }

                    string file = Path.Combine(directory, Path.GetFileName(spec.Path));
                    File.WriteAllText(file, spec.GetText()!.ToString());
                    options.SpecFiles.Add(file);
                }

                WeChatEmulatorSpecException rejection = Assert.ThrowsAsync<WeChatEmulatorSpecException>(async () =>
                {
                    await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(options);
                }).GetAwaiter().GetResult();

                FileLinePositionSpan at = expected.Location.GetLineSpan();
                string located = $"{Path.GetFileName(at.Path)}({at.StartLinePosition.Line + 1},{at.StartLinePosition.Character + 1}): {expected.Id} ";
                Assert.True(
                    rejection.Diagnostics.Any(d => d.Contains(located, StringComparison.Ordinal)),
                    $"The build reports {located}; the emulator reports:\n{string.Join("\n", rejection.Diagnostics)}");
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
