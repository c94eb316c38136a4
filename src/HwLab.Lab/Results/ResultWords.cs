namespace HwLab.Lab.Results;

/// <summary>The words results.json writes for outcomes and statuses, for the reports and the console to print the same.</summary>
public static class ResultWords
{
    /// <summary>"confirmed", "not measurable".</summary>
    public static string Text(this VerdictOutcome outcome) => JsonEnumNames<VerdictOutcome>.Of(outcome);

    /// <summary>"completed", "interrupted".</summary>
    public static string Text(this ExperimentStatus status) => JsonEnumNames<ExperimentStatus>.Of(status);
}
