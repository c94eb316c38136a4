using System.Text.Json;
using HwLab.Lab.Experiments;
using HwLab.Lab.Reports;
using HwLab.Native.Threading;

namespace HwLab.Lab.Results;

/// <summary>
/// Checks a parsed results document against schema hwlab.results/2, or /1 (docs/results-schema.md),
/// before it is bound to the model: every required field present, not null unless the schema
/// says it may be, of its JSON type; numbers finite; counts not negative; clean samples no more
/// than samples; a confidence interval whose ends are in order; known statuses and outcomes;
/// dates that parse; ids unique; the keys each known experiment's report reads (<see
/// cref="IExperimentReport.PointKeys"/>). What `hwlab report` and `hwlab compare` read has passed this, so
/// they never render or compare a figure they cannot trust; what fails is refused with one line
/// naming the field.
/// </summary>
internal static class ResultsValidator
{
    private static readonly string[] s_statuses = [.. JsonEnumNames<ExperimentStatus>.All];
    private static readonly string[] s_outcomes = [.. JsonEnumNames<VerdictOutcome>.All];
    private static readonly string[] s_decidedOutcomes = [.. new[] { VerdictOutcome.Confirmed, VerdictOutcome.Refuted, VerdictOutcome.Inconclusive }.Select(o => o.Text())];
    private static readonly string[] s_directions = ["above", "atMost", "within"];

