using System.Globalization;
using HwLab.Lab.Decisions;
using HwLab.Lab.Experiments.FalseShare;
using Group = HwLab.Lab.Experiments.FalseShare.SharingGroup;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Results;
using HwLab.Native;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Check;

public sealed partial class CheckExperiment
{
    /// <summary>
    /// Whether the declared layout falsely shares: per round, the declared objects' ns per pair over
    /// the padded-to-one-line objects', for the most workers placed in one L3 where the machine has
    /// it; with a native lock, the smaller of the managed and native ratios, so both must pay it.
    /// </summary>
    private Claim FalseSharingClaim(Group decisive)
    {
        string[] impls = [.. Implementations];
        return new Claim(
            "check.false-sharing",
            DecisionRule.Above($"declared over padded-line ns per pair per round, k = {decisive.Sharers} {decisive.Placement.Name()}{(impls.Length > 1 ? ", the smaller of managed and native" : ", managed")}", FalseSharingThreshold),
            points =>
            {
                PointResult?[] needed = [.. impls.SelectMany(i => new[] { Find(points, decisive, CheckVariant.Declared, i), Find(points, decisive, CheckVariant.PaddedLine, i) })];
                return needed.Any(p => p is null)
                    ? null
                    : RoundFigures.PerRound([.. needed.Select(p => p!)], r => Enumerable.Range(0, impls.Length).Min(i => r[2 * i].Value / r[(2 * i) + 1].Value));
            });
    }

    private static PointResult? Find(IReadOnlyList<PointResult> points, Group group, CheckVariant variant, string impl)
        => points.SingleOrDefault(p => p.Key(CheckKeys.Sharers) == group.Sharers.ToString(CultureInfo.InvariantCulture)
            && p.Key(CheckKeys.Placement) == group.Placement.Name()
            && p.Key(CheckKeys.Variant) == variant.Name()
            && p.Key(CheckKeys.Impl) == impl);

    /// <summary>The penalty against padded-to-one-line (same k, placement and lock) and the bytes a million objects take.</summary>
    private PointResult WithFigures(PointResult point, IReadOnlyList<PointResult> all, int lineSize)
    {
        PointResult reference = all.Single(p => p.Key(CheckKeys.Sharers) == point.Key(CheckKeys.Sharers)
            && p.Key(CheckKeys.Placement) == point.Key(CheckKeys.Placement)
            && p.Key(CheckKeys.Impl) == point.Key(CheckKeys.Impl)
            && p.Key(CheckKeys.Variant) == CheckVariant.PaddedLine.Name());
        CheckVariant variant = (CheckVariant)CheckVariants.Names.ToList().IndexOf(point.Key(CheckKeys.Variant));
        return point with
        {
            Derived = new Dictionary<string, double>
            {
                [CheckKeys.Penalty] = PointFigures.Ratio(point.Stats, reference.Stats),
                [CheckKeys.BytesPerMillion] = BytesPerMillion(variant, lineSize),
            },
        };
    }

    private double BytesPerMillion(CheckVariant variant, int lineSize) => variant.Stride(_target.Layout.Size, lineSize) * 1e6;

    private List<Verdict> Verdicts(IReadOnlyList<PointResult> points, Claim claim, Group decisive, int lineSize)
    {
        int size = _target.Layout.Size;
        int perLine = CheckVariants.ObjectsPerLine(size, lineSize);
        string name = _target.Layout.Name;
        var verdicts = new List<Verdict>();
        string claimText = $"The declared layout of {name} ({size} bytes, {perLine} whole in a {lineSize}-byte line) falsely shares on this machine: k = {decisive.Sharers} workers locking adjacent objects pay more than {FalseSharingThreshold:0.00}x of the same objects padded to one line.";
        PointResult? declared = Find(points, decisive, CheckVariant.Declared, Managed);
        if (claim.Decide(points) is { } decision && declared is not null)
        {
            string measured = string.Join("; ", Implementations.Select(i => Find(points, decisive, CheckVariant.Declared, i)).Where(p => p is not null)
                .Select(p => $"{p!.Key(CheckKeys.Impl)} {PointFigures.Describe(p.Stats, "ns")} per pair, {PointFigures.Times(p.Derived[CheckKeys.Penalty])} of padded"));
            verdicts.Add(Verdict.Decided(claimText, $"k = {decisive.Sharers} {decisive.Placement.Name()} ({decisive.Relation.Name()}): {measured}", decision));
        }
        else
        {
            verdicts.Add(new Verdict(claimText, "-", VerdictOutcome.NotMeasurable, "The declared and padded points of the largest k were not all measured."));
        }
        verdicts.Add(PenaltyTable(points));
        if (Fix(points, decisive, lineSize) is { } fix)
        {
            verdicts.Add(fix);
        }
        return verdicts;
    }

