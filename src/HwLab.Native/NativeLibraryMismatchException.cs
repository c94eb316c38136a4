namespace HwLab.Native;

/// <summary>
/// libhwlab_native is missing, or is not the library this build of HwLab was written against (a
/// stale build output): nothing it would measure could be trusted.
/// </summary>
public sealed class NativeLibraryMismatchException : InvalidOperationException
{
    public NativeLibraryMismatchException()
    {
    }

    public NativeLibraryMismatchException(string message)
        : base(message)
    {
    }

    public NativeLibraryMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
