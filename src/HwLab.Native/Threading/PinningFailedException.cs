namespace HwLab.Native.Threading;

/// <summary>The OS accepted an affinity mask but the thread is not running where it was pinned.</summary>
public sealed class PinningFailedException : InvalidOperationException
{
    public PinningFailedException()
    {
    }

    public PinningFailedException(string message)
        : base(message)
    {
    }

    public PinningFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
