using System.IO;
using System.Linq;
using TcbGen.Specs;
using System.Text.Json;
using TcbGen.Specs.Model;

namespace TcbGen.Cli.Check
{
    /// <summary>Diagnostics as editors and CI read them: <c>file(line,col): error TCBnnnn: message</c>, or JSON.</summary>
    internal static class DiagnosticFormatter
    {
        public static void WriteText(TextWriter output, TextWriter diagnostics, SpecCheckResult result)
        {
            foreach (SpecDiagnostic diagnostic in result.Diagnostics)
            {
                diagnostics.WriteLine(diagnostic.ToString());
            }

            int warnings = result.Diagnostics.Count(d => SpecDiagnosticIds.IsWarning(d.Id));
            output.WriteLine($"{result.Files.Count} spec file(s) checked, {result.Diagnostics.Count - warnings} error(s){(warnings == 0 ? string.Empty : $", {warnings} warning(s)")}.");
        }

        public static void WriteJson(TextWriter output, SpecCheckResult result)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("files", result.Files.Count);
                writer.WriteNumber("errors", result.Diagnostics.Count(d => !SpecDiagnosticIds.IsWarning(d.Id)));
                writer.WriteStartArray("diagnostics");
                foreach (SpecDiagnostic diagnostic in result.Diagnostics)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", diagnostic.Id);
                    writer.WriteString("severity", SpecDiagnosticIds.IsWarning(diagnostic.Id) ? "warning" : "error");
                    writer.WriteString("message", diagnostic.Message);
                    writer.WriteString("file", diagnostic.FilePath);
                    writer.WriteNumber("line", diagnostic.Span.StartLine + 1);
                    writer.WriteNumber("column", diagnostic.Span.StartColumn + 1);
                    writer.WriteNumber("endLine", diagnostic.Span.EndLine + 1);
                    writer.WriteNumber("endColumn", diagnostic.Span.EndColumn + 1);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }
}
