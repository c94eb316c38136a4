using System.CommandLine;
using System.Globalization;
using HwLab.Cli.Commands;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Setup;
using HwLab.Native.Topology;

namespace HwLab.Cli.Tests;

/// <summary>
/// Every numeric option of every `run NAME`: both ends of its range parse, and settings at the
/// ends pass the experiment's Validate (checked without running it, which would take a day); one
/// past either end, or text that is no number in range at all, is refused before anything runs,
/// as one line that names the option and its range.
/// </summary>
public sealed class OptionBoundsTests
{
    private static readonly CpuTopology s_topology = TopologyReader.Read();

    private static readonly HashSet<string> s_listOptions = ["--distances", "--workers", "--layouts"];

    /// <summary>Experiment, option, lowest and highest value the command line takes.</summary>
    public static TheoryData<string, string, long, long> Ranges
    {
        get
        {
            var data = new TheoryData<string, string, long, long>
            {
                { "c2c", "--samples", 5, 10_000 },
                { "c2c", "--round-trips", 100, 10_000_000 },
                { "c2c", "--full-matrix-cpus", 2, 362 },
                { "c2c", "--max-pairs", 1, 65_536 },
                { "c2c", "--seed", int.MinValue, int.MaxValue },
                { "falseshare", "--threads", 1, 8_192 },
                { "falseshare", "--samples", 5, 10_000 },
                { "falseshare", "--ops", 1_000, 100_000_000 },
                { "falseshare", "--distances", 8, 4_096 },
                { "locks", "--threads", 1, 8_192 },
                { "locks", "--workers", 1, 8_192 },
                { "locks", "--samples", 5, 10_000 },
                { "locks", "--ops", 1_000, 100_000_000 },
                { "locks", "--duration-ms", 1, 60_000 },
                { "reserve", "--zone-pages", 128, 262_144 },
                { "reserve", "--min-free-kbytes", 4, 262_144 },
                { "reserve", "--watermark-scale-factor", 1, 1_000 },
                { "reserve", "--writers", 1, 64 },
                { "reserve", "--exit-pages", 1, 65_536 },
                { "reserve", "--max-ticks", 2_000, 1_000_000 },
                { "reserve", "--duration-ms", 100, 60_000 },
                { "reserve", "--repeats", 1, 1_000 },
                { "reserve", "--seed", int.MinValue, int.MaxValue },
            };
            foreach (string swap in new[] { "swap", "churn" })
            {
                data.Add(swap, "--threads", 1, 8_192);
                data.Add(swap, "--workers", 1, 8_192);
                data.Add(swap, "--samples", 5, 10_000);
                data.Add(swap, "--ops", 256, 10_000_000);
                data.Add(swap, "--layouts", 4, 64);
                data.Add(swap, "--cluster-pages", 2, 32_768);
                data.Add(swap, "--fifo", 1, 65_536);
                data.Add(swap, "--device-slots", 4, 1_048_576);
                data.Add(swap, "--seed", int.MinValue, int.MaxValue);
            }
            return data;
        }
    }

