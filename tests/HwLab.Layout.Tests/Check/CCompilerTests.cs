using HwLab.Layout.Probe;

namespace HwLab.Layout.Tests.Check;

/// <summary>How the probe finds a compiler, runs it, and words what went wrong, each on one line.</summary>
public sealed class CCompilerTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hwlab-probe-tests-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData(new[] { "cc", "gcc", "clang" }, "cc")]
    [InlineData(new[] { "gcc", "clang" }, "gcc")]
    [InlineData(new[] { "clang" }, "clang")]
    public void The_first_of_cc_gcc_and_clang_on_the_path_is_the_default(string[] present, string chosen)
    {
        DirectoryInfo bin = _dir.CreateSubdirectory("bin");
        foreach (string name in present)
        {
            File.WriteAllText(Path.Combine(bin.FullName, name), string.Empty);
        }

        Assert.Equal(Path.Combine(bin.FullName, chosen), CCompiler.Find(null, [], $"{_dir.FullName}/none{Path.PathSeparator}{bin.FullName}").Path);
    }

    [Fact]
    public void A_named_compiler_is_looked_up_on_the_path_and_a_path_taken_as_it_is()
    {
        DirectoryInfo bin = _dir.CreateSubdirectory("bin");
        string mine = Path.Combine(bin.FullName, "my-cc");
        File.WriteAllText(mine, string.Empty);

        Assert.Equal(mine, CCompiler.Find("my-cc", [], bin.FullName).Path);
        Assert.Equal(mine, CCompiler.Find(Path.Combine(bin.FullName, ".", "my-cc"), [], string.Empty).Path);
    }

    [Fact]
    public void The_path_of_this_process_is_searched_when_none_is_given()
    {
        string? sh = CCompiler.OnPath("sh");

        Assert.SkipWhen(sh is null, "no sh on PATH");
        Assert.True(File.Exists(sh));
        Assert.Null(CCompiler.OnPath("hwlab-no-such-program"));
        Assert.Equal(sh, CCompiler.Find("sh", []).Path);
    }

    [Theory]
    [InlineData("", "silent")]
    [InlineData("\n  \n", "silent")]
    [InlineData("\n  warning: first\n  note: second\n", "warning: first")]
    [InlineData("In file included from a.h:1:\n  b.h:2:3: Error: expected ';'\nc.h:4: error: other\n", "b.h:2:3: Error: expected ';'")]
    public void The_first_error_line_is_the_message_else_the_first_line_else_the_silence(string standardError, string expected)
        => Assert.Equal(expected, CCompiler.FirstError(standardError, "silent"));

    [Fact]
    public void A_program_runs_in_the_C_locale_without_colours_and_with_its_arguments()
    {
        string? env = CCompiler.OnPath("env");
        Assert.SkipWhen(env is null, "no env on PATH");

        CCompiler.ProcessResult result = CCompiler.Run(env!, [], TimeSpan.FromSeconds(30));

        string[] variables = result.StandardOutput.Split('\n');
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("LC_ALL=C", variables);
        Assert.Contains("GCC_COLORS=", variables);
    }

    [Fact]
    public void A_program_that_cannot_start_is_named()
    {
        string notExecutable = Path.Combine(_dir.FullName, "plain-file");
        File.WriteAllText(notExecutable, "not a program");

        var e = Assert.Throws<StructProbeException>(() => CCompiler.Run(notExecutable, [], TimeSpan.FromSeconds(30)));

        Assert.StartsWith($"cannot start {notExecutable}: ", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length > $"cannot start {notExecutable}: ".Length);
    }

    [Fact]
    public void A_program_that_overruns_its_time_is_killed_and_named()
    {
        string? sleep = CCompiler.OnPath("sleep");
        Assert.SkipWhen(sleep is null, "no sleep on PATH");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<StructProbeException>(() => CCompiler.Run(sleep!, ["30"], TimeSpan.FromSeconds(1)));

        Assert.Equal("sleep did not finish within 1 s", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the overrun took {clock.Elapsed.TotalSeconds:0.0} s to end");
    }

    [Fact]
    public void A_compiler_that_fails_silently_says_which_step_failed()
    {
        // A "compiler" that fails every command without a word: each step names itself.
        string silent = Script("silent-cc", "exit 1\n");
        CCompiler cc = CCompiler.Find(silent, []);

        Assert.Equal("the header does not compile: the compiler failed and said nothing", Assert.Throws<StructProbeException>(() => cc.CheckSyntax("x.h")).Message);
        Assert.Equal("the header does not preprocess: the compiler failed and said nothing", Assert.Throws<StructProbeException>(() => cc.Preprocess("x.h")).Message);
        Assert.Equal("the probe does not compile: the compiler failed and said nothing", Assert.Throws<StructProbeException>(() => cc.Build("x.c", "x", [])).Message);
    }

    [Fact]
    public void Flags_and_include_directories_reach_the_command_line()
    {
        // A "compiler" that prints its arguments one per line, as a preprocessor prints its output.
        string echo = Script("echo-cc", "for a in \"$@\"; do echo \"$a\"; done\n");
        CCompiler cc = CCompiler.Find(echo, ["-DONE", "-I/inc"]);

        Assert.Equal("-DONE\n-I/inc\n-E\n-x\nc\nh.h\n", cc.Preprocess("h.h"));
        cc.CheckSyntax("h.h");
        cc.Build("p.c", "p", ["/a", "/b"]);
    }

    // A shell script standing in for a compiler, made executable.
    private string Script(string name, string body)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows() || !File.Exists("/bin/sh"), "no /bin/sh to run a script compiler");
        string path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }
}
