using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;

namespace HwLab.Benchmarks;

/// <summary>JSON for scripts, GitHub Markdown for docs/performance.md, and the median with its range for every row.</summary>
internal sealed class HwLabBenchmarkConfig : ManualConfig
{
    public HwLabBenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        // The default configuration already exports GitHub Markdown; JSON is added for scripts.
        AddExporter(JsonExporter.Full);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
    }
}
