namespace HwLab.Lab.Results;

/// <summary>A file that should be results.json is not one this version can read.</summary>
public sealed class ResultsFormatException : Exception
{
    public ResultsFormatException()
    {
    }

    public ResultsFormatException(string message)
        : base(message)
    {
    }

    public ResultsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
