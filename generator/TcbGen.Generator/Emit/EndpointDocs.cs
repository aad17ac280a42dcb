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
            SourceWriter.DocText remarks = writer.StartDoc();
            if (spec.Description != null)
            {
                StartParagraph(remarks, wrap, ref first);
                remarks.Append($"{spec.Description:xml}");
                EndParagraph(remarks, wrap);
            }

            if (spec.Notes.Count > 0)
            {
                StartParagraph(remarks, wrap, ref first);
                if (spec.Notes.Count == 1)
                {
                    remarks.Append($"Note: {spec.Notes[0]:xml}");
                }
                else
                {
                    remarks.Append($"Notes:\n<list type=\"bullet\">\n");
                    foreach (string note in spec.Notes)
                    {
                        remarks.Append($"<item><description>{note:xml}</description></item>\n");
                    }

                    remarks.Append($"</list>");
                }

                EndParagraph(remarks, wrap);
            }

            if (spec.PermissionSets.Count > 0)
            {
                StartParagraph(remarks, wrap, ref first);
                remarks.Append($"Needs permission set{(spec.PermissionSets.Count == 1 ? string.Empty : "s")} (权限集) ");
                for (int i = 0; i < spec.PermissionSets.Count; i++)
                {
                    remarks.Append($"{(i == 0 ? string.Empty : ", ")}{spec.PermissionSets[i]}");
                }

                remarks.Append($" granted to the third-party platform.");
                EndParagraph(remarks, wrap);
            }

            writer.Doc("remarks", remarks);
        }

        /// <summary>A <c>seealso</c> link to each WeChat page the spec was written from (its <c>docs</c>).</summary>
        public static void WriteSeeAlso(SourceWriter writer, EndpointSpec spec)
        {
            foreach (string url in spec.Docs)
            {
                writer.Doc("seealso", "WeChat's documentation", $" href=\"{CSharp.Xml(url)}\"");
            }
        }

        private static void StartParagraph(SourceWriter.DocText remarks, bool wrap, ref bool first)
        {
            if (wrap)
            {
                remarks.Append($"{(first ? string.Empty : "\n")}<para>");
            }

            first = false;
        }

        private static void EndParagraph(SourceWriter.DocText remarks, bool wrap)
        {
            if (wrap)
            {
                remarks.Append($"</para>");
            }
        }

        /// <summary>"a" or "an" before a word, by how it is spelled: an <c>authorizer_access_token</c>, a <c>component_access_token</c>.</summary>
        public static string Article(string word) => word.Length > 0 && "aeiouAEIOU".IndexOf(word[0]) >= 0 ? "an" : "a";
    }
}
