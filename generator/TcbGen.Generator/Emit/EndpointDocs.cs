using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// What the caller reads about an endpoint in IntelliSense: the spec's caller-facing <c>description</c>, the page's
    /// notes and its permission sets. The author's <c>decisions</c> stay in the spec and are never emitted.
    /// </summary>
    internal static class EndpointDocs
    {
        /// <summary>The remarks of the endpoint's client method and class, or null when the spec gives nothing to say.</summary>
        public static string? Remarks(EndpointSpec spec)
        {
            var paragraphs = new List<string>();
            if (spec.Description != null)
            {
                paragraphs.Add(CSharp.Xml(spec.Description));
            }

            if (spec.Notes.Count == 1)
            {
                paragraphs.Add("Note: " + CSharp.Xml(spec.Notes[0]));
            }
            else if (spec.Notes.Count > 1)
            {
                paragraphs.Add("Notes:\n<list type=\"bullet\">\n" + string.Concat(spec.Notes.Select(n => $"<item><description>{CSharp.Xml(n)}</description></item>\n")) + "</list>");
            }

            if (spec.PermissionSets.Count > 0)
            {
                string ids = string.Join(", ", spec.PermissionSets.Select(id => id.ToString(CultureInfo.InvariantCulture)));
                paragraphs.Add($"Needs permission set{(spec.PermissionSets.Count == 1 ? string.Empty : "s")} (权限集) {ids} granted to the third-party platform.");
            }

            return paragraphs.Count == 0 ? null : paragraphs.Count == 1 ? paragraphs[0] : string.Join("\n", paragraphs.Select(p => $"<para>{p}</para>"));
        }

        /// <summary>"a" or "an" before a word, by how it is spelled: an <c>authorizer_access_token</c>, a <c>component_access_token</c>.</summary>
        public static string Article(string word) => word.Length > 0 && "aeiouAEIOU".IndexOf(word[0]) >= 0 ? "an" : "a";
    }
}
