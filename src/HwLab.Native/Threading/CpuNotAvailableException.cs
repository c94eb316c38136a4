namespace HwLab.Native.Threading;

/// <summary>A CPU was asked for that this process may not run on: offline, or outside its allowed set.</summary>
public sealed class CpuNotAvailableException : ArgumentException
{
    public CpuNotAvailableException()
    {
    }

    public CpuNotAvailableException(string message)
        : base(message)
    {
    }

    public CpuNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
