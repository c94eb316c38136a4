namespace HwLab.Lab.Comparison;

/// <summary>Two results documents that cannot be compared: they share no experiment, or no point.</summary>
public sealed class ComparisonException : Exception
{
    public ComparisonException()
    {
    }

    public ComparisonException(string message)
        : base(message)
    {
    }

    public ComparisonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
