using System.Collections.Generic;
using System.Linq;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// One row of a parameter table. <see cref="Depth"/> counts nesting markers (└, &amp;emsp;) where the page has them;
    /// <see cref="DefaultText"/> is the 默认值 cell of a pipe table that has one.
    /// </summary>
    internal sealed record TableRow(string Name, string TypeText, string? RequiredText, string Description, int Depth, string? DefaultText = null);

    /// <summary>
    /// A parameter table as a stream of rows and header lines. A header line after an object row opens that object's
    /// sub-table: this is how rendered pages show nesting once their indentation is gone.
    /// </summary>
    internal sealed class TableRows
    {
        public List<object> Items { get; } = new List<object>();

        /// <summary>Set when the table ends mid-row (fewer cells than its header), as a page cut short does.</summary>
        public bool Cut { get; set; }

        public IEnumerable<TableRow> Rows => Items.OfType<TableRow>();
    }

    /// <summary>A header line inside a table: <c>属性 类型 必填 说明</c>, <c>attribute | type | Required |</c>.</summary>
    internal sealed record TableHeader(bool HasRequiredColumn);
}
