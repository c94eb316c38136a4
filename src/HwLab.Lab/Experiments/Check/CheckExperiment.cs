using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Engine;
using Group = HwLab.Lab.Experiments.FalseShare.SharingGroup;
using HwLab.Lab.Experiments.FalseShare;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Reports;
using HwLab.Lab.Results;
using HwLab.Lab.Workloads;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Check;

/// <summary>
/// `hwlab check`: a user's struct with a lock in one of its words, packed by the thousand in an
/// array, measured on this machine. k pinned workers each lock their own object and update the
/// touched fields, with the objects as declared (adjacent), padded to one or two lines, or used in
/// column order; each against padded-to-one-line, managed and native where the lock has a native form.
/// Run on demand, never by the suite: it needs a layout.
/// </summary>
public sealed partial class CheckExperiment : Experiment<CheckSettings>
{
    public const string ExperimentName = "check";
    public const string Managed = "managed";
    public const string Native = "native";

    /// <summary>Above this penalty of the declared layout over padded-to-one-line, the declared layout falsely shares.</summary>
    public const double FalseSharingThreshold = 1.10;

    private readonly CheckTarget _target;

    public CheckExperiment(CheckTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
    }

    public override string Name => ExperimentName;

    public override string Title => $"Check: {_target.Layout.Name} with {_target.LockSpec}";

    public override string Description
        => "Pinned workers each lock their own object of an array of the given struct and update its touched fields, with the objects as declared, padded to one or two lines, or in column order; the penalty against padded to one line, and what each layout costs in memory.";

    /// <summary>The section every check result gets in the reports, whatever it checked.</summary>
    public static IExperimentReport Section { get; } = new CheckReport();

    public override IExperimentReport Report => Section;

    public override IReadOnlyList<SettingOption> Options => MeasuringOptions;

    /// <summary>The options of every check, whatever it checks: --cpus, --count, --samples, --ops.</summary>
    public static IReadOnlyList<SettingOption> MeasuringOptions => CheckOptions.All;

    public override CheckSettings DefaultSettings(SuiteProfile profile, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return CheckSettings.ForProfile(profile, [.. topology.Usable]);
    }

    public override void Validate(CheckSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(topology);
        SettingChecks.EnsureUsableCpus(topology, CpuSet.Of(settings.Candidates), 2, "--cpus");
        ExperimentLimits.Samples.Ensure(settings.Samples, "--samples");
        CheckSettings.OperationsRange.Ensure(settings.OperationsPerWorker, "--ops");
        CheckSettings.CountRange.Ensure(settings.Count, "--count");
        if (Groups(settings, topology) is { Groups.Count: 0 } none)
        {
            throw new ExperimentSettingsException($"check cannot place 2 workers on separate cores of CPUs {SettingsText.Cpus(settings.Candidates)}: {string.Join("; ", none.Missing)}.");
        }
        int most = Sharers(settings, topology).DefaultIfEmpty(2).Max();
        long needed = ((long)(most - 1) * CheckVariants.ObjectsPerLine(_target.Layout.Size, topology.LineSize)) + 1;
        if (settings.Count < needed)
        {
            throw new ExperimentSettingsException($"--count {settings.Count}: column order for {most} workers needs at least {needed} objects.");
        }
        EnsureBudget(settings, topology);
    }

    // Every group, variant and lock is a point with its own array, all alive for the whole run.
    private void EnsureBudget(CheckSettings settings, CpuTopology topology)
    {
        IReadOnlyList<Group> groups = Groups(settings, topology).Groups;
        long points = RunBudget.Product(groups.Count, CheckVariants.Names.Count, Implementations.Count);
        const string lower = "--samples, --ops or --cpus";
        RunBudget.EnsureLockPairDuration(points, settings.Samples, settings.OperationsPerWorker, Name, lower);
        RunBudget.EnsureWorkerSamples(
            RunBudget.Sum([.. groups.Select(g => RunBudget.Product(CheckVariants.Names.Count, Implementations.Count, settings.Samples, g.Sharers))]), Name, $"{points} points, {settings.Samples} samples", lower);
        long bytes = RunBudget.Product(
            groups.Count, Implementations.Count, RunBudget.Sum([.. Enum.GetValues<CheckVariant>().Select(v => RunBudget.Product(settings.Count, v.Stride(_target.Layout.Size, topology.LineSize)))]));
        RunBudget.EnsureMemory(bytes, Name, $"an array of {settings.Count} objects per variant, lock and group of workers", "--count or --cpus");
    }

    protected override CheckSettings WithOptions(CheckSettings defaults, SuiteProfile profile, CpuTopology topology, ISettingValues given)
        => CheckOptions.Apply(defaults, given);

