using System.Text.Json.Serialization;

namespace HwLab.Lab.Results;

/// <summary>What came of a claim; results.json and the reports write it as the word each value names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerdictOutcome>))]
public enum VerdictOutcome
{
    /// <summary>The figure's whole interval lies on the claimed side.</summary>
    [JsonStringEnumMemberName("confirmed")]
    Confirmed,

    /// <summary>The whole interval lies on the other side (for a "no effect" claim, outside its band).</summary>
    [JsonStringEnumMemberName("refuted")]
    Refuted,

    /// <summary>The figure's interval straddles the claim's threshold: this run's evidence decides neither way.</summary>
    [JsonStringEnumMemberName("inconclusive")]
    Inconclusive,

    /// <summary>The machine lacks what the claim needs (a second socket, SMT, two CPUs).</summary>
    [JsonStringEnumMemberName("not measurable")]
    NotMeasurable,

    /// <summary>A figure reported for what it is, with no threshold to decide against.</summary>
    [JsonStringEnumMemberName("info")]
    Info,
}
