using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TcbGen.Cli.Diff
{
    /// <summary>Writes <c>tcbgen diff</c>'s findings as text lines or as one JSON object.</summary>
    internal static class DiffReport
    {
        public static void WriteText(TextWriter output, string specPath, string pagePath, IReadOnlyList<SpecDifference> differences)
        {
            foreach (SpecDifference d in differences)
            {
                string what = d.Change switch
                {
                    "added" => $"added on the page: {d.Page}",
                    "removed" => $"not on the page (the spec has {d.Spec})",
                    _ => $"spec {d.Spec} -> page {d.Page}",
                };
                output.WriteLine($"{(d.Decided ? "decided" : d.Change)}  {d.Subject}  {d.Aspect}: {what}");
            }

            int counted = differences.Count(d => !d.Decided);
            output.WriteLine(counted == 0
                ? $"{pagePath} agrees with {specPath}{(differences.Count > 0 ? $" ({differences.Count} difference(s) the spec's decisions settle)" : string.Empty)}."
                : $"{counted} difference(s) between {specPath} and {pagePath}{(differences.Count > counted ? $", and {differences.Count - counted} the spec's decisions settle" : string.Empty)}.");
        }

        public static void WriteJson(TextWriter output, string specPath, string pagePath, IReadOnlyList<SpecDifference> differences)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("spec", specPath);
                writer.WriteString("page", pagePath);
                writer.WriteNumber("differences", differences.Count(d => !d.Decided));
                writer.WriteNumber("decided", differences.Count(d => d.Decided));
                writer.WriteStartArray("items");
                foreach (SpecDifference d in differences)
                {
                    writer.WriteStartObject();
                    writer.WriteString("subject", d.Subject);
                    writer.WriteString("aspect", d.Aspect);
                    writer.WriteString("change", d.Change);
                    WriteOptional(writer, "spec", d.Spec);
                    WriteOptional(writer, "page", d.Page);
                    writer.WriteBoolean("decided", d.Decided);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
        {
            if (value == null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }
    }
}
