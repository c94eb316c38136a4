using System.Text.Json.Serialization;

namespace HwLab.Lab.Results;

/// <summary>How an experiment's run ended; results.json and the reports write it as the word each value names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExperimentStatus>))]
public enum ExperimentStatus
{
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>It ran and failed; the result's error says why.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Ctrl+C or a signal stopped it; what was measured before is kept.</summary>
    [JsonStringEnumMemberName("interrupted")]
    Interrupted,

    /// <summary>This machine cannot run it (too few CPUs), with why.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,
}
