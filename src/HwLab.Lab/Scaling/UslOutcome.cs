namespace HwLab.Lab.Scaling;

/// <summary>What fitting a curve gave: a fit, or why there is none.</summary>
public sealed record UslOutcome
{
    private UslOutcome(UslFit? fit, string? notPossible)
    {
        Fit = fit;
        NotPossible = notPossible;
    }

    /// <summary>The fit; null when <see cref="NotPossible"/> says why there is none.</summary>
    public UslFit? Fit { get; }

    /// <summary>Why the points admit no fit, in a sentence; null when there is one.</summary>
    public string? NotPossible { get; }

    public static UslOutcome Fitted(UslFit fit) => new(fit ?? throw new ArgumentNullException(nameof(fit)), null);

    public static UslOutcome Refused(string why) => new(null, string.IsNullOrWhiteSpace(why) ? throw new ArgumentException("A refusal says why.", nameof(why)) : why);
}