    protected override IReadOnlyDictionary<string, string> Describe(CheckSettings settings) => new Dictionary<string, string>
    {
        ["struct"] = _target.Layout.Name,
        ["size"] = _target.Layout.Size.ToString(CultureInfo.InvariantCulture),
        ["align"] = _target.Layout.Align.ToString(CultureInfo.InvariantCulture),
        ["lock"] = _target.LockSpec,
        ["touch"] = string.Join(',', _target.Touches.Select(t => t.Field)),
        ["count"] = settings.Count.ToString(CultureInfo.InvariantCulture),
        ["candidates"] = SettingsText.Cpus(settings.Candidates),
        ["operationsPerWorker"] = settings.OperationsPerWorker.ToString(CultureInfo.InvariantCulture),
        ["samples"] = settings.Samples.ToString(CultureInfo.InvariantCulture),
        ["implementations"] = string.Join(',', Implementations),
    };

    /// <summary>The managed lock, and the native one where libhwlab_native has it.</summary>
    private IReadOnlyList<string> Implementations => _target.HasNative ? [Managed, Native] : [Managed];

    /// <summary>k = 2, 4, ... up to the objects whole in one line (at least 2), at most the candidate CPUs.</summary>
    private IEnumerable<int> Sharers(CheckSettings settings, CpuTopology topology)
    {
        int most = Math.Min(settings.Candidates.Distinct().Count(), Math.Max(2, CheckVariants.ObjectsPerLine(_target.Layout.Size, topology.LineSize)));
        for (int k = 2; k <= most; k *= 2)
        {
            yield return k;
        }
    }

    protected override Measurement Measure(CheckSettings settings, ExperimentContext context)
    {
        CpuTopology topology = context.Topology;
        (IReadOnlyList<Group> groups, IReadOnlyList<string> missing) = Groups(settings, topology);
        var workloads = new List<IClusterWorkload>();
        try
        {
            List<Variant> variants = [.. groups.SelectMany(g => VariantsOf(g, settings, topology.LineSize, workloads))];
            Group decisive = groups.MaxBy(g => g.Sharers)!;
            Claim claim = FalseSharingClaim(decisive);
            SamplingOutcome sampled = Sample(variants, settings.Samples, context, measured => Claim.DecideAll([claim], measured));
            List<PointResult> points = [.. sampled.Points.Select(p => WithFigures(p, sampled.Points, topology.LineSize))];
            return new Measurement(points, Verdicts(points, claim, decisive, topology.LineSize), Notes(settings, topology, groups, missing)) { Sampling = sampled.Summary };
        }
        finally
        {
            workloads.ForEach(w => w.Dispose());
        }
    }

    private IEnumerable<Variant> VariantsOf(Group group, CheckSettings settings, int lineSize, List<IClusterWorkload> workloads)
    {
        int size = _target.Layout.Size;
        foreach (CheckVariant layout in Enum.GetValues<CheckVariant>())
        {
            int[] objectOf = [.. Enumerable.Range(0, group.Sharers).Select(w => layout.ObjectOf(w, size, lineSize))];
            foreach (string impl in Implementations)
            {
                IClusterWorkload workload = Workload(impl, objectOf, settings.Count, layout.Stride(size, lineSize), lineSize);
                workloads.Add(workload);
                yield return group.LockPairs(CheckKeys.Variant, layout.Name(), impl, workload, settings.OperationsPerWorker);
            }
        }
    }

    private IClusterWorkload Workload(string impl, int[] objectOf, long count, int stride, int lineSize) => (_target.Kind, impl, _target.WordSize) switch
    {
        (CheckLockKind.Bit, Native, _) => new LayoutLockWorkload<NativeBitLock64>(_target, objectOf, count, stride, null),
        (CheckLockKind.Bit, _, sizeof(ulong)) => new LayoutLockWorkload<ManagedBitLock64>(_target, objectOf, count, stride, null),
        (CheckLockKind.Bit, _, _) => new LayoutLockWorkload<ManagedBitLock32>(_target, objectOf, count, stride, null),
        (CheckLockKind.SpinLock, Native, _) => new LayoutLockWorkload<NativeQueuedLock>(_target, objectOf, count, stride, lineSize),
        (CheckLockKind.SpinLock, _, _) => new LayoutLockWorkload<ManagedQueuedLock>(_target, objectOf, count, stride, lineSize),
        _ => new LayoutLockWorkload<TicketWordLock>(_target, objectOf, count, stride, null),
    };

    /// <summary>Every k in every placement this machine has, with falseshare's choice of CPUs; for the rest why not.</summary>
    private (IReadOnlyList<Group> Groups, IReadOnlyList<string> Missing) Groups(CheckSettings settings, CpuTopology topology)
        => SharingGroups.PlaceAll(topology, settings.Candidates, Sharers(settings, topology), Enum.GetValues<SharingPlacement>());
}
