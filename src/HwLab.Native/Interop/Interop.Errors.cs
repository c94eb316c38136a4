using System.ComponentModel;
using System.Runtime.InteropServices;

internal static partial class Interop
{
    /// <summary>
    /// The exception for a failed native call: the call's name, the errno (or Win32 error)
    /// by name and its text. Call it at once after the failing call, before anything else
    /// can overwrite the last error.
    /// </summary>
    internal static Win32Exception GetExceptionForLastError(string function)
        => GetExceptionForError(function, Marshal.GetLastPInvokeError());

    internal static Win32Exception GetExceptionForError(string function, int error)
        => new(error, $"{function} failed: {DescribeError(error)}");

    /// <summary>"ENOMEM (Cannot allocate memory)" on Unix, "error 5 (Access is denied.)" on Windows.</summary>
    internal static string DescribeError(int error)
    {
        string text = Marshal.GetPInvokeErrorMessage(error);
        return OperatingSystem.IsWindows() ? $"error {error} ({text})" : $"{ErrnoName(error)} ({text})";
    }

    internal static string ErrnoName(int errno)
    {
        try
        {
            Mono.Unix.Native.Errno value = Mono.Unix.Native.NativeConvert.ToErrno(errno);
            return Enum.IsDefined(value) ? value.ToString() : $"errno {errno}";
        }
        catch (ArgumentOutOfRangeException)
        {
            return $"errno {errno}";
        }
    }
}
