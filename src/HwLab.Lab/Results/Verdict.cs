namespace HwLab.Lab.Results;

/// <summary>A claim tested against the figures measured here, and what came of it.</summary>
/// <param name="Claim">The claim in words, with its source where it has one ("the seed patch: ...").</param>
/// <param name="Measured">The figure that decides it, with its noise.</param>
/// <param name="Outcome">One of <see cref="Confirmed"/>, <see cref="Refuted"/>, <see cref="Inconclusive"/>, <see cref="NotMeasurable"/>, <see cref="Info"/>.</param>
/// <param name="Why">What the outcome rests on, or why the machine cannot decide it.</param>
public sealed record Verdict(string Claim, string Measured, string Outcome, string Why)
{
    /// <summary>Which claim this is, as a stable key the report groups by (<see cref="Topics"/>); null for a verdict of its own.</summary>
    public string? Topic { get; init; }

    public const string Confirmed = "confirmed";
    public const string Refuted = "refuted";

    /// <summary>The figure's interval straddles the claim's threshold: this run's evidence decides neither way.</summary>
    public const string Inconclusive = "inconclusive";
    public const string NotMeasurable = "not measurable";
    public const string Info = "info";
}