    /// <exception cref="ResultsFormatException">The first field that breaks the schema, as "SOURCE: PATH: problem".</exception>
    public static void Validate(JsonElement root, string source, ExperimentCatalog catalog)
    {
        var document = new ResultsField(root, source, "");
        document.Property("hwlabVersion").String();
        document.Property("createdUtc").Date();
        document.Property("updatedUtc").Date();
        document.Property("commandLine").String();
        document.Property("profile").String();
        MachineFields(document.Property("machine"));
        var experiments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ResultsField experiment in document.Property("experiments").Items())
        {
            ExperimentFields(experiment, experiments, catalog);
        }
        Strings(document.Property("notRun"));
    }

    private static void MachineFields(ResultsField machine)
    {
        machine.Property("host").String();
        machine.Property("cpuModel").NullableString();
        machine.Property("kernelRelease").NullableString();
        machine.Property("runtime").String();
        machine.Property("os").String();
        machine.Property("hypervisor").Boolean();
        machine.Property("hypervisorVendor").NullableString();
        CpuList(machine.Property("online"));
        CpuList(machine.Property("usable"));
        foreach (string count in (string[])["packages", "cores", "threadsPerCore", "numaNodes", "lineSize"])
        {
            machine.Property(count).Count();
        }
        foreach (ResultsField counter in machine.Property("counters").Items())
        {
            counter.Property("name").String();
            counter.Property("available").Boolean();
            counter.Property("unavailableReason").NullableString();
        }
        machine.Property("clockReadNanoseconds").NonNegativeNumber();
    }

    private static void ExperimentFields(ResultsField experiment, Dictionary<string, string> seen, ExperimentCatalog catalog)
    {
        string name = Unique(experiment.Property("name"), seen);
        IExperimentReport report = catalog.ReportOf(name);
        experiment.Property("title").String();
        Known(experiment.Property("status"), s_statuses, "status");
        experiment.Property("error").NullableString();
        experiment.Property("startedUtc").Date();
        experiment.Property("durationSeconds").NonNegativeNumber();
        StringMap(experiment.Property("parameters"));
        var points = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ResultsField point in experiment.Property("points").Items())
        {
            PointFields(point, points);
            report.PointKeys.Check(point.Property("keys"));
        }
        foreach (ResultsField verdict in experiment.Property("verdicts").Items())
        {
            VerdictFields(verdict);
        }
        Strings(experiment.Property("notes"));
        if (experiment.Optional("sampling") is { IsNull: false } sampling)
        {
            SamplingFields(sampling);
        }
        foreach (ResultsField timeline in experiment.Optional("timelines")?.Items() ?? [])
        {
            TimelineFields(timeline);
            report.TimelineKeys.Check(timeline.Property("keys"));
        }
        var curves = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ResultsField curve in experiment.Optional("scaling")?.Items() ?? [])
        {
            ScalingFields(curve, curves);
        }
    }

    // A curve has a fit or says why it has none, never both; the fit's parameters are those the law allows.
    private static void ScalingFields(ResultsField curve, Dictionary<string, string> seen)
    {
        Unique(curve.Property("id"), seen);
        StringMap(curve.Property("keys"));
        curve.Property("unit").String();
        foreach (ResultsField point in curve.Property("points").Items())
        {
            if (point.Property("workers").Count() < 1)
            {
                throw point.Property("workers").Fail("must be 1 or more");
            }
            point.Property("throughput").Number();
        }
        ResultsField fit = curve.Property("fit");
        string? why = curve.Property("noFitReason").NullableString();
        if (fit.IsNull == why is null)
        {
            throw curve.Fail(fit.IsNull ? "has neither a fit nor a noFitReason" : "has both a fit and a noFitReason");
        }
        if (fit.IsNull)
        {
            return;
        }
        if (!(fit.Property("lambda").Number() > 0))
        {
            throw fit.Property("lambda").Fail("must be positive");
        }
        fit.Property("sigma").NonNegativeNumber();
        fit.Property("kappa").NonNegativeNumber();
        double? peak = fit.Property("peakWorkers").NullableNumber();
        if (peak < 1)
        {
            throw fit.Property("peakWorkers").Fail("must be 1 or more");
        }
        if (fit.Property("peakThroughput").NullableNumber() is null != peak is null)
        {
            throw fit.Fail("peakWorkers and peakThroughput are null together or not at all");
        }
        fit.Property("rSquared").NullableNumber();
        fit.Property("maxRelativeResidual").NonNegativeNumber();
    }

    private static void PointFields(ResultsField point, Dictionary<string, string> seen)
    {
        Unique(point.Property("id"), seen);
        StringMap(point.Property("keys"));
        point.Property("metric").String();
        point.Property("unit").String();
        StatisticsFields(point.Property("stats"));
        foreach (ResultsField sample in point.Property("samples").Items())
        {
            SampleFields(sample);
        }
        FigureMap(point.Property("derived"));
    }

    private static void StatisticsFields(ResultsField stats)
    {
        int n = stats.Property("n").Count();
        int clean = stats.Property("clean").Count();
        if (clean > n)
        {
            throw stats.Fail($"clean {clean} is more than n {n}");
        }
        stats.Property("basis").String();
        foreach (string figure in (string[])["median", "min", "max", "mean", "coefficientOfVariation"])
        {
            stats.Property(figure).Number();
        }
        stats.Property("standardDeviation").NonNegativeNumber();
        double? lower = stats.Property("medianCiLower").NullableNumber();
        double? upper = stats.Property("medianCiUpper").NullableNumber();
        if (lower > upper)
        {
            throw stats.Fail(FormattableString.Invariant($"medianCiLower {lower} is more than medianCiUpper {upper}"));
        }
    }

    private static void SampleFields(ResultsField sample)
    {
        sample.Property("index").Count();
        sample.Property("value").Number();
        sample.Property("operations").LongCount();
        sample.Property("elapsedNanoseconds").NonNegativeNumber();
        Strings(sample.Property("flags"));
        // Written for readers of the file; the model computes it from the flags.
        sample.Optional("isClean")?.Boolean();
        sample.Property("garbageCollections").Count();
        sample.Property("jitCompilations").LongCount();
        foreach (ResultsField worker in sample.Property("workers").Items())
        {
            worker.Property("worker").Count();
            worker.Property("cpu").Count();
            worker.Property("operations").LongCount();
            worker.Property("elapsedNanoseconds").NonNegativeNumber();
            worker.Property("onCpuNanoseconds").NullableLongCount();
            worker.Property("migrations").NullableLongCount();
            worker.Property("contextSwitches").NullableLongCount();
        }
        FigureMap(sample.Property("extras"));
    }

    private static void VerdictFields(ResultsField verdict)
    {
        verdict.Property("claim").String();
        verdict.Property("measured").String();
        Known(verdict.Property("outcome"), s_outcomes, "outcome");
        verdict.Property("why").String();
        verdict.Optional("topic")?.NullableString();
        if (verdict.Optional("source") is { } source && string.IsNullOrWhiteSpace(source.String()))
        {
            throw source.Fail("must name the mail, commit or document, or be left out");
        }
        // Version 2: the rule and the interval that decided it, all null for a verdict not decided by one.
        verdict.Optional("figureName")?.NullableString();
        verdict.Optional("figure")?.NullableNumber();
        verdict.Optional("threshold")?.NullableNumber();
        if (verdict.Optional("margin")?.NullableNumber() < 0)
        {
            throw verdict.Property("margin").Fail("must not be negative");
        }
        if (verdict.Optional("direction") is { IsNull: false } direction)
        {
            Known(direction, s_directions, "direction");
        }
        verdict.Optional("samplesUsed")?.NullableLongCount();
        double? lower = verdict.Optional("ciLower")?.NullableNumber();
        double? upper = verdict.Optional("ciUpper")?.NullableNumber();
        if (lower > upper)
        {
            throw verdict.Fail(FormattableString.Invariant($"ciLower {lower} is more than ciUpper {upper}"));
        }
        if (verdict.Optional("groups") is { IsNull: false } groups)
        {
            foreach (ResultsField group in groups.Items())
            {
                group.Property("placement").String();
                group.Property("placementNs").NonNegativeNumber();
                Known(group.Property("outcome"), s_decidedOutcomes, "outcome");
                group.Property("figure").Number();
                double? low = group.Property("ciLower").NullableNumber();
                double? high = group.Property("ciUpper").NullableNumber();
                if (low > high)
                {
                    throw group.Fail(FormattableString.Invariant($"ciLower {low} is more than ciUpper {high}"));
                }
                group.Property("samplesUsed").Count();
            }
        }
    }

    private static void SamplingFields(ResultsField sampling)
    {
        // An interrupted experiment may hold fewer rounds than its minimum, so the two are not compared.
        sampling.Property("minRounds").Count();
        sampling.Property("rounds").Count();
        Known(sampling.Property("stopReason"), [.. SamplingSummary.Reasons], "stopReason");
        sampling.Property("budgetSeconds").NonNegativeNumber();
        sampling.Property("extraSeconds").NonNegativeNumber();
    }

    private static void TimelineFields(ResultsField timeline)
    {
        timeline.Property("id").String();
        StringMap(timeline.Property("keys"));
        timeline.Property("xUnit").String();
        timeline.Property("yUnit").String();
        foreach (ResultsField point in timeline.Property("points").Items())
        {
            point.Property("x").Number();
            point.Property("y").Number();
        }
        foreach ((_, ResultsField level) in timeline.Property("levels").Members())
        {
            level.Number();
        }
        foreach (ResultsField marker in timeline.Property("markers").Items())
        {
            marker.Property("x").Number();
            marker.Property("kind").String();
            marker.Property("label").String();
        }
        timeline.Property("markersLeftOut").Count();
    }

    private static void CpuList(ResultsField field)
    {
        if (!CpuSet.TryParse(field.String(), out _, out string? error))
        {
            throw field.Fail(error);
        }
    }

    private static void Known(ResultsField field, string[] known, string what)
    {
        string value = field.String();
        if (!known.Contains(value, StringComparer.Ordinal))
        {
            throw field.Fail($"unknown {what} {OneLineText.Quoted(value)} (expected {string.Join(", ", known[..^1])} or {known[^1]})");
        }
    }

    // Experiment names and point ids are what reports and comparisons look things up by.
    private static string Unique(ResultsField field, Dictionary<string, string> seen)
    {
        string value = field.String();
        int dot = field.Path.LastIndexOf('.');
        return seen.TryAdd(value, field.Path[..dot]) ? value : throw field.Fail($"{OneLineText.Quoted(value)} is also the {field.Path[(dot + 1)..]} of {seen[value]}");
    }

    private static void Strings(ResultsField array)
    {
        foreach (ResultsField item in array.Items())
        {
            item.String();
        }
    }

    private static void StringMap(ResultsField map)
    {
        foreach ((_, ResultsField value) in map.Members())
        {
            value.String();
        }
    }

    // derived and extras: finite figures, or "NaN" for one that is not defined (documents written
    // before HwLab left such a figure out hold it, as the reserve experiment's timeToRecoverTicks).
    private static void FigureMap(ResultsField map)
    {
        foreach ((_, ResultsField value) in map.Members())
        {
            value.NumberOrNotDefined();
        }
    }
}
