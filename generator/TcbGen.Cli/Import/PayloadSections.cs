using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// Sections that give one object's fields under a heading of their own: the newer pages' "Res.info_list(Array) Object
    /// Payload" and "Req.x", the older pages' "info_list 的结构", "EnvInfo 的结构", "Structure of x". The heading names a
    /// field (by a dotted path from the body, or by its name at any depth) or the named type a field's type cell gives
    /// (<c>Array.&lt;EnvInfo&gt;</c>, <c>Array of Function</c>). A section may describe a field that another section adds
    /// (Function 的结构 lists <c>status_reason | Array of Reason</c>, then Reason 的结构 follows), so sections are matched
    /// in passes until none finds a new owner.
    /// </summary>
    internal static class PayloadSections
    {
        /// <summary>
        /// "Res.info_list(Array) Object Payload", "Body.create_indexes(Array).keysObject Payload" (the newest pages glue the
        /// suffix to the name and mark arrays inside the path), "Req.x", "info_list 的结构", "Structure of x". Body and
        /// Query name the request's parts, as Req does. "Body.action Enum" is an enum table's heading, not a payload's.
        /// </summary>
        public static readonly Regex Heading = new Regex("^(?!.*\\sEnum\\s*$)(?:(Req|Res|Body|Query)\\.([A-Za-z0-9_.()]+?)(?:`?Object`?\\s*`?Payload`?)?(?=\\s|`|$)|([A-Za-z_][A-Za-z0-9_.]*) ?的结构|Structure of ([A-Za-z_][A-Za-z0-9_.]*))", RegexOptions.Compiled);

        private sealed record Owner(ImportedField Field, string Path, bool Request);

        public static void Read(IReadOnlyList<PageSection> sections, ImportedSpec spec, ExampleShapes requestShapes, ExampleShapes responseShapes)
        {
            var pending = sections.Select(s => (Section: s, Match: Heading.Match(s.Heading))).Where(p => p.Match.Success).ToList();
            bool progress = true;
            while (pending.Count > 0 && progress)
            {
                progress = false;
                foreach ((PageSection section, Match heading) in pending.ToList())
                {
                    List<Owner> owners = Owners(heading, spec);
                    if (owners.Count == 0)
                    {
                        continue;
                    }

                    pending.RemoveAll(p => p.Section == section);
                    progress = true;
                    foreach (Owner owner in owners)
                    {
                        if (!owner.Field.Type.HoldsObject)
                        {
                            owner.Field.Type = owner.Field.Type.WithElement(new FieldType("object"));
                        }

                        string path = ExampleShapes.Child(owner.Path, owner.Field.Name, owner.Field.Type.Kind == "array");
                        TableRows table = TableReader.Read(section.Lines);
                        owner.Field.Fields.AddRange(FieldTreeBuilder.Build(table, owner.Request ? requestShapes : responseShapes, owner.Request, spec, path));
                    }
                }
            }

            foreach ((PageSection section, _) in pending)
            {
                spec.Warnings.Add($"The section '{section.Heading}' names no field of the tables; it was left out.");
            }
        }

        /// <summary>
        /// The fields a heading describes: the field at its dotted path from the body; else every field at any depth whose
        /// name, or named type, is the heading's last name, preferring those still without fields (a type's fields go to
        /// every field of that type; a field name goes to the first such field). "Req."/"Res." pick the side; otherwise the
        /// response is searched first.
        /// </summary>
        private static List<Owner> Owners(Match heading, ImportedSpec spec)
        {
            string dotted = heading.Groups[2].Success ? heading.Groups[2].Value : heading.Groups[3].Success ? heading.Groups[3].Value : heading.Groups[4].Value;
            string[] names = Regex.Replace(dotted, "\\([A-Za-z]*\\)", string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries);
            bool?[] sides = heading.Groups[1].Success ? new bool?[] { heading.Groups[1].Value != "Res" } : new bool?[] { false, true };
            foreach (bool? side in sides)
            {
                bool request = side == true;
                List<ImportedField> body = request ? spec.Request : spec.Response;
                if (ByPath(body, names) is { } exact)
                {
                    return new List<Owner> { exact with { Request = request } };
                }
            }

            foreach (bool? side in sides)
            {
                bool request = side == true;
                var all = new List<Owner>();
                Collect(request ? spec.Request : spec.Response, string.Empty, request, all);
                string last = names.Length > 0 ? names[^1] : string.Empty;
                List<Owner> waiting = all.Where(o => o.Field.Fields.Count == 0).ToList();
                List<Owner> byType = waiting.Where(o => string.Equals(o.Field.TypeName, last, StringComparison.Ordinal)).ToList();
                if (byType.Count > 0)
                {
                    return byType;
                }

                Owner? byName = waiting.FirstOrDefault(o => o.Field.Name == last && EndsWith(o, names));
                if (byName != null)
                {
                    return new List<Owner> { byName };
                }
            }

            return new List<Owner>();
        }

        private static Owner? ByPath(List<ImportedField> fields, string[] names)
        {
            string path = string.Empty;
            ImportedField? found = null;
            foreach (string name in names)
            {
                if (found != null)
                {
                    path = ExampleShapes.Child(path, found.Name, found.Type.Kind == "array");
                }

                found = fields.FirstOrDefault(f => f.Name == name);
                if (found == null)
                {
                    return null;
                }

                fields = found.Fields;
            }

            return found == null ? null : new Owner(found, path, false);
        }

        /// <summary>A dotted heading ("info_list.packages") matches a deeper field whose path ends with those names.</summary>
        private static bool EndsWith(Owner owner, string[] names)
        {
            string[] path = owner.Path.Replace("[]", string.Empty, StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries).Append(owner.Field.Name).ToArray();
            return path.Length >= names.Length && path.Skip(path.Length - names.Length).SequenceEqual(names, StringComparer.Ordinal);
        }

        private static void Collect(List<ImportedField> fields, string path, bool request, List<Owner> into)
        {
            foreach (ImportedField field in fields)
            {
                into.Add(new Owner(field, path, request));
                Collect(field.Fields, ExampleShapes.Child(path, field.Name, field.Type.Kind == "array"), request, into);
            }
        }
    }
}
