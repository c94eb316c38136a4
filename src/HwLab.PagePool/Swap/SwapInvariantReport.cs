namespace HwLab.PagePool.Swap;

/// <summary>What the invariant checker found: nothing, or one sentence per broken invariant.</summary>
public sealed record SwapInvariantReport(IReadOnlyList<string> Violations)
{
    public bool Holds => Violations.Count == 0;

    /// <exception cref="InvalidOperationException">An invariant is broken; the message lists the first few.</exception>
    public void ThrowIfBroken()
    {
        if (!Holds)
        {
            throw new InvalidOperationException($"The swap device breaks {Violations.Count} invariant(s): {string.Join("; ", Violations.Take(5))}");
        }
    }
}