    /// <summary>
    /// A value at an end of its range, with what else the settings need to pass Validate on any
    /// machine with two CPUs: a run small enough in the other settings, or the one setting that
    /// makes the end meaningful (a zone large enough for the most exit pages). Where the end is a
    /// machine's (workers and threads: its usable CPUs), the machine's end is used.
    /// </summary>
    public static TheoryData<string, string, string, string[]> EndsWithRepeats
    {
        get
        {
            string usable = s_topology.Usable.Count.ToString(CultureInfo.InvariantCulture);
            string twoCpus = $"{s_topology.Usable[0]},{s_topology.Usable[Math.Min(1, s_topology.Usable.Count - 1)]}";
            string[] c2c = ["--cpus", twoCpus];
            string[] one = ["--threads", "1"];
            string[] two = ["--threads", "2"];
            string[] oneDevice = ["--threads", "1", "--modes", "device", "--orders", "sequential", "--layouts", "4"];
            var data = new TheoryData<string, string, string, string[]>
            {
                { "c2c", "--samples", "5", c2c },
                { "c2c", "--samples", "10000", c2c },
                { "c2c", "--round-trips", "100", c2c },
                { "c2c", "--round-trips", "10000000", c2c },
                { "c2c", "--full-matrix-cpus", "2", c2c },
                { "c2c", "--full-matrix-cpus", "362", c2c },
                { "c2c", "--max-pairs", "1", c2c },
                { "c2c", "--max-pairs", "65536", c2c },
                { "c2c", "--seed", "-2147483648", c2c },
                { "c2c", "--seed", "2147483647", c2c },
                { "falseshare", "--threads", "2", [] },
                { "falseshare", "--threads", usable, [] },
                { "falseshare", "--samples", "5", two },
                { "falseshare", "--samples", "10000", two },
                { "falseshare", "--ops", "1000", two },
                { "falseshare", "--ops", "100000000", two },
                { "falseshare", "--distances", "8", two },
                { "falseshare", "--distances", "4096", two },
                { "locks", "--threads", "1", [] },
                { "locks", "--threads", usable, [] },
                { "locks", "--workers", "1", one },
                { "locks", "--workers", usable, ["--threads", usable] },
                { "locks", "--samples", "5", one },
                { "locks", "--samples", "10000", one },
                { "locks", "--ops", "1000", two },
                { "locks", "--ops", "100000000", two },
                { "locks", "--duration-ms", "1", two },
                { "locks", "--duration-ms", "60000", two },
                { "reserve", "--zone-pages", "128", ["--min-free-kbytes", "4", "--exit-pages", "1"] },
                { "reserve", "--zone-pages", "262144", [] },
                { "reserve", "--min-free-kbytes", "4", [] },
                { "reserve", "--min-free-kbytes", "262144", ["--zone-pages", "262144"] },
                { "reserve", "--watermark-scale-factor", "1", [] },
                { "reserve", "--watermark-scale-factor", "1000", [] },
                { "reserve", "--writers", "1", [] },
                { "reserve", "--writers", "64", [] },
                { "reserve", "--exit-pages", "1", [] },
                { "reserve", "--exit-pages", "65536", ["--zone-pages", "262144"] },
                { "reserve", "--max-ticks", "2000", [] },
                { "reserve", "--max-ticks", "1000000", [] },
                { "reserve", "--duration-ms", "100", [] },
                { "reserve", "--duration-ms", "60000", [] },
                { "reserve", "--repeats", "1", [] },
                { "reserve", "--repeats", "1000", [] },
                { "reserve", "--seed", "-2147483648", [] },
                { "reserve", "--seed", "2147483647", [] },
            };
            foreach (string swap in new[] { "swap", "churn" })
            {
                data.Add(swap, "--threads", "1", []);
                data.Add(swap, "--threads", usable, []);
                data.Add(swap, "--workers", "1", one);
                data.Add(swap, "--workers", usable, ["--threads", usable]);
                data.Add(swap, "--samples", "5", one);
                data.Add(swap, "--samples", "10000", one);
                data.Add(swap, "--ops", "256", one);
                data.Add(swap, "--ops", "10000000", one);
                data.Add(swap, "--layouts", "4", one);
                data.Add(swap, "--layouts", "64", one);
                data.Add(swap, "--cluster-pages", "2", one);
                data.Add(swap, "--cluster-pages", "32768", oneDevice);
                data.Add(swap, "--fifo", "1", one);
                data.Add(swap, "--fifo", "65536", one);
                data.Add(swap, "--device-slots", "4", ["--threads", "1", "--cluster-pages", "2"]);
                data.Add(swap, "--device-slots", "1048576", oneDevice);
                data.Add(swap, "--seed", "-2147483648", one);
                data.Add(swap, "--seed", "2147483647", one);
            }
            return data;
        }
    }

