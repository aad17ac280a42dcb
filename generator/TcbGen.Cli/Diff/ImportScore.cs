using System;
using System.Collections.Generic;
using System.Linq;

namespace TcbGen.Cli.Diff
{
    /// <summary>
    /// The import-accuracy score of one page: its import against the reviewed spec, through the same comparison as
    /// <c>tcbgen diff</c>. A field is right when it is on both sides at the same wire path with the same type (kind,
    /// format, items) and the same required-ness (and requiredWhen); a field on one side only is wrong. An errcode is
    /// right when the import has it and the spec has it (own or from an included set). With the page's text, only the
    /// spec's fields whose rows the text can hold and the codes it names are counted (see <see cref="SpecComparer"/>).
    /// Decisions do not excuse anything here: the score measures the importer, not the reviewer.
    /// </summary>
    internal sealed class ImportScore
    {
        private ImportScore(int fields, IReadOnlyList<string> wrong, IReadOnlyList<string> notHeld, int codes, int codesRight, bool pathRight, bool tokenKindsRight)
        {
            NotHeld = notHeld;
            Fields = fields;
            Wrong = wrong;
            Codes = codes;
            CodesRight = codesRight;
            PathRight = pathRight;
            TokenKindsRight = tokenKindsRight;
        }

        /// <summary>Fields compared: those of either side (the spec's limited to what the page text names, given one).</summary>
        public int Fields { get; }

        /// <summary>One line per wrong field: its path, what the spec has and what was imported.</summary>
        public IReadOnlyList<string> Wrong { get; }

        public int FieldsRight => Fields - Wrong.Count;

        /// <summary>The spec's fields the page text names but cannot hold a row for (see <see cref="PageRows"/>): not counted.</summary>
        public IReadOnlyList<string> NotHeld { get; }

        /// <summary>Errcodes compared; <see cref="CodesRight"/> counts those in both.</summary>
        public int Codes { get; }

        public int CodesRight { get; }

        public bool PathRight { get; }

        public bool TokenKindsRight { get; }

        /// <summary>The share of fields and codes right together; 1 when there is nothing to compare.</summary>
        public double Share => Fields + Codes == 0 ? 1 : (double)(FieldsRight + CodesRight) / (Fields + Codes);

        /// <summary>Scores <paramref name="importedJson"/> against <paramref name="specJson"/>; <paramref name="pageText"/> limits the spec's side to what the page shows.</summary>
        public static ImportScore Compare(string specJson, string importedJson, string? pageText = null, TypeLibrary? types = null)
        {
            SpecFacts spec = SpecFacts.Read(specJson, types ?? TypeLibrary.Empty);
            SpecFacts imported = SpecFacts.Read(importedJson, TypeLibrary.Empty);
            var wrong = new List<string>();
            List<string> fields = SpecComparer.ComparedFields(spec, imported, pageText).ToList();
            foreach (string path in fields)
            {
                string? want = spec.Fields.TryGetValue(path, out FieldFacts? w) ? Summary(w) : null;
                string? got = imported.Fields.TryGetValue(path, out FieldFacts? g) ? Summary(g) : null;
                if (want != got)
                {
                    wrong.Add($"{path}: expected {want ?? "(absent)"}, imported {got ?? "(absent)"}");
                }
            }

            int[] codes = SpecComparer.ComparedCodes(spec, imported, pageText).ToArray();
            int right = codes.Count(c => imported.Codes.Contains(c) && (spec.Codes.Contains(c) || spec.IncludedCodes.Contains(c)));
            bool tokenKinds = spec.TokenKinds.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(imported.TokenKinds.OrderBy(k => k, StringComparer.Ordinal));
            IReadOnlyList<string> notHeld = pageText == null ? Array.Empty<string>() : SpecComparer.NamedButNotHeld(spec, imported, pageText).ToList();
            return new ImportScore(fields.Count, wrong, notHeld, codes.Length, right, spec.Path == imported.Path, tokenKinds);
        }

        private static string Summary(FieldFacts field) => field.Type + (field.Required.Length > 0 ? ", " + field.Required : string.Empty);
    }
}
