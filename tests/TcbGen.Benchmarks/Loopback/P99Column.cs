using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TcbGen.Benchmarks.Loopback
{
    /// <summary>The 99th percentile of the measured iterations' per-operation times, which BenchmarkDotNet has no column for (it stops at P95, then P100).</summary>
    internal sealed class P99Column : IColumn
    {
        public string Id => nameof(P99Column);

        public string ColumnName => "P99";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => "Percentile 99";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            Statistics? statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null)
            {
                return "NA";
            }

            double nanoseconds = statistics.Percentiles.Percentile(99);
            if (style.TimeUnit is not { } unit)
            {
                return nanoseconds.ToString("N0", style.CultureInfo) + " ns";
            }

            return (nanoseconds / unit.BaseUnits).ToString("N2", style.CultureInfo) + (style.PrintUnitsInContent ? " " + unit.Abbreviation : string.Empty);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
