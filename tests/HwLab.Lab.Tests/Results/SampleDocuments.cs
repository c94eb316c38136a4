using HwLab.Lab.Results;
using HwLab.Lab.Scaling;
using HwLab.Native.Threading;

namespace HwLab.Lab.Tests.Results;

/// <summary>Small, fully known results documents for tests that need one without measuring.</summary>
internal static class SampleDocuments
{
    public static SampleRecord Sample(int index, double value, params string[] flags)
        => new(index, value, 1_000, value * 1_000, flags, 0, 0, [new WorkerSample(0, 0, 1_000, value * 1_000, (long)(value * 1_000), 0, 0)], new Dictionary<string, double> { ["picks"] = 4 });

    public static PointResult Point(string impl, params double[] values)
    {
        SampleRecord[] samples = [.. values.Select((v, i) => Sample(i, v))];
        var keys = new Dictionary<string, string> { ["distance"] = "8", ["impl"] = impl };
        return new PointResult(PointResult.IdOf(keys), keys, "ns per lock/unlock pair", "ns", Statistics.From(samples), samples, new Dictionary<string, double> { ["penalty"] = 4.5 });
    }

    public static ExperimentResult Experiment(string name = "falseshare", ExperimentStatus status = ExperimentStatus.Completed) => new(
        name,
        "A title",
        status,
        status == ExperimentStatus.Completed ? null : "why not",
        new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero),
        1.5,
        new Dictionary<string, string> { ["samples"] = "5" },
        [Point("managed", 10, 11, 12, 11, 10), Point("native", 9, 9.5, 10, 9, 9)],
        [new Verdict("A claim.", "a figure", VerdictOutcome.Confirmed, "because")],
        ["a note"])
    {
        Timelines =
        [
            new Timeline(
                "policy=2015 mode=deterministic",
                new Dictionary<string, string> { ["policy"] = "2015", ["mode"] = "deterministic" },
                "ticks",
                "free pages",
                [new TimelinePoint(0, 4096), new TimelinePoint(100, 300), new TimelinePoint(200, 256)],
                new Dictionary<string, double> { ["min"] = 256, ["low"] = 320, ["high"] = 384 },
                [new TimelineMarker(150, "oom-kill", "Out of memory: Kill process 3")],
                0),
        ],
        Scaling = Curves(),
    };

    /// <summary>A curve on the law itself (σ 0.05, κ 0.001, so fitted), and one of two worker counts (so not).</summary>
    public static IReadOnlyList<ScalingCurve> Curves() =>
    [
        ScalingCurve.Fitted(
            new Dictionary<string, string> { ["impl"] = "managed" }, "ops/s", [.. new[] { 1, 2, 4, 8, 16 }.Select(n => new ScalingPoint(n, UniversalScalabilityLaw.Throughput(1e6, 0.05, 0.001, n)))]),
        ScalingCurve.Fitted(new Dictionary<string, string> { ["impl"] = "native" }, "ops/s", [new ScalingPoint(1, 1e6), new ScalingPoint(2, 1.9e6)]),
    ];

    public static MachineInfo Machine() => new(
        "testhost", "Test CPU", "6.18.0", ".NET 10", "Linux", true, "KVMKVMKVM", CpuSet.Parse("0-1"), CpuSet.Parse("0-1"), 1, 2, 1, 1, 64,
        [new CounterStatus("task-clock", true, null), new CounterStatus("cycles", false, "no PMU here")], 20.5);

    public static ResultsDocument Document(params ExperimentResult[] experiments) => new(
        ResultsDocument.CurrentSchema,
        "0.1.0",
        new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 21, 12, 1, 0, TimeSpan.Zero),
        "hwlab suite",
        "default",
        Machine(),
        experiments.Length == 0 ? [Experiment()] : experiments,
        ["locks"]);
}
