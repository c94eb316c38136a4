namespace HwLab.Lab.Results;

/// <summary>A file that should be results.json (or a fleet's hwlab-failed.json) is not one this version can read.</summary>
/// <remarks>The message is always one line (see <see cref="OneLineText"/>): the command line prints it as the whole error.</remarks>
public sealed class ResultsFormatException : Exception
{
    public ResultsFormatException()
    {
    }

    public ResultsFormatException(string message)
        : base(OneLineText.Of(message))
    {
    }

    public ResultsFormatException(string message, Exception innerException)
        : base(OneLineText.Of(message), innerException)
    {
    }
}
