using System.Diagnostics;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>The large synthesized machines: what each was built to show, and that parsing them stays fast.</summary>
public sealed class LargeTopologyTests
{
    public static TheoryData<string> Large => [.. TopologyFixtures.Large];

    [Theory]
    [MemberData(nameof(Large))]
    public void Parses_without_discrepancies_in_well_under_a_second(string fixture)
    {
        // Once for the JIT, so the time below is the parser's own.
        TopologyFixtures.Parse(TopologyFixtures.Kvm);
        string text = TopologyFixtures.Text(fixture);

        var clock = Stopwatch.StartNew();
        CpuTopology topology = TopologyParser.Parse(SysfsSnapshot.Parse(text));
        new CpuRelations(topology).Count(topology.Online);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{fixture}: {clock.Elapsed.TotalMilliseconds:0} ms to parse and classify every pair");
        Assert.Empty(topology.Discrepancies);
    }

    [Fact]
    public void Arm64_lines_are_128_bytes_without_cpuid()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Arm64);
        Assert.Equal(128, topology.LineSize);
        Assert.All(topology.Caches, c => Assert.Equal(128, c.LineSize));
        Assert.Null(topology.CpuId);
        Assert.Equal(1, topology.ThreadsPerCore);
        Assert.Empty(topology.SmtSiblingGroups);
        Assert.Equal(32, topology.Caches.Count(c => c.Level == 2));
        Assert.Equal(4, topology.Caches.Count(c => c.Level == 3));
    }

    [Fact]
    public void Restricted_512_usable_is_the_cpuset_less_its_offline_cpus()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Restricted512);
        Assert.Equal(CpuSet.Range(0, 511), topology.Possible);
        Assert.Equal(CpuSet.Parse("0-119,128-375,384-499"), topology.Online);
        Assert.Equal(CpuSet.Parse("0-31,120-159,256-287,376-415"), topology.Allowed);
        Assert.Equal(CpuSet.Parse("0-31,128-159,256-287,384-415"), topology.Usable);
        Assert.Equal(484, topology.Cpus.Count);
        // Socket 1's cores 116-127 lost their second thread: each is a core of one CPU.
        Assert.Equal(CpuSet.Of(244), topology.Cpus.Single(c => c.Id == 244).ThreadSiblings);
        Assert.Equal(2, topology.Packages);
        Assert.Equal(120 + 128, topology.Cores);
    }

    [Fact]
    public void Numa_distances_are_read_per_node()
    {
        var epyc = new CpuRelations(TopologyFixtures.Parse(TopologyFixtures.Epyc));
        Assert.Equal(10, epyc.Distance(0, 128));
        Assert.Equal(10, epyc.Distance(0, 63));
        Assert.Equal(32, epyc.Distance(0, 64));
        Assert.Equal(32, epyc.Distance(255, 0));

        CpuTopology snc = TopologyFixtures.Parse(TopologyFixtures.IntelSnc);
        Assert.Equal([0, 1, 2, 3], snc.NumaNodes.Select(n => n.Id));
        Assert.Equal(new Dictionary<int, int> { [0] = 12, [1] = 10, [2] = 21, [3] = 21 }, snc.NumaNodes[1].Distances);
        var sncRelations = new CpuRelations(snc);
        Assert.Equal(12, sncRelations.Distance(0, 16));
        Assert.Equal(21, sncRelations.Distance(0, 32));
        Assert.Equal(10, sncRelations.Distance(0, 79));

        var fourSocket = new CpuRelations(TopologyFixtures.Parse(TopologyFixtures.FourSocket));
        Assert.Equal(21, fourSocket.Distance(0, 56 * 3));
        Assert.Equal(10, fourSocket.Distance(56, 224 + 56));

        Assert.Equal(new Dictionary<int, int> { [0] = 10 }, TopologyFixtures.Parse(TopologyFixtures.Arm64).NumaNodes.Single().Distances);
        Assert.Equal(new Dictionary<int, int> { [0] = 10 }, TopologyFixtures.Parse(TopologyFixtures.Desktop).NumaNodes.Single().Distances);
        Assert.Equal(32, new CpuRelations(TopologyFixtures.Parse(TopologyFixtures.Restricted512)).Distance(0, 128));
    }

    [Fact]
    public void Captures_without_distance_files_still_parse_with_distances_unknown()
    {
        // The KVM capture was taken before distances were read: one node, no note needed.
        CpuTopology kvm = TopologyFixtures.Parse(TopologyFixtures.Kvm);
        Assert.Empty(kvm.NumaNodes.Single().Distances);
        Assert.Null(new CpuRelations(kvm).Distance(0, 1));

        SysfsSnapshot xeon = TopologyFixtures.Load(TopologyFixtures.Xeon).Without(path => path.EndsWith("/distance", StringComparison.Ordinal));
        CpuTopology topology = TopologyParser.Parse(xeon);
        Assert.All(topology.NumaNodes, n => Assert.Empty(n.Distances));
        Assert.Null(new CpuRelations(topology).Distance(0, 32));
        Assert.Contains(topology.Notes, note => note.Contains("distances between nodes are unknown", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10 x")]
    [InlineData("10")]
    [InlineData("10 21 21")]
    [InlineData("")]
    [InlineData("-10 21")]
    public void A_bad_distance_row_names_its_file(string row)
    {
        const string Path = "/sys/devices/system/node/node1/distance";
        SysfsSnapshot snapshot = TopologyFixtures.Load(TopologyFixtures.Xeon).With(Path, row);

        FormatException e = Assert.Throws<FormatException>(() => TopologyParser.Parse(snapshot));

        Assert.StartsWith(Path, e.Message, StringComparison.Ordinal);
    }
}
