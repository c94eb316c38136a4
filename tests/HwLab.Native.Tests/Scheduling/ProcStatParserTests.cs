using HwLab.Native.Scheduling;

namespace HwLab.Native.Tests.Scheduling;

public sealed class ProcStatParserTests
{
    [Fact]
    public void The_captured_kvm_guest_gives_both_cpus_with_their_steal()
    {
        // Fixtures/procstat/kvm-2vcpu.stat: /proc/stat of the 2-vCPU KVM guest, Linux 6.18.
        IReadOnlyDictionary<int, CpuTimes> cpus = ProcStatParser.ParsePerCpu(File.ReadAllText(RepoPaths.Fixture("procstat/kvm-2vcpu.stat")));

        Assert.Equal([0, 1], cpus.Keys.Order());
        Assert.Equal(new CpuTimes(368082, 173, 33269, 152859, 215, 0, 96, 5464, 0, 0), cpus[0]);
        Assert.Equal(5391, cpus[1].Steal);
        Assert.Equal(366792 + 157 + 32708 + 153651 + 1179 + 0 + 321 + 5391, cpus[1].Total);
    }

    [Fact]
    public void An_old_kernel_without_steal_and_guest_fields_reads_them_as_zero()
    {
        // Before 2.6.11 a cpuN line ends after softirq.
        IReadOnlyDictionary<int, CpuTimes> cpus = ProcStatParser.ParsePerCpu("cpu  10 0 5 100 1 0 0\ncpu3 10 0 5 100 1 0 0\nintr 5\n");

        Assert.Equal(new CpuTimes(10, 0, 5, 100, 1, 0, 0, 0, 0, 0), Assert.Single(cpus).Value);
        Assert.Equal(3, cpus.Keys.Single());
    }

    [Fact]
    public void Guest_time_is_not_counted_twice_in_the_total()
    {
        // account_guest_time() adds guest ticks to user as well.
        var times = new CpuTimes(100, 10, 0, 0, 0, 0, 0, 5, 60, 4);
        Assert.Equal(115, times.Total);
    }

    [Theory]
    [InlineData("cpux 1 2 3 4\n", "'cpux' is not cpu followed by a CPU number")]
    [InlineData("cpu0 1 2 3\n", "cpu0 has 3 fields")]
    [InlineData("cpu0 1 2 -3 4\n", "cpu0 field 3 is '-3'")]
    [InlineData("cpu0 1 2 3 99999999999999999999\n", "field 4 is '99999999999999999999'")]
    [InlineData("cpu0 1 2 3 4\ncpu0 1 2 3 4\n", "line 2: cpu0 appears twice")]
    public void A_malformed_cpu_line_is_refused_naming_it(string text, string expected)
    {
        FormatException refused = Assert.Throws<FormatException>(() => ProcStatParser.ParsePerCpu(text));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_other_than_cpu_lines_are_ignored()
    {
        Assert.Empty(ProcStatParser.ParsePerCpu("cpu  1 2 3 4\nctxt 5\nbtime 6\nprocs_running 1\n"));
    }
}
