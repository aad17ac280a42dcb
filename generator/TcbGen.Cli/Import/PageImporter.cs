using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// A WeChat doc page in, an endpoint out: page text → sections → facts, examples, tables (nested with the examples'
    /// help), a caller's own body, enum tables and the errcode table. Never throws on a bad page: what it cannot read becomes a warning.
    /// </summary>
    internal static class PageImporter
    {
        private static readonly Lazy<IReadOnlyDictionary<int, (string Name, string Message)>> KnownNames = new Lazy<IReadOnlyDictionary<int, (string Name, string Message)>>(KnownErrorNames.Load);

        public static ImportedSpec Import(string pageText)
        {
            var spec = new ImportedSpec();
            IReadOnlyList<PageSection> sections = PageSections.Split(PageText.Lines(pageText));
            EndpointFacts.Read(sections, spec);
            ExampleReader.Read(sections, spec);
            var requestShapes = new ExampleShapes(spec.Examples.Select(e => e.Request).OfType<JsonObject>());
            var responseShapes = new ExampleShapes(spec.Examples.Select(e => e.Response).OfType<JsonObject>());

            spec.Request.AddRange(FieldTreeBuilder.Build(Table(sections.Where(s => !IsQuery(s)).ToList(), RequestHeadings), requestShapes, request: true, spec));
            ReadQuerySections(sections, spec);
            spec.Response.AddRange(FieldTreeBuilder.Build(Table(sections, ResponseHeadings), responseShapes, request: false, spec));
            PayloadSections.Read(sections, spec, requestShapes, responseShapes);
            OrphanTables.Attach(sections, spec, requestShapes, responseShapes, IsKnown, SideOf);
            ExampleTypes.Refine(spec.Request, requestShapes, string.Empty, spec);
            ExampleTypes.Refine(spec.Response, responseShapes, string.Empty, spec);
            ExampleFields.Fill(spec.Request, requestShapes, string.Empty, request: true, spec);
            ExampleFields.Fill(spec.Response, responseShapes, string.Empty, request: false, spec);
            CallerBody.Read(sections, spec);
            EnumTableReader.Read(sections, spec);
            ErrorTableReader.Read(sections, spec, KnownNames.Value);

            var distinct = spec.Decisions.Distinct().ToList();
            spec.Decisions.Clear();
            spec.Decisions.AddRange(distinct);
            if (spec.Errors.Count == 0)
            {
                spec.Warnings.Add("No errcode table was found (错误码 / Error code): the page may be cut before it.");
            }

            return spec;
        }

        /// <summary>True when the page could be read as an endpoint page: it names a method and path.</summary>
        public static bool IsEndpoint(ImportedSpec spec) => spec.Path.Length > 0 && spec.Name.Length > 0;

        private static readonly string[] RequestHeadings = { "请求参数", "Request parameters", "Request Parameter", "请求参数说明", "Body 参数", "请求体", "Request Payload", "Request Body" };
        private static readonly string[] QueryHeadings = { "查询参数", "Query parameters", "Query String", "请求参数 - Query", "Request parameters - Query" };
        private static readonly Regex QueryUrl = new Regex("https?://api\\.weixin\\.qq\\.com/[^\\s?]*\\?(\\S+)", RegexOptions.Compiled);
        private static readonly string[] ResponseHeadings = { "返回参数", "Return parameters", "返回值", "Response parameters", "返回参数说明", "Return value", "返回的JSON数据包", "返回的 JSON 数据包", "返回体", "Response Payload", "Response Body" };

        private static bool IsQuery(PageSection section) => StartsWithAny(section, QueryHeadings);

        /// <summary>
        /// The query string's own table ("查询参数 Query String parameters"), beside the access token: its fields go in the
        /// URL. The page's URLs (the call's "?access_token=ACCESS_TOKEN&amp;tid=TID", a request example's "&amp;tid=99") are
        /// its examples.
        /// </summary>
        private static void ReadQuerySections(IReadOnlyList<PageSection> sections, ImportedSpec spec)
        {
            var urls = new List<JsonObject>();
            foreach (Match url in sections.SelectMany(s => s.Lines.Prepend(s.Heading)).Select(l => QueryUrl.Match(l)).Where(m => m.Success))
            {
                var query = new JsonObject();
                foreach (string pair in url.Groups[1].Value.Split('&'))
                {
                    string name = pair.Split('=')[0];
                    if (name.Length > 0 && !FieldTreeBuilder.IsAccessToken(name) && !query.ContainsKey(name))
                    {
                        query[name] = pair.Length > name.Length ? pair.Substring(name.Length + 1) : string.Empty;
                    }
                }

                urls.Add(query);
            }

            foreach (ImportedField field in FieldTreeBuilder.Build(Table(sections.Where(IsQuery).ToList(), QueryHeadings), new ExampleShapes(urls), request: true, spec))
            {
                field.InQuery = true;
                spec.Request.Add(field);
            }
        }

        private static bool? SideOf(PageSection section)
            => StartsWithAny(section, RequestHeadings) ? true : StartsWithAny(section, ResponseHeadings) ? false : null;

        /// <summary>Sections another reader owns: payloads, enums, errcodes, examples, and the page's fixed parts.</summary>
        private static bool IsKnown(PageSection section)
            => PayloadSections.Heading.IsMatch(section.Heading) || IsQuery(section)
               || section.HeadingHas("枚举值", "合法值", "错误码", "Error code", "返回码", "示例", "Example", "调用方式", "HTTPS", "注意事项", "Note", "第三方调用", "Third Party", "接口", "Interface", "功能描述", "Functional", "云调用", "Cloud", "请求地址", "Request Address", "补充说明");

        private static bool StartsWithAny(PageSection section, string[] headings) => headings.Any(h => section.Heading.StartsWith(h, StringComparison.OrdinalIgnoreCase));

        private static TableRows Table(IReadOnlyList<PageSection> sections, params string[] headings)
        {
            var table = new TableRows();
            foreach (PageSection section in sections.Where(s => headings.Any(h => s.Heading.StartsWith(h, StringComparison.OrdinalIgnoreCase))))
            {
                TableRows rows = TableReader.Read(section.Lines);
                table.Items.AddRange(rows.Items);
                table.Cut |= rows.Cut;
            }

            return table;
        }
    }
}
