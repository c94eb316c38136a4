using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>A file that is there but unreadable is an error naming the file, not a guess.</summary>
public sealed class MalformedInputTests
{
    [Theory]
    [InlineData("/sys/devices/system/cpu/online", "0-")]
    [InlineData("/sys/devices/system/cpu/online", "")]
    [InlineData("/sys/devices/system/cpu/possible", "zero")]
    [InlineData("/sys/devices/system/cpu/cpu1/topology/core_id", "one")]
    [InlineData("/sys/devices/system/cpu/cpu0/topology/physical_package_id", "0x0")]
    [InlineData("/sys/devices/system/cpu/cpu0/topology/die_id", "")]
    [InlineData("/sys/devices/system/cpu/cpu1/topology/thread_siblings_list", "1,,")]
    [InlineData("/sys/devices/system/cpu/cpu0/cache/index0/size", "48Q")]
    [InlineData("/sys/devices/system/cpu/cpu0/cache/index0/size", "K")]
    [InlineData("/sys/devices/system/cpu/cpu0/cache/index0/type", "Trace")]
    [InlineData("/sys/devices/system/cpu/cpu0/cache/index0/level", "L1")]
    [InlineData("/sys/devices/system/cpu/cpu1/cache/index3/shared_cpu_list", "0-1-2")]
    [InlineData("/sys/devices/system/cpu/cpu0/cache/index2/ways_of_associativity", "16-way")]
    [InlineData("/sys/devices/system/node/node0/cpulist", "0-1x")]
    [InlineData("/proc/self/status", "Cpus_allowed_list:\t3-1")]
    [InlineData("/proc/self/status", "Cpus_allowed:\tzz")]
    [InlineData("/proc/cpuinfo", "processor\t: first")]
    public void Bad_content_names_the_file(string path, string content)
    {
        SysfsSnapshot snapshot = TopologyFixtures.Load(TopologyFixtures.Kvm).With(path, content);

        FormatException e = Assert.Throws<FormatException>(() => TopologyParser.Parse(snapshot));

        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Core_id_from_cpuinfo_is_checked_too()
    {
        SysfsSnapshot kvm = TopologyFixtures.Load(TopologyFixtures.Kvm);
        Assert.True(kvm.TryGet("/proc/cpuinfo", out string? cpuInfo));
        SysfsSnapshot snapshot = kvm
            .Without("/sys/devices/system/cpu/cpu1/topology/core_id")
            .With("/proc/cpuinfo", cpuInfo.Replace("core id\t\t: 1", "core id\t\t: one", StringComparison.Ordinal));

        FormatException e = Assert.Throws<FormatException>(() => TopologyParser.Parse(snapshot));

        Assert.Equal("/proc/cpuinfo processor 1 \"core id\": 'one' is not a whole number.", e.Message);
    }
}
