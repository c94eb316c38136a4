namespace HwLab.Cli;

/// <summary>Input the user can fix: reported as one line on stderr with exit code 2, before anything is written.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
