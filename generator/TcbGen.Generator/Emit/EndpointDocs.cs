using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// What the caller reads about an endpoint in IntelliSense: the spec's caller-facing <c>description</c>, the page's
    /// notes and its permission sets. The author's <c>decisions</c> stay in the spec and are never emitted.
    /// </summary>
    internal static class EndpointDocs
    {
        /// <summary>Writes the remarks of the endpoint's client method and class; nothing when the spec gives nothing to say.</summary>
        public static void WriteRemarks(SourceWriter writer, EndpointSpec spec)
        {
            int paragraphs = (spec.Description != null ? 1 : 0) + (spec.Notes.Count > 0 ? 1 : 0) + (spec.PermissionSets.Count > 0 ? 1 : 0);
            if (paragraphs == 0)
            {
                return;
            }

            // One paragraph stands alone; several are each a <para>, one per line.
            bool wrap = paragraphs > 1;
            bool first = true;
            writer.OpenDoc("remarks");
            if (spec.Description != null)
            {
                StartParagraph(writer, wrap, ref first);
                writer.Write($"{spec.Description:xml}");
                EndParagraph(writer, wrap);
            }

            if (spec.Notes.Count > 0)
            {
                StartParagraph(writer, wrap, ref first);
                if (spec.Notes.Count == 1)
                {
                    writer.Write($"Note: {spec.Notes[0]:xml}");
                }
                else
                {
                    writer.Write($"Notes:\n<list type=\"bullet\">\n");
                    foreach (string note in spec.Notes)
                    {
                        writer.Write($"<item><description>{note:xml}</description></item>\n");
                    }

                    writer.Write($"</list>");
                }

                EndParagraph(writer, wrap);
            }

            if (spec.PermissionSets.Count > 0)
            {
                StartParagraph(writer, wrap, ref first);
                writer.Write($"Needs permission set{(spec.PermissionSets.Count == 1 ? string.Empty : "s")} (权限集) ");
                for (int i = 0; i < spec.PermissionSets.Count; i++)
                {
                    writer.Write($"{(i == 0 ? string.Empty : ", ")}{spec.PermissionSets[i]}");
                }

                writer.Write($" granted to the third-party platform.");
                EndParagraph(writer, wrap);
            }

            writer.CloseDoc();
        }

        /// <summary>A <c>seealso</c> link to each WeChat page the spec was written from (its <c>docs</c>).</summary>
        public static void WriteSeeAlso(SourceWriter writer, EndpointSpec spec)
        {
            foreach (string url in spec.Docs)
            {
                writer.Doc("seealso", $" href=\"{CSharp.Xml(url)}\"", "WeChat's documentation");
            }
        }

        private static void StartParagraph(SourceWriter writer, bool wrap, ref bool first)
        {
            if (wrap)
            {
                writer.Write($"{(first ? string.Empty : "\n")}<para>");
            }

            first = false;
        }

        private static void EndParagraph(SourceWriter writer, bool wrap)
        {
            if (wrap)
            {
                writer.Write($"</para>");
            }
        }

        /// <summary>"a" or "an" before a word, by how it is spelled: an <c>authorizer_access_token</c>, a <c>component_access_token</c>.</summary>
        public static string Article(string word) => word.Length > 0 && "aeiouAEIOU".IndexOf(word[0]) >= 0 ? "an" : "a";
    }
}
