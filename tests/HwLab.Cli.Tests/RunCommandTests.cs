using System.Text.Json;
using HwLab.Native.Threading;

namespace HwLab.Cli.Tests;

public sealed class RunCommandTests
{
    [Fact]
    public void An_unknown_experiment_is_refused()
    {
        CliRun.InProcess("run", "nosuch").AssertUsageError("nosuch");
    }

    [Fact]
    public void More_threads_than_allowed_cpus_is_refused_naming_the_cpus()
    {
        int tooMany = ThreadPinning.AllowedCpus.Count + 1;
        CliRun.InProcess("run", "falseshare", "--threads", tooMany.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AssertUsageError($"--threads {tooMany} is more than the {ThreadPinning.AllowedCpus.Count} CPU");
    }

    [Fact]
    public void A_cpu_outside_the_allowed_set_is_refused_naming_the_usable_ones()
    {
        string outside = (ThreadPinning.AllowedCpus.Max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        CliRun.InProcess("run", "locks", "--cpus", outside).AssertUsageError("which this process may not use");
        CliRun.InProcess("run", "c2c", "--cpus", $"0,{outside}").AssertUsageError($"CPU {outside}");
    }

    [Theory]
    [InlineData("falseshare", "--cpus", "0-x", "--cpus")]
    [InlineData("falseshare", "--ops", "0", "--ops must be a whole number from 1000 to 100000000, not '0'")]
    [InlineData("falseshare", "--ops", "-5", "--ops")]
    [InlineData("falseshare", "--samples", "0", "--samples must be a whole number from 5 to 10000, not '0'")]
    [InlineData("falseshare", "--distances", "8,x", "--distances takes whole numbers from 8 to 4096 separated by commas, not '8,x'")]
    [InlineData("falseshare", "--distances", "12", "--distances must be multiples of 8")]
    [InlineData("falseshare", "--impls", "fast", "--impls takes")]
    [InlineData("locks", "--duration-ms", "0", "--duration-ms")]
    [InlineData("locks", "--threads", "0", "--threads")]
    [InlineData("locks", "--kinds", "mutex", "--kinds takes")]
    [InlineData("c2c", "--round-trips", "10", "--round-trips")]
    [InlineData("c2c", "--max-pairs", "0", "--max-pairs")]
    [InlineData("c2c", "--full-matrix-cpus", "1", "--full-matrix-cpus")]
    [InlineData("swap", "--cluster-pages", "100", "A cluster must be a power of two")]
    [InlineData("swap", "--device-slots", "300", "need one each beyond the header's")]
    [InlineData("swap", "--modes", "mutex", "--modes takes")]
    [InlineData("swap", "--orders", "random", "--orders takes")]
    [InlineData("churn", "--layouts", "16", "There is no 16-byte swap_cluster_info")]
    [InlineData("churn", "--fifo", "0", "--fifo")]
    [InlineData("reserve", "--min-free-kbytes", "16384", "The watermarks do not fit the zone")]
    [InlineData("reserve", "--zone-pages", "8", "--zone-pages must be a whole number from 128 to 262144, not '8'")]
    [InlineData("reserve", "--policies", "lenient", "--policies takes")]
    [InlineData("reserve", "--modes", "async", "--modes takes")]
    [InlineData("reserve", "--exit-pages", "0", "--exit-pages must be a whole number from 1 to 65536, not '0'")]
    [InlineData("reserve", "--lock-holder", "kworker", "--lock-holder takes kthread or thread, not 'kworker'.")]
    [InlineData("reserve", "--lock", "i_mutex", "--lock takes xfs or mmap-sem, not 'i_mutex'.")]
    [InlineData("reserve", "--lock", "mmap-sem", "--lock mmap-sem needs --lock-holder thread: a kernel thread holds no process's mmap_sem.")]
    public void Bad_values_are_one_line_and_exit_code_2(string experiment, string option, string value, string expected)
    {
        CliRun.InProcess("run", experiment, option, value).AssertUsageError(expected);
    }

    [Theory]
    [InlineData("bitlock,spinlock", "4", "the 4-byte form of 4.10 and before has no cluster lock")]
    [InlineData("device", "8", "device runs only on the 4-byte layout")]
    [InlineData("bitlock", "24,32", "the 24-byte form has a spinlock_t, not a lock bit")]
    public void A_mode_and_layout_pair_no_kernel_had_is_refused(string modes, string layouts, string expected)
    {
        CliRun.InProcess("run", "swap", "--modes", modes, "--layouts", layouts).AssertUsageError(expected);
    }

    [Theory]
    [InlineData("swap")]
    [InlineData("churn")]
    public void Swap_and_churn_run_every_mode_and_print_json(string experiment)
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs");
        CliRun run = CliRun.InProcess("run", experiment, "--quick", "--ops", "1024", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement result = document.RootElement.GetProperty("experiments")[0];
        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.Equal(["bitlock", "device", "merged-4.11", "spinlock"], result.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("keys").GetProperty("mode").GetString()).Distinct().Order());
    }

    [Fact]
    public void A_zone_smaller_than_the_scenario_needs_is_refused()
    {
        CliRun.InProcess("run", "reserve", "--zone-pages", "1500", "--writers", "1", "--exit-pages", "2000").AssertUsageError("smaller than the scenario needs");
    }

    [Fact]
    public void Reserve_json_shows_2015_livelocking_and_the_others_recovering()
    {
        CliRun run = CliRun.InProcess("run", "reserve", "--quick", "--duration-ms", "1000", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement result = document.RootElement.GetProperty("experiments")[0];
        foreach (JsonElement point in result.GetProperty("points").EnumerateArray())
        {
            JsonElement keys = point.GetProperty("keys");
            // The reaper also runs with mmap_sem held for writing, where it gives up and the livelock stays.
            bool livelocks = keys.GetProperty("policy").GetString() == "2015" || keys.TryGetProperty("lock", out _);
            JsonElement derived = point.GetProperty("derived");
            Assert.Equal(livelocks ? 1.0 : 0.0, derived.GetProperty("livelockedShare").GetDouble());
            Assert.Equal(livelocks ? 0.0 : 1.0, derived.GetProperty("recoveredShare").GetDouble());
        }
        Assert.Equal(8, result.GetProperty("points").GetArrayLength());
        Assert.Equal(6, result.GetProperty("timelines").GetArrayLength());
        Assert.Equal("kthread", result.GetProperty("parameters").GetProperty("lockHolder").GetString());
    }

    [Fact]
    public void Reserve_takes_the_dying_thread_on_mmap_sem_and_the_debug_kernel()
    {
        CliRun run = CliRun.InProcess("run", "reserve", "--quick", "--modes", "deterministic", "--lock-holder", "thread", "--lock", "mmap-sem", "--nofs-can-fail", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement result = document.RootElement.GetProperty("experiments")[0];
        JsonElement settings = result.GetProperty("parameters");
        Assert.Equal(("thread", "mmap-sem"), (settings.GetProperty("lockHolder").GetString(), settings.GetProperty("lock").GetString()));
        Assert.StartsWith("yes", settings.GetProperty("nofsCanFail").GetString(), StringComparison.Ordinal);
        // The scenario's own lock is mmap_sem already: no extra reaper runs.
        Assert.Equal(3, result.GetProperty("points").GetArrayLength());
        Assert.Contains(result.GetProperty("timelines").EnumerateArray().SelectMany(t => t.GetProperty("markers").EnumerateArray()),
            m => m.GetProperty("label").GetString()!.Contains("possible memory allocation deadlock in xfs_buf_allocate_memory (mode:0x250)", StringComparison.Ordinal));
    }

    [Fact]
    public void Quick_and_full_together_are_refused()
    {
        CliRun.InProcess("run", "c2c", "--quick", "--full").AssertUsageError("--quick and --full");
    }

    [Fact]
    public void An_unwritable_out_directory_is_refused_and_nothing_is_measured_or_written()
    {
        using var temp = new TempDirectory();
        string file = temp.File("not-a-directory");
        File.WriteAllText(file, "x");
        CliRun.InProcess("run", "c2c", "--quick", "--out", file).AssertUsageError($"--out {file}");
        CliRun.InProcess("run", "c2c", "--quick", "--out", Path.Combine(file, "below")).AssertUsageError("--out");
        Assert.Equal([file], Directory.GetFileSystemEntries(temp.Path));
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Help_lists_every_option_with_its_default()
    {
        CliRun run = CliRun.InProcess("run", "falseshare", "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (string option in new[] { "--cpus", "--threads", "--samples", "--ops", "--distances", "--impls", "--quick", "--full", "--json", "--out" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
        Assert.Contains("[default: 9; 5 with --quick, 15 with --full; 5 to 10000]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[default: 8,16,32,64,128; each 8 to 4096]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void C2c_json_is_a_results_document_with_one_completed_experiment()
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs");
        using var temp = new TempDirectory();
        CliRun run = CliRun.InProcess("run", "c2c", "--quick", "--round-trips", "1000", "--json", "--out", temp.Path);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        Assert.Equal("hwlab.results/2", document.RootElement.GetProperty("schema").GetString());
        Assert.Equal("run", document.RootElement.GetProperty("profile").GetString());
        JsonElement experiment = Assert.Single(document.RootElement.GetProperty("experiments").EnumerateArray());
        Assert.Equal("completed", experiment.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(temp.Path, "results.json")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "report.md")));
    }

    [Theory]
    [InlineData("falseshare", "--ops", "2000")]
    [InlineData("locks", "--ops", "2000")]
    public void List_options_left_out_take_their_defaults(string experiment, string option, string value)
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs");
        CliRun run = CliRun.InProcess("run", experiment, "--quick", option, value, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement parameters = document.RootElement.GetProperty("experiments")[0].GetProperty("parameters");
        Assert.Equal(experiment == "falseshare" ? "8,16,32,64,128" : "bitlock,native-bitlock,ticket,qspinlock,dotnet-lock",
            parameters.GetProperty(experiment == "falseshare" ? "distances" : "kinds").GetString());
    }
}
