namespace HwLab.Lab.Results;

/// <summary>
/// A quantity over time from one run, for the report's charts: free pages against the
/// watermarks, say, with the moments that mattered marked on it.
/// </summary>
/// <param name="Id">Unique within the experiment, built from the keys.</param>
/// <param name="Levels">Horizontal reference lines by name (min, low, high).</param>
/// <param name="Markers">Events on the time axis: an OOM kill, a warning.</param>
/// <param name="MarkersLeftOut">Markers beyond the cap that were not kept (their count only).</param>
public sealed record Timeline(
    string Id,
    IReadOnlyDictionary<string, string> Keys,
    string XUnit,
    string YUnit,
    IReadOnlyList<TimelinePoint> Points,
    IReadOnlyDictionary<string, double> Levels,
    IReadOnlyList<TimelineMarker> Markers,
    int MarkersLeftOut);

/// <summary>One reading of a timeline.</summary>
public sealed record TimelinePoint(double X, double Y);

/// <summary>A moment on a timeline.</summary>
/// <param name="Kind">What happened, as a short tag: oom-kill, warning, reaped, exited.</param>
public sealed record TimelineMarker(double X, string Kind, string Label);