    /// <summary>Every penalty side by side, by k and where the workers sit: a figure, not a claim.</summary>
    private static Verdict PenaltyTable(IReadOnlyList<PointResult> points)
    {
        IEnumerable<string> cells = points
            .Where(p => p.Key(CheckKeys.Variant) != CheckVariant.PaddedLine.Name())
            .GroupBy(p => (K: int.Parse(p.Key(CheckKeys.Sharers), CultureInfo.InvariantCulture), Placement: p.Key(CheckKeys.Placement), Relation: p.Key(CheckKeys.Relation)))
            .OrderBy(g => g.Key.K).ThenBy(g => SharingPlacements.Names.ToList().IndexOf(g.Key.Placement))
            .Select(g => $"k = {g.Key.K} {g.Key.Placement} ({g.Key.Relation}): " + string.Join(", ", g.Select(p => $"{p.Key(CheckKeys.Variant)} {p.Key(CheckKeys.Impl)} {PointFigures.Times(p.Derived[CheckKeys.Penalty])}")));
        return new Verdict(
            "Penalty of each layout against padded to one line, by workers and where they sit.",
            string.Join("; ", cells),
            VerdictOutcome.Info,
            "Each penalty is the k workers' median ns per lock/unlock pair over the same workers' with every object padded to one line, in the same lock; the relation is the farthest between two of the workers.");
    }

    /// <summary>What the cheapest fix buys: column order keeps the declared size; padding costs memory.</summary>
    private Verdict? Fix(IReadOnlyList<PointResult> points, Group decisive, int lineSize)
    {
        PointResult? column = Find(points, decisive, CheckVariant.Column, Managed);
        PointResult? declared = Find(points, decisive, CheckVariant.Declared, Managed);
        if (column is null || declared is null)
        {
            return null;
        }
        double extra = BytesPerMillion(CheckVariant.PaddedLine, lineSize) - BytesPerMillion(CheckVariant.Declared, lineSize);
        double extraTwo = BytesPerMillion(CheckVariant.PaddedTwoLines, lineSize) - BytesPerMillion(CheckVariant.Declared, lineSize);
        return new Verdict(
            "The cheapest fix: column order costs no memory; padding costs memory per object.",
            string.Create(CultureInfo.InvariantCulture, $"k = {decisive.Sharers} {decisive.Placement.Name()}, managed: declared {PointFigures.Times(declared.Derived[CheckKeys.Penalty])}, column order {PointFigures.Times(column.Derived[CheckKeys.Penalty])} of padded at no extra memory ({ByteSize.Format((long)BytesPerMillion(CheckVariant.Declared, lineSize))} per million objects); padding to one line costs {ByteSize.Format((long)extra)} more per million objects, to two lines {ByteSize.Format((long)extraTwo)} more"),
            VerdictOutcome.Info,
            "Column order helps only where the code can choose which objects the CPUs take (as the seed's free-cluster list does); padding helps wherever the objects are.");
    }

    private List<string> Notes(CheckSettings settings, CpuTopology topology, IReadOnlyList<Group> groups, IReadOnlyList<string> missing)
    {
        int size = _target.Layout.Size;
        var notes = new List<string>
        {
            $"{_target.Layout.Name}: {size} bytes, aligned to {_target.Layout.Align}; lock {_target.LockSpec}; the critical section adds 1 to {(_target.Touches.Count == 0 ? "nothing (lock and unlock only)" : string.Join(", ", _target.Touches.Select(t => t.Field)))}.",
            $"Each variant is one page-aligned array of {settings.Count} objects: declared and column at {size} bytes apart, padded at {CheckVariant.PaddedLine.Stride(size, topology.LineSize)} and {CheckVariant.PaddedTwoLines.Stride(size, topology.LineSize)}; in column order worker i owns object i x {CheckVariants.ObjectsPerLine(size, topology.LineSize)}.",
            $"Workers: {string.Join("; ", groups.Select(g => $"k = {g.Sharers} {g.Placement.Name()} on CPUs {SettingsText.Cpus(g.Cpus)}"))}.",
            _target.HasNative
                ? "managed: the lock in C# (Interlocked); native: the same lock compiled from C in libhwlab_native, one call per lock and per unlock (the call's cost is in every variant, so it dilutes the penalty rather than adds to it)."
                : "managed only: libhwlab_native has no form of this lock (it has lock bts on 8-byte words and the queued spinlock).",
        };
        if (missing.Count > 0)
        {
            notes.Add($"Not placed on this machine: {string.Join("; ", missing)}.");
        }
        if (topology.Hypervisor.Present)
        {
            notes.Add("This is a virtual machine: its vCPUs are host threads, and the host decides which cores share caches with them.");
        }
        return notes;
    }
}
