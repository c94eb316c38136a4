using System.Runtime.Versioning;

namespace HwLab.Native.Files;

public sealed partial class DirectoryLock
{
    // Windows enforces sharing modes: a stream opened without FileShare.Write keeps other writers out.
    [SupportedOSPlatform("windows")]
    private static FileStream AcquireWindows(string directory, string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw InUse(directory, null);
        }
    }
}