    /// <summary>
    /// <see cref="EndsWithRepeats"/> with each value once: on a small machine the top of --threads
    /// (its usable CPUs) is also the bottom, and xUnit would drop the repeated row with a warning.
    /// </summary>
    public static TheoryData<string, string, string, string[]> Ends
    {
        get
        {
            var data = new TheoryData<string, string, string, string[]>();
            foreach (var row in EndsWithRepeats.Select(r => r.Data).DistinctBy(r => (r.Item1, r.Item2, r.Item3)))
            {
                data.Add(row.Item1, row.Item2, row.Item3, row.Item4);
            }
            return data;
        }
    }

    /// <summary>Texts a hostile user typed: past int, past long, negative, and numbers in other notations.</summary>
    public static TheoryData<string, string, long, long, string> Texts
    {
        get
        {
            var data = new TheoryData<string, string, long, long, string>();
            foreach ((string experiment, string option, long low, long high) in Ranges.Select(r => ((string, string, long, long))(r.Data.Item1, r.Data.Item2, r.Data.Item3, r.Data.Item4)))
            {
                foreach (string text in new[] { "2147483648", "9223372036854775808", "-1", "1e3", "0x10", "" })
                {
                    data.Add(experiment, option, low, high, text);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Both_ends_of_the_range_parse(string experiment, string option, long low, long high)
    {
        Assert.Empty(Parse(experiment, [option, Text(low)]).Errors);
        Assert.Empty(Parse(experiment, [option, Text(high)]).Errors);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void One_past_either_end_is_refused_naming_the_range(string experiment, string option, long low, long high)
    {
        CliRun.InProcess("run", experiment, option, Text(high + 1)).AssertUsageError(Refusal(option, low, high, Text(high + 1)));
        CliRun.InProcess("run", experiment, option, Text(low - 1)).AssertUsageError(Refusal(option, low, high, Text(low - 1)));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_that_is_no_number_in_range_is_refused_naming_the_range(string experiment, string option, long low, long high, string text)
    {
        bool inRange = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= low && value <= high;
        if (inRange)
        {
            // Only a seed takes -1: any whole number is a seed.
            Assert.Equal("--seed", option);
            Assert.Empty(Parse(experiment, [option, text]).Errors);
            return;
        }
        CliRun.InProcess("run", experiment, option, text).AssertUsageError(Refusal(option, low, high, text));
    }

    [Theory]
    [MemberData(nameof(Ends))]
    public void Settings_at_either_end_pass_validation_without_running(string experiment, string option, string value, string[] others)
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "the ends are checked with 2 usable CPUs");
        Assert.SkipWhen(RunBudget.MemoryBytes < (4L << 30) + (1L << 28), "the largest swap device (4 GiB) needs 8.5 GiB of memory");
        Prepare(experiment, [option, value, .. others]);
    }

    [Fact]
    public void Every_option_with_a_range_has_both_ends_validated()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "the ends are checked with 2 usable CPUs");
        foreach ((string experiment, string option) in Ranges.Select(r => (r.Data.Item1, r.Data.Item2)))
        {
            int ends = EndsWithRepeats.Count(e => e.Data.Item1 == experiment && e.Data.Item2 == option);
            Assert.True(ends == 2, $"{experiment} {option} has {ends} ends checked by Validate, not 2");
        }
    }

    [Fact]
    public void Workers_beyond_the_usable_cpus_are_refused_though_they_parse()
    {
        string beyond = (s_topology.Usable.Count + 1).ToString(CultureInfo.InvariantCulture);
        CliRun.InProcess("run", "locks", "--threads", beyond).AssertUsageError($"--threads {beyond} is more than the {s_topology.Usable.Count} CPU");
        CliRun.InProcess("run", "swap", "--workers", beyond).AssertUsageError("--workers takes counts from 1 to the");
        CliRun.InProcess("run", "locks", "--workers", beyond).AssertUsageError("--workers takes counts from 1 to the");
    }

    [Fact]
    public void A_lower_end_another_setting_rules_out_is_refused_with_that_setting_named()
    {
        // 4 slots are a device for one worker with clusters of 2; with the default 256 they are not.
        CliRun.InProcess("run", "swap", "--threads", "1", "--device-slots", "4").AssertUsageError("A device of 4 slots has 1 clusters of 256");
        CliRun.InProcess("run", "reserve", "--zone-pages", "128").AssertUsageError("The watermarks do not fit the zone");
        CliRun.InProcess("run", "falseshare", "--threads", "1").AssertUsageError("falseshare needs at least 2 workers");
    }

    [Fact]
    public void A_fifo_that_leaves_the_last_worker_no_slot_is_refused()
    {
        Assert.SkipWhen(s_topology.Usable.Count < 2, "needs 2 usable CPUs");
        // Two workers get the smallest automatic device, 64 clusters of 256 slots: 16 383 besides the
        // header. One worker holding 16 382 (a FIFO of 16 381 and the slot on its way) leaves one.
        Prepare("swap", ["--threads", "2", "--workers", "2", "--fifo", "16381"]);
        CliRun.InProcess("run", "swap", "--threads", "2", "--workers", "2", "--fifo", "16382")
            .AssertUsageError("--fifo 16382: of 2 workers, all but one can hold 16383 slots together, and the device has 16383 besides its header");
    }

    [Theory]
    [InlineData("falseshare", "--samples", "[default: 9; 5 with --quick, 15 with --full; 5 to 10000]")]
    [InlineData("falseshare", "--distances", "[default: 8,16,32,64,128; each 8 to 4096]")]
    [InlineData("c2c", "--seed", "[default: 2016; -2147483648 to 2147483647]")]
    [InlineData("c2c", "--full-matrix-cpus", "[default: 32; 16 with --quick, 64 with --full; 2 to 362]")]
    [InlineData("locks", "--duration-ms", "[default: 150; 40 with --quick, 500 with --full; 1 to 60000]")]
    [InlineData("swap", "--device-slots", "[default: 16 clusters per worker, at least 64 clusters; 4 to 1048576]")]
    [InlineData("churn", "--workers", "[default: 1 and every worker; with --full the powers of two between; each 1 to 8192]")]
    [InlineData("swap", "--workers", "[default: 1, 2, 4, ... below the CPUs, and their count; each 1 to 8192]")]
    [InlineData("locks", "--workers", "[default: 1, 2, 4, ... below the CPUs, and their count; each 1 to 8192]")]
    [InlineData("locks", "--threads", "[default: usable CPUs, at most 32 (8 with --quick, 128 with --full); 1 to 8192]")]
    [InlineData("swap", "--cpus", "at most 32 (8 with --quick, 128 with --full)]")]
    [InlineData("reserve", "--zone-pages", "[default: 4096; 128 to 262144]")]
    [InlineData("reserve", "--lock-holder", "[default: kthread]")]
    [InlineData("reserve", "--lock", "[default: xfs]")]
    public void Help_states_each_range(string experiment, string option, string expected)
    {
        CliRun run = CliRun.InProcess("run", experiment, "--help");
        Assert.Equal(0, run.ExitCode);
        string line = Assert.Single(run.Output.Split('\n'), l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Help_states_the_range_of_every_numeric_option(string experiment, string option, long low, long high)
    {
        CliRun run = CliRun.InProcess("run", experiment, "--help");
        string line = Assert.Single(run.Output.Split('\n'), l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
        Assert.Contains($"{Text(low)} to {Text(high)}]", line, StringComparison.Ordinal);
    }

    private static ParseResult Parse(string experiment, string[] args)
        => HwLabCommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(["run", experiment, .. args]);

    // Parses as `hwlab run NAME` does and prepares the experiment (settings built and checked), without running it.
    private static void Prepare(string experiment, string[] args)
    {
        var command = new ExperimentRunCommand(ExperimentCatalog.Standard.Find(experiment)!);
        ParseResult parsed = command.Build(TextWriter.Null, TextWriter.Null).Parse(args);
        Assert.Empty(parsed.Errors);
        command.Prepare(parsed, s_topology);
    }

    private static string Refusal(string option, long low, long high, string given)
        => s_listOptions.Contains(option)
            ? $"{option} takes whole numbers from {Text(low)} to {Text(high)} separated by commas, not '{given}'."
            : $"{option} must be a whole number from {Text(low)} to {Text(high)}, not '{given}'.";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
