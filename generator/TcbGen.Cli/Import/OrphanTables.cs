using System;
using System.Collections.Generic;
using System.Linq;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// A table under a heading that names no field ("# Review items", "# 账号基本信息") belongs to the one object field of
    /// the table before it that has no fields yet. With none, or several, it is a warning rather than a guess.
    /// </summary>
    internal static class OrphanTables
    {
        public static void Attach(IReadOnlyList<PageSection> sections, ImportedSpec spec, ExampleShapes requestShapes, ExampleShapes responseShapes, Func<PageSection, bool> isKnown, Func<PageSection, bool?> sideOf)
        {
            bool? request = null;
            foreach (PageSection section in sections)
            {
                bool? side = sideOf(section);
                if (side != null)
                {
                    request = side;
                    continue;
                }

                if (request == null || isKnown(section))
                {
                    continue;
                }

                TableRows table = TableReader.Read(section.Lines);
                if (!table.Rows.Any(r => !FieldTreeBuilder.IsAccessToken(r.Name)))
                {
                    continue;
                }

                var empty = new List<(ImportedField Field, string Path)>();
                Collect(request.Value ? spec.Request : spec.Response, string.Empty, empty);
                if (empty.Count != 1)
                {
                    spec.Warnings.Add($"The table under '{section.Heading}' names no field, and {(empty.Count == 0 ? "no" : "more than one")} object field is waiting for its fields; it was left out.");
                    continue;
                }

                (ImportedField owner, string path) = empty[0];
                owner.Fields.AddRange(FieldTreeBuilder.Build(table, request.Value ? requestShapes : responseShapes, request.Value, spec, path));
                spec.Decisions.Add($"The table under '{section.Heading}' is taken as the fields of '{path}', the only object field without a table of its own.");
            }
        }

        private static void Collect(List<ImportedField> fields, string path, List<(ImportedField, string)> empty)
        {
            foreach (ImportedField field in fields.Where(f => f.Type.HoldsObject))
            {
                string inner = ExampleShapes.Child(path, field.Name, field.Type.Kind == "array");
                if (field.Fields.Count == 0)
                {
                    empty.Add((field, inner));
                }
                else
                {
                    Collect(field.Fields, inner, empty);
                }
            }
        }
    }
}
