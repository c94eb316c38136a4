namespace HwLab.Lab.Results;

/// <summary>
/// How an experiment's sampling went: the rounds it had to take (--samples), the rounds it took,
/// and why it stopped adding rounds.
/// </summary>
/// <param name="MinRounds">The minimum, taken whatever the verdicts say.</param>
/// <param name="Rounds">Rounds taken in all.</param>
/// <param name="StopReason">One of <see cref="Decided"/>, <see cref="Budget"/>, <see cref="NotNarrowing"/>, <see cref="RoundLimit"/>.</param>
/// <param name="BudgetSeconds">Time the experiment could spend on rounds past the minimum.</param>
/// <param name="ExtraSeconds">Time it did spend on them.</param>
public sealed record SamplingSummary(int MinRounds, int Rounds, string StopReason, double BudgetSeconds, double ExtraSeconds)
{
    /// <summary>Every claim the experiment decides by interval is decided (or it has none).</summary>
    public const string Decided = "decided";

    /// <summary>The next round would have gone past the time budget.</summary>
    public const string Budget = "budget";

    /// <summary>The undecided claims' intervals stopped narrowing: more rounds would not decide them.</summary>
    public const string NotNarrowing = "no longer narrowing";

    /// <summary>The most rounds a point may hold (--samples' upper bound).</summary>
    public const string RoundLimit = "round limit";

    public static IReadOnlyList<string> Reasons { get; } = [Decided, Budget, NotNarrowing, RoundLimit];
}
