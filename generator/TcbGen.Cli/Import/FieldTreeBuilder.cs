using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TcbGen.Specs;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// Turns a table's rows into nested fields. Nesting comes from the page's markers (└, &amp;emsp;) where it has them;
    /// otherwise a header line after an object row opens its sub-table, and the examples tell where a sub-table ends
    /// (a row belongs to the innermost open object whose examples hold its name).
    /// </summary>
    internal static class FieldTreeBuilder
    {
        private static readonly Regex Chinese = new Regex("[\\u4e00-\\u9fff]", RegexOptions.Compiled);

        private sealed record Scope(List<ImportedField> Fields, string Path, ImportedField? Owner);

        public static List<ImportedField> Build(TableRows table, ExampleShapes shapes, bool request, ImportedSpec spec, string basePath = "")
        {
            var root = new List<ImportedField>();
            var stack = new List<Scope> { new Scope(root, basePath, null) };
            bool markers = table.Rows.Any(r => r.Depth > 0);
            ImportedField? last = null;
            string lastPath = string.Empty;
            foreach (object item in table.Items)
            {
                if (item is TableHeader)
                {
                    if (!markers && last != null && (last.Type.HoldsObject || last.Type.Element.Kind == "string" && last.Type.Kind == "array") && stack[^1].Owner != last)
                    {
                        if (!last.Type.HoldsObject)
                        {
                            last.Type = last.Type.WithElement(new FieldType("object"));
                        }

                        stack.Add(new Scope(last.Fields, ExampleShapes.Child(stack[^1].Path, last.Name, last.Type.Kind == "array"), last));
                        if (stack.Count > 2 && shapes.ObjectsAt(stack[^1].Path).Count == 0)
                        {
                            spec.Decisions.Add($"'{stack[^1].Path}' is nested inside '{stack[^2].Path}', and the rows after its sub-table stay in it: the page shows no indentation and no example to tell where a sub-table ends. Check the nesting against the page.");
                        }
                    }

                    continue;
                }

                var row = (TableRow)item;
                if (IsAccessToken(row.Name))
                {
                    continue;
                }

                string name = WireName(row, shapes, spec);

                if (markers)
                {
                    while (stack.Count - 1 > row.Depth)
                    {
                        stack.RemoveAt(stack.Count - 1);
                    }

                    if (row.Depth > stack.Count - 1 && last != null)
                    {
                        if (!last.Type.HoldsObject)
                        {
                            last.Type = last.Type.WithElement(new FieldType("object"));
                        }

                        stack.Add(new Scope(last.Fields, ExampleShapes.Child(lastPath, last.Name, last.Type.Kind == "array"), last));
                    }
                }
                else
                {
                    int owner = Enumerable.Range(0, stack.Count).Reverse().FirstOrDefault(i => shapes.HasKey(stack[i].Path, name), -1);
                    if (owner >= 0 && owner < stack.Count - 1)
                    {
                        spec.Decisions.Add($"'{name}' after the sub-table of '{stack[^1].Owner?.Name}' is placed in {(owner == 0 ? "the body" : "'" + stack[owner].Path + "'")}, where the examples have it (the page's table has lost its indentation).");
                        stack.RemoveRange(owner + 1, stack.Count - owner - 1);
                    }
                }

                Scope scope = stack[^1];
                if (!request && scope.Owner == null && basePath.Length == 0 && IsEnvelope(name))
                {
                    // WeChat's envelope, read by the runtime; a nested errcode (status_reason[].errcode) is a real field.
                    continue;
                }

                string path = ExampleShapes.Child(scope.Path, name, array: false);
                if (scope.Fields.Any(f => f.Name == name))
                {
                    // A second table listing the same fields, such as the cloud call's parameters further down.
                    spec.Decisions.Add($"'{path}' is listed twice; the first row is kept.");
                    continue;
                }

                var field = new ImportedField(name, FieldTyper.ReadType(path, name, row.TypeText, row.Description, spec.Decisions), Clean(row.Description))
                {
                    TypeName = FieldTyper.NamedType(row.TypeText),
                    Required = request ? FieldTyper.ReadRequired(row.RequiredText) : null,
                    DefaultText = row.DefaultText,
                };
                scope.Fields.Add(field);
                last = field;
                lastPath = scope.Path;
            }

            if (table.Cut)
            {
                spec.Warnings.Add($"The {(request ? "request" : "response")} parameter table ends mid-row: the page looks cut. Only the rows before the cut were imported.");
            }

            if (request)
            {
                Settle(root, basePath, shapes, spec);
            }
            else
            {
                SettleEnums(root, basePath, spec);
            }

            return root;
        }

        /// <summary>
        /// The name as the wire spells it. Machine translation capitalizes a cell's first letter ("Wechatid"): the
        /// examples' spelling wins, and without one a single leading capital is undone on a translated row (one whose
        /// description has no Chinese). A Chinese row writes the name as WeChat sends it ("Offset", "Total").
        /// </summary>
        private static string WireName(TableRow row, ExampleShapes shapes, ImportedSpec spec)
        {
            string name = row.Name;
            string? spelled = shapes.SpellingOf(name);
            bool translated = !Chinese.IsMatch(row.Description);
            string wire = spelled ?? (translated && Regex.IsMatch(name, "^[A-Z][a-z0-9_]+$") ? char.ToLowerInvariant(name[0]) + name.Substring(1) : name);
            if (wire != name)
            {
                spec.Decisions.Add($"'{name}' is written '{wire}', {(spelled != null ? "as the examples spell it" : "a translation's capital undone (the other names are lower-case)")}.");
            }

            return wire;
        }

        /// <summary><c>errcode</c> and <c>errmsg</c>: the envelope every response has, never a field of the response body's top.</summary>
        public static bool IsEnvelope(string name) => name.Equals("errcode", StringComparison.OrdinalIgnoreCase) || name.Equals("errmsg", StringComparison.OrdinalIgnoreCase);

        /// <summary><c>access_token</c>, <c>component_access_token</c>...: a credential in the URL, never a body field.</summary>
        public static bool IsAccessToken(string name) => name.EndsWith("access_token", StringComparison.OrdinalIgnoreCase);

        /// <summary>Required, requiredWhen and inline enums, decided per object once all its rows are known.</summary>
        private static void Settle(List<ImportedField> fields, string path, ExampleShapes shapes, ImportedSpec spec)
        {
            IReadOnlyList<JsonObject> examples = shapes.ObjectsAt(path);
            foreach (ImportedField field in fields)
            {
                string fieldPath = ExampleShapes.Child(path, field.Name, array: false);
                (string Field, string Value)? when = FieldTyper.ReadRequiredWhen(field.Description);
                bool labelled = when == null && (when = FieldTyper.ReadRequiredWhenLabelled(field.Description, fields.Where(f => f != field))) != null;
                ImportedField? discriminator = when == null ? null : fields.FirstOrDefault(f => f.Name == when.Value.Field && f != field);
                JsonNode? value = discriminator == null ? null : FieldTyper.TypedValue(when!.Value.Value, discriminator.Type);
                if (value != null && field.Required != true)
                {
                    field.RequiredWhen = (discriminator!.Name, value);
                    field.Required = null;
                    if (labelled)
                    {
                        spec.Decisions.Add($"'{fieldPath}' is required when {discriminator.Name} is {value.ToJsonString()}: its condition names what '{discriminator.Name}' calls {when!.Value.Value}.");
                    }
                }
                else if (field.Required == null)
                {
                    if (when != null)
                    {
                        spec.Decisions.Add($"'{fieldPath}' says it is required when {when.Value.Field} is {when.Value.Value}, but {when.Value.Field} is not a sibling string, boolean or integer: left optional.");
                        field.Required = false;
                    }
                    else if (FieldTyper.SaysOptional(field.Description))
                    {
                        field.Required = false;
                    }
                    else if (ExampleConditions.Infer(field, fields, examples) is { } inferred)
                    {
                        field.RequiredWhen = inferred.When;
                        spec.Decisions.Add($"'{fieldPath}': the page gives no required flag; taken as required when {inferred.When.Field} is {inferred.When.Value.ToJsonString()}: {inferred.Reason}.");
                    }
                    else if (examples.Count > 0)
                    {
                        field.Required = examples.All(e => e.ContainsKey(field.Name));
                        spec.Decisions.Add($"'{fieldPath}': the page gives no required flag; taken as {(field.Required == true ? "required (every request example sends it)" : "optional (a request example leaves it out)")}.");
                    }
                    else
                    {
                        field.Required = false;
                        spec.Decisions.Add($"'{fieldPath}': the page gives no required flag and no example; taken as optional.");
                    }
                }

                AddInlineEnum(field, fieldPath, spec);
                if (field.Type.HoldsObject)
                {
                    Settle(field.Fields, ExampleShapes.Child(path, field.Name, field.Type.Kind == "array"), shapes, spec);
                }
            }
        }

        private static void SettleEnums(List<ImportedField> fields, string path, ImportedSpec spec)
        {
            foreach (ImportedField field in fields)
            {
                string fieldPath = ExampleShapes.Child(path, field.Name, array: false);
                AddInlineEnum(field, fieldPath, spec);
                SettleEnums(field.Fields, ExampleShapes.Child(path, field.Name, field.Type.Kind == "array"), spec);
            }
        }

        private static void AddInlineEnum(ImportedField field, string fieldPath, ImportedSpec spec)
        {
            IReadOnlyList<string> values = FieldTyper.InlineEnumValues(field.Description);
            if (values.Count < 2 || field.Type.Kind != "string" || field.Enum.Count > 0)
            {
                return;
            }

            foreach (string value in values)
            {
                field.Enum.Add(new ImportedEnumMember(value, EnumNames.FromValue(value), null));
            }

            spec.Decisions.Add($"'{fieldPath}' lists its values in its description ({string.Join(", ", values)}): made a string enum.");
        }

        private static string Clean(string description) => description.Trim();
    }
}
