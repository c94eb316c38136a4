using System.Globalization;
using HwLab.Lab.Experiments.FalseShare;
using Group = HwLab.Lab.Experiments.FalseShare.SharingGroup;
using HwLab.Lab.Experiments.Planning;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Lab.Experiments.Check;

public sealed partial class CheckExperiment
{
    /// <summary>Every layout variant in every lock for each placed group of k workers; declared and column order may share lines, padded ones do not.</summary>
    public override RunShape Shape(CheckSettings settings, CpuTopology topology)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(topology);
        IReadOnlyList<Group> groups = Groups(settings, topology).Groups;
        long implementations = Implementations.Count;
        int perLine = CheckVariants.ObjectsPerLine(_target.Layout.Size, topology.LineSize);
        VariantRuns[] runs =
        [
            .. groups.Select(g => new VariantRuns(
                $"k = {g.Sharers} {g.Placement.Name()}, declared", implementations, g.Sharers, OperationKind.SharedLinePair, settings.OperationsPerWorker, Sharers: Math.Min(g.Sharers, perLine))),
            .. groups.Select(g => new VariantRuns(
                $"k = {g.Sharers} {g.Placement.Name()}, padded and column", RunBudget.Product(3, implementations), g.Sharers, OperationKind.LockPair, settings.OperationsPerWorker)),
        ];
        return new RunShape(
            groups.Select(g => g.Sharers).DefaultIfEmpty(0).Max(),
            RunBudget.Product(groups.Count, CheckVariants.Names.Count, implementations),
            RunBudget.RunsPerPoint(settings.Samples),
            runs,
            [
                ("struct", $"{_target.Layout.Name}, {_target.Layout.Size} bytes, {perLine} per {topology.LineSize}-byte line"),
                ("lock", _target.LockSpec),
                ("groups", groups.Count == 0 ? "none on this machine" : string.Join(", ", groups.Select(g => $"k = {g.Sharers} {g.Placement.Name()}"))),
                ("objects per array", settings.Count.ToString(CultureInfo.InvariantCulture)),
                ("lock pairs per worker per sample", settings.OperationsPerWorker.ToString(CultureInfo.InvariantCulture)),
            ]);
    }

    protected override CheckSettings WithWorkScaled(CheckSettings settings, double factor)
        => settings with { OperationsPerWorker = Math.Max(CheckSettings.OperationsRange.Min * 10, (long)(settings.OperationsPerWorker * factor)) };
}
