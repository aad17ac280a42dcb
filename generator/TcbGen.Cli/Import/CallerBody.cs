using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TcbGen.Specs;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// A body that is the caller's own JSON (<c>"requestBody": "caller-json"</c>), as invokeCloudFunction's pages say it
    /// two ways: a request row named <c>POSTBODY</c> ("云函数的传入参数,具体结构由开发者定义"), or the note "POST BODY 部分会传递给云函数作为
    /// 输入参数" (the POST body is passed on as the input). Then no table row can be a body field: a row the request line
    /// or an example URL puts in the query string (<c>?access_token=ACCESS_TOKEN&amp;env=ENV&amp;name=FUNCTION_NAME</c>) is
    /// a query field, and the other rows (<c>POSTBODY</c>, the newer tables' <c>req_data</c>) name the body itself and
    /// are dropped. Each step is a decision to review.
    /// </summary>
    internal static class CallerBody
    {
        private static readonly Regex BodyRow = new Regex("^POST ?BODY$", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        /// <summary>"POST BODY 部分会传递给云函数作为输入参数", "the POST BODY is passed to the cloud function as input parameters".</summary>
        private static readonly Regex BodyIsInput = new Regex("POST ?BODY[^。\\n]{0,40}(作为[^。\\n]{0,10}(输入|传入)参数|as (its |the )?input)", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        private static readonly Regex QueryUrl = new Regex("https?://api\\.weixin\\.qq\\.com/[^\\s?'\"]*\\?([^\\s'\"]+)", RegexOptions.Compiled);

        public static void Read(IReadOnlyList<PageSection> sections, ImportedSpec spec)
        {
            List<string> lines = sections.SelectMany(s => s.Lines.Prepend(s.Heading)).ToList();
            ImportedField? bodyRow = spec.Request.FirstOrDefault(f => !f.InQuery && BodyRow.IsMatch(f.Name));
            string? note = lines.FirstOrDefault(l => BodyIsInput.IsMatch(l));
            if (spec.Method != "POST" || bodyRow == null && note == null)
            {
                return;
            }

            spec.RequestBody = RequestBodies.CallerJson;
            spec.Decisions.Add(bodyRow != null
                ? $"requestBody is caller-json: the page's '{bodyRow.Name}' row is the body itself ({bodyRow.Description.Trim()})."
                : $"requestBody is caller-json: the page says \"{note!.Trim().TrimStart('-', '*', ' ')}\".");

            var inUrl = new HashSet<string>(
                lines.SelectMany(l => QueryUrl.Matches(l)).SelectMany(m => m.Groups[1].Value.Split('&')).Select(p => p.Split('=')[0]).Where(n => !FieldTreeBuilder.IsAccessToken(n)),
                StringComparer.Ordinal);
            foreach (ImportedField field in spec.Request.Where(f => !f.InQuery).ToList())
            {
                if (inUrl.Contains(field.Name))
                {
                    field.InQuery = true;
                    spec.Decisions.Add($"'{field.Name}' goes in the query string: the page's URL carries it, and the body is the caller's.");
                }
                else
                {
                    spec.Request.Remove(field);
                    spec.Decisions.Add($"'{field.Name}' is no field: it names the body, which the caller supplies whole ({field.Description.Trim()}).");
                }
            }
        }
    }
}
