namespace HwLab.Lab.Results;

/// <summary>
/// One measured point of an experiment (one distance, one lock kind, one CPU pair...): what it is,
/// every sample, and the statistics over them.
/// </summary>
/// <param name="Id">Unique within the experiment, built from the keys: <c>distance=8 impl=managed</c>.</param>
/// <param name="Keys">What the point varies, as name/value pairs.</param>
/// <param name="Metric">What each sample's value is, in words: "ns per lock/unlock pair".</param>
/// <param name="Unit">The value's unit: ns, ops/s, ratio.</param>
/// <param name="Derived">Figures computed from this point and others (a penalty against a baseline, a fairness spread).</param>
public sealed record PointResult(
    string Id,
    IReadOnlyDictionary<string, string> Keys,
    string Metric,
    string Unit,
    Statistics Stats,
    IReadOnlyList<SampleRecord> Samples,
    IReadOnlyDictionary<string, double> Derived)
{
    public string Key(string name) => Keys.TryGetValue(name, out string? value) ? value : throw new KeyNotFoundException($"Point {Id} has no key {name}.");

    public static string IdOf(IReadOnlyDictionary<string, string> keys) => string.Join(' ', keys.Select(k => $"{k.Key}={k.Value}"));
}
