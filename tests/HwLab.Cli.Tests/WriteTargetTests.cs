namespace HwLab.Cli.Tests;

/// <summary>
/// HwLab writes by renaming a temporary file over its target. That must never turn a device node,
/// a FIFO, a symbolic link or a directory into a plain file: each is refused with exit code 2 and
/// left exactly as it was.
/// </summary>
public sealed class WriteTargetTests
{
    public static TheoryData<string> SpecialKinds => new() { "device", "fifo", "symlink", "dangling-symlink", "directory" };

    [Theory]
    [MemberData(nameof(SpecialKinds))]
    public void Capture_refuses_a_target_that_is_not_a_regular_file_and_leaves_it_as_it_was(string kind)
    {
        using var temp = new TempDirectory();
        string target = Make(temp, kind, "target");
        string before = SpecialFiles.Describe(target);

        CliRun.InProcess("topology", "--capture", target).AssertUsageError($"--capture {target}: is {Expected(kind)}");

        Assert.Equal(before, SpecialFiles.Describe(target));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(temp.Path), p => p.EndsWith(".tmp", StringComparison.Ordinal));
        if (kind == "symlink")
        {
            Assert.Equal(UsersFile, File.ReadAllText(temp.File("file")));
        }
    }

    [Theory]
    [InlineData("device")]
    [InlineData("fifo")]
    public void Out_refuses_a_device_or_fifo_as_the_results_directory(string kind)
    {
        using var temp = new TempDirectory();
        string target = Make(temp, kind, "target");
        string before = SpecialFiles.Describe(target);

        CliRun.InProcess("run", "locks", "--quick", "--out", target).AssertUsageError($"--out {target}: {target} is {Expected(kind)}, not a directory");

        Assert.Equal(before, SpecialFiles.Describe(target));
    }

    [Theory]
    [InlineData("device", "results.json")]
    [InlineData("fifo", "report.md")]
    [InlineData("symlink", "report.html")]
    [InlineData("directory", "results.json")]
    public void Out_refuses_a_results_file_that_is_not_a_regular_file_before_measuring(string kind, string file)
    {
        using var temp = new TempDirectory();
        string directory = Directory.CreateDirectory(temp.File("results")).FullName;
        string target = Make(temp, kind, Path.Combine("results", file));
        string before = SpecialFiles.Describe(target);

        CliRun run = CliRun.InProcess("run", "locks", "--quick", "--out", directory);

        run.AssertUsageError($"{target} is {Expected(kind)}; HwLab writes only to a new or regular file");
        Assert.Equal(before, SpecialFiles.Describe(target));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(directory), p => p.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Out_writes_through_a_symbolic_link_to_a_directory_and_keeps_the_link()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "symbolic links to directories");
        using var temp = new TempDirectory();
        string real = Directory.CreateDirectory(temp.File("real")).FullName;
        string link = SpecialFiles.Symlink(temp.File("link"), real);

        CliRun run = CliRun.InProcess("run", "locks", "--quick", "--kinds", "bitlock", "--out", link);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"SymbolicLink -> {real}", SpecialFiles.Describe(link));
        Assert.True(File.Exists(Path.Combine(real, "results.json")));
    }

    [Theory]
    [InlineData("topology", "--capture", "")]
    [InlineData("topology", "--capture", "   ")]
    [InlineData("topology", "--from", "")]
    [InlineData("suite", "--out", "")]
    [InlineData("suite", "--out", "   ")]
    public void An_empty_path_option_is_bad_input(string command, string option, string value)
    {
        CliRun.InProcess(command, option, value).AssertUsageError($"{option}: the path is empty");
        Assert.Empty(Directory.EnumerateFileSystemEntries(Environment.CurrentDirectory, "   "));
    }

    [Theory]
    [InlineData("report", "")]
    [InlineData("report", " ")]
    [InlineData("compare", "", "x")]
    [InlineData("compare", "x", "")]
    public void An_empty_results_path_is_bad_input(params string[] args)
    {
        CliRun.InProcess(args).AssertUsageError("the path is empty");
    }

    [Fact]
    public void A_path_with_a_line_break_still_gives_one_line()
    {
        using var temp = new TempDirectory();
        CliRun.InProcess("topology", "--capture", temp.File("no\nsuch/capture")).AssertUsageError("does not exist");
    }

    private static string Make(TempDirectory temp, string kind, string name)
    {
        string path = temp.File(name);
        return kind switch
        {
            "device" => SpecialFiles.NullDevice(path),
            "fifo" => SpecialFiles.Fifo(path),
            "symlink" => SpecialFiles.Symlink(path, WriteFile(temp.File("file"))),
            "dangling-symlink" => SpecialFiles.Symlink(path, temp.File("nowhere")),
            "directory" => Directory.CreateDirectory(path).FullName,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private const string UsersFile = "the user's own file\n";

    private static string WriteFile(string path)
    {
        File.WriteAllText(path, UsersFile);
        return path;
    }

    private static string Expected(string kind) => kind switch
    {
        "device" => "a character device",
        "fifo" => "a FIFO",
        "symlink" or "dangling-symlink" => "a symbolic link",
        _ => "a directory",
    };
}
