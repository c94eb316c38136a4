using HwLab.Native.Files;

namespace HwLab.Native.Tests.Files;

public sealed class DirectoryLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hwlab-lock-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_held_lock_refuses_a_second_holder_and_names_the_first()
    {
        using DirectoryLock first = DirectoryLock.Acquire(_directory);

        // flock(2) locks belong to open file descriptions, so a second open in the same process conflicts as another process would.
        DirectoryInUseException refused = Assert.Throws<DirectoryInUseException>(() => DirectoryLock.Acquire(_directory));

        Assert.Equal(Environment.ProcessId, refused.HolderProcessId);
        Assert.Equal($"{_directory} is in use by pid {Environment.ProcessId}", refused.Message);
    }

    [Fact]
    public void A_released_lock_can_be_taken_again()
    {
        DirectoryLock.Acquire(_directory).Dispose();
        using DirectoryLock again = DirectoryLock.Acquire(_directory);
        Assert.Equal(_directory, again.Directory);
    }

    [Fact]
    public void A_symbolic_link_planted_as_the_lock_file_is_refused_and_left_alone()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "symbolic links");
        string target = Path.Combine(_directory, "precious");
        File.WriteAllText(target, "keep me\n");
        string lockFile = Path.Combine(_directory, DirectoryLock.FileName);
        File.CreateSymbolicLink(lockFile, target);

        IOException refused = Assert.Throws<IOException>(() => DirectoryLock.Acquire(_directory));

        Assert.Contains("is a symbolic link", refused.Message, StringComparison.Ordinal);
        Assert.Equal(target, new FileInfo(lockFile).LinkTarget);
        Assert.Equal("keep me\n", File.ReadAllText(target));
    }
}
