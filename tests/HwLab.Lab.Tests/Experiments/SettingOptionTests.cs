using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Locks;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments.Swap;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>An experiment's options: how their text becomes a value or one line that refuses it, and how given values make settings.</summary>
public sealed class SettingOptionTests
{
    private static readonly CpuTopology s_topology = TopologyReader.Read();
    private static readonly ValueRange s_range = new(5, 10_000);

    [Theory]
    [InlineData("5", 5)]
    [InlineData("10000", 10_000)]
    [InlineData("+9", 9)]
    public void A_whole_number_in_range_is_its_value(string text, int expected)
    {
        Assert.True(SettingOption.WholeNumber("--samples", "", "N", s_range).TryParse(text, out int value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("10001")]
    [InlineData("2147483648")]
    [InlineData("1e3")]
    [InlineData("")]
    public void Anything_else_is_refused_naming_the_range(string text)
    {
        Assert.Equal($"--samples must be a whole number from 5 to 10000, not '{text}'.", SettingOption.WholeNumber("--samples", "", "N", s_range).Refusal(text));
        Assert.Equal($"--ops must be a whole number from 5 to 10000, not '{text}'.", SettingOption.LongWholeNumber("--ops", "", "N", s_range).Refusal(text));
    }

    [Fact]
    public void Lists_names_and_cpus_parse_or_are_refused_in_one_line()
    {
        SettingOption<IReadOnlyList<int>> distances = SettingOption.WholeNumbers("--distances", "", new ValueRange(8, 4096));
        Assert.True(distances.TryParse("8, 16,64", out IReadOnlyList<int>? values, out _));
        Assert.Equal([8, 16, 64], values);
        Assert.Equal("--distances takes whole numbers from 8 to 4096 separated by commas, not '8,x'.", distances.Refusal("8,x"));

        SettingOption<IReadOnlyList<string>> kinds = SettingOption.Names("--kinds", "", ["bitlock", "ticket"]);
        Assert.True(kinds.TryParse("ticket,bitlock", out IReadOnlyList<string>? names, out _));
        Assert.Equal(["ticket", "bitlock"], names);
        Assert.Equal(SettingChecks.UnknownNamesRefusal(["mutex"], ["bitlock", "ticket"], "--kinds"), kinds.Refusal("mutex"));

        SettingOption<CpuSet> cpus = SettingOption.Cpus("--cpus", "");
        Assert.True(cpus.TryParse("0-3:2", out CpuSet? set, out _));
        Assert.Equal([0, 2], set);
        Assert.StartsWith("--cpus: ", cpus.Refusal("0-x"), StringComparison.Ordinal);
    }

    [Fact]
    public void One_name_is_one_of_the_known_and_a_switch_takes_no_value()
    {
        SettingOption<string> holder = SettingOption.OneName("--lock-holder", "", ["kthread", "thread"]);
        Assert.True(holder.TryParse("thread", out string? name, out _));
        Assert.Equal("thread", name);
        Assert.Equal("kthread|thread", holder.HelpName);
        Assert.Equal("--lock-holder takes kthread or thread, not 'kthread,thread'.", holder.Refusal("kthread,thread"));
        Assert.True(holder.TakesValue);

        SettingOption<bool> nofs = SettingOption.Flag("--nofs-can-fail", "");
        Assert.False(nofs.TakesValue);
        Assert.True(nofs.TryParse(SettingOption.FlagGiven, out bool on, out _));
        Assert.True(on);
        Assert.Equal("--nofs-can-fail takes no value.", nofs.Refusal("off"));
    }

    [Fact]
    public void Options_given_go_over_the_profile_and_the_rest_stay()
    {
        var locks = new LocksExperiment();
        LocksSettings profile = locks.DefaultSettings(SuiteProfile.Quick, s_topology);

        LocksSettings given = locks.Settings(SuiteProfile.Quick, s_topology, new GivenText(("--kinds", "ticket"), ("--duration-ms", "7"), ("--threads", "1")));

        Assert.Equal(["ticket"], given.Kinds);
        Assert.Equal(TimeSpan.FromMilliseconds(7), given.ContendedDuration);
        Assert.Single(given.Cpus);
        // The curve's counts follow the CPUs the options gave: one CPU, the lone worker alone.
        Assert.Equal([1], given.WorkerCounts);
        Assert.Equal(profile.Samples, given.Samples);
        LocksSettings none = locks.Settings(SuiteProfile.Quick, s_topology, SettingValues.None);
        Assert.Equal(profile.Cpus, none.Cpus);
        Assert.Equal(profile.Kinds, none.Kinds);
        Assert.Equal(profile.WorkerCounts, none.WorkerCounts);
        Assert.Equal(profile with { Cpus = none.Cpus, Kinds = none.Kinds, WorkerCounts = none.WorkerCounts }, none);
    }

    [Fact]
    public void More_threads_than_cpus_named_is_refused_when_preparing()
    {
        var swap = new SwapExperiment(churn: false);
        string cpu = s_topology.Usable[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        ExperimentSettingsException error = Assert.Throws<ExperimentSettingsException>(
            () => swap.Prepare(SuiteProfile.Quick, s_topology, new GivenText(("--cpus", cpu), ("--threads", "2"))));
        Assert.Equal($"--threads 2 is more than the 1 CPU --cpus names ({cpu}); HwLab runs one pinned worker per CPU", error.Message);
    }

    [Fact]
    public void Every_experiment_of_the_catalog_prepares_on_its_profile_where_the_machine_allows()
    {
        foreach (IExperiment experiment in ExperimentCatalog.Standard.All)
        {
            try
            {
                Assert.Same(experiment, experiment.Prepare(SuiteProfile.Quick, s_topology, SettingValues.None).Experiment);
            }
            catch (ExperimentSettingsException e) when (s_topology.Usable.Count < 2)
            {
                Assert.Contains("needs 2", e.Message, StringComparison.Ordinal);
            }
        }
    }
}
