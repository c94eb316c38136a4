using HwLab.Lab.Results;

namespace HwLab.Lab.Comparison;

/// <summary>Two results documents that cannot be compared: they share no experiment, or no point.</summary>
/// <remarks>The message is one line (it names the paths given, which may hold anything).</remarks>
public sealed class ComparisonException : Exception
{
    public ComparisonException()
    {
    }

    public ComparisonException(string message)
        : base(OneLineText.Of(message))
    {
    }

    public ComparisonException(string message, Exception innerException)
        : base(OneLineText.Of(message), innerException)
    {
    }
}
