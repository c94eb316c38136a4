using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HwLab.Lab.Results;
using HwLab.Native.Files;
using Mono.Unix.Native;

namespace HwLab.Cli.Tests;

/// <summary>Two runs into one --out directory: the second is refused while the first holds it, and the first's results stay whole.</summary>
public sealed class ResultsDirectoryLockTests
{
    [Fact]
    public void A_second_process_into_a_directory_in_use_exits_2_naming_the_holder()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the lock is flock(2)");
        using var temp = new TempDirectory();
        string directory = temp.File("results");
        using HwLabProcess first = HwLabProcess.Start("run", "locks", "--quick", "--duration-ms", "400", "--out", directory);
        first.WaitUntil(() => HolderPid(directory) == first.Id, TimeSpan.FromMinutes(1), "the first run locking its directory");

        CliRun second = CliRun.AsProcess("run", "falseshare", "--quick", "--out", directory);

        second.AssertUsageError($"{Path.GetFullPath(directory)} is in use by pid {first.Id}");
        CliRun firstRun = first.WaitForExit(TimeSpan.FromMinutes(2));
        Assert.True(firstRun.ExitCode == 0, firstRun.Error);
        ResultsDocument document = ResultsJson.Deserialize(File.ReadAllText(Path.Combine(directory, "results.json")), "results.json");
        Assert.Equal(["locks"], document.Experiments.Select(e => e.Name));
    }

    [Fact]
    public void The_directory_is_free_again_once_the_run_ends()
    {
        using var temp = new TempDirectory();
        CliRun first = CliRun.InProcess("run", "locks", "--quick", "--kinds", "bitlock", "--out", temp.Path);
        Assert.True(first.ExitCode == 0, first.Error);
        using DirectoryLock again = DirectoryLock.Acquire(temp.Path);
    }

    // The holder's pid as it wrote it. Read with open(2) itself: .NET's FileStream takes a shared
    // flock on open and would fail against the exclusive one this test is looking at.
    private static int? HolderPid(string directory)
    {
        int fd = Syscall.open(Path.Combine(directory, DirectoryLock.FileName), OpenFlags.O_RDONLY);
        if (fd < 0)
        {
            return null;
        }
        IntPtr buffer = Marshal.AllocHGlobal(32);
        try
        {
            long read = Syscall.pread(fd, buffer, 32, 0);
            string text = read > 0 ? Marshal.PtrToStringAnsi(buffer, (int)read) : "";
            return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
            Syscall.close(fd);
        }
    }
}
