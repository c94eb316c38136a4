namespace HwLab.Lab.Comparison;

/// <summary>A claim whose outcome differs between the two sides (confirmed on one machine, refuted on the other).</summary>
/// <param name="Key">The verdict's topic, or its claim when it has none.</param>
/// <param name="A">The outcome on side A, or null when A has no such verdict.</param>
/// <param name="B">The outcome on side B, or null when B has no such verdict.</param>
public sealed record VerdictChange(string Key, string Claim, string? A, string? B);
