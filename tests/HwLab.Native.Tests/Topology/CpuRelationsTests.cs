using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>
/// The relation of every pair of CPUs on each captured and synthesized machine. The expected
/// counts are worked out here from each layout as generate-synthetic-captures.py describes it,
/// and each set of counts is checked to add up to every pair of the CPUs.
/// </summary>
public sealed class CpuRelationsTests
{
    [Fact]
    public void Kvm_two_vcpus_share_an_l3()
        => AssertCounts(TopologyFixtures.Kvm, cpus: 2, sameL3: 1);

    [Fact]
    public void Xeon_two_sockets_one_l3_each()
        // 64 cores of 2 threads; each socket's 64 CPUs share its L3 and node.
        => AssertCounts(TopologyFixtures.Xeon, cpus: 128, smt: 64, sameL3: 2 * (C2(64) - 32), otherPackage: 64 * 64);

    [Fact]
    public void Container_online_and_usable_pairs()
    {
        // Online 0-5: cores {0,4}, {1,5}, {2}, {3}; one L3 over all.
        AssertCounts(TopologyFixtures.Container, cpus: 6, smt: 2, sameL3: C2(6) - 2);
        // Usable 1, 2, 5: 1-5 are siblings, 1-2 and 2-5 share the L3.
        AssertCounts(TopologyFixtures.Container, cpus: 3, smt: 1, sameL3: 2, of: CpuSet.Of(1, 2, 5));
    }

    [Fact]
    public void Mismatch_four_cores_share_an_l3()
        => AssertCounts(TopologyFixtures.Mismatch, cpus: 4, sameL3: C2(4));

    [Fact]
    public void Desktop_sixteen_cores_one_l3()
        => AssertCounts(TopologyFixtures.Desktop, cpus: 32, smt: 16, sameL3: C2(32) - 16);

    [Fact]
    public void Epyc_ccx_of_eight_cores_one_node_per_socket()
    {
        // 16 CCXs of 8 cores (16 CPUs); 8 CCXs a socket, one node a socket.
        long smt = 128;
        long sameL3 = 16 * (C2(16) - 8);
        long sameNode = 2 * (C2(128) - (8 * C2(16)));
        AssertCounts(TopologyFixtures.Epyc, cpus: 256, smt: smt, sameL3: sameL3, sameNode: sameNode, otherPackage: 128 * 128);
    }

    [Fact]
    public void Intel_snc_splits_the_socket_wide_l3_by_node()
    {
        // 4 nodes of 16 cores (32 CPUs); the L3 /sys gives per socket counts per node.
        long sameL3 = 4 * (C2(32) - 16);
        long samePackage = 2 * (C2(64) - (2 * C2(32)));
        AssertCounts(TopologyFixtures.IntelSnc, cpus: 128, smt: 64, sameL3: sameL3, samePackage: samePackage, otherPackage: 64 * 64);
    }

    [Fact]
    public void Four_sockets_one_l3_each()
    {
        long sameL3 = 4 * (C2(112) - 56);
        long otherPackage = C2(448) - (4 * C2(112));
        AssertCounts(TopologyFixtures.FourSocket, cpus: 448, smt: 224, sameL3: sameL3, otherPackage: otherPackage);
    }

    [Fact]
    public void Arm64_pairs_of_cores_share_an_l2_and_clusters_of_sixteen_an_l3()
    {
        long sameL2 = 32;
        long sameL3 = 4 * (C2(16) - 8);
        long sameNode = C2(64) - (4 * C2(16));
        AssertCounts(TopologyFixtures.Arm64, cpus: 64, sameL2: sameL2, sameL3: sameL3, sameNode: sameNode);
    }

    [Fact]
    public void Restricted_512_online_pairs_leave_out_offline_cpus()
    {
        // Socket 0: cores 0-119 with 2 threads, 15 full CCXs of 16 CPUs (its last CCX is offline).
        // Socket 1: cores 0-115 with 2 threads, 116-127 with 1: 14 full CCXs, CCX 14 of 12 CPUs
        // (4 cores of 2 threads, 4 of 1), CCX 15 of 8 single-thread cores.
        long socket0 = 240;
        long socket1 = 244;
        long smt = 120 + 116;
        long sameL3 = (15 * (C2(16) - 8)) + (14 * (C2(16) - 8)) + (C2(12) - 4) + C2(8);
        long sameNode = (C2(socket0) - (15 * C2(16))) + (C2(socket1) - ((14 * C2(16)) + C2(12) + C2(8)));
        AssertCounts(TopologyFixtures.Restricted512, cpus: 484, smt: smt, sameL3: sameL3, sameNode: sameNode, otherPackage: socket0 * socket1);
    }

    [Fact]
    public void Restricted_512_usable_pairs_are_four_ccxs_a_socket()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Restricted512);
        // 64 cores of 2 threads in 8 CCXs, 4 a socket.
        AssertCounts(TopologyFixtures.Restricted512, cpus: 128, smt: 64, sameL3: 8 * (C2(16) - 8), sameNode: 2 * (C2(64) - (4 * C2(16))), otherPackage: 64 * 64, of: topology.Usable);
    }

    [Theory]
    [InlineData(TopologyFixtures.Xeon, 0, 64, CpuRelation.SmtSibling)]
    [InlineData(TopologyFixtures.Xeon, 0, 1, CpuRelation.SameL3)]
    [InlineData(TopologyFixtures.Xeon, 66, 1, CpuRelation.SameL3)]
    [InlineData(TopologyFixtures.Xeon, 0, 32, CpuRelation.OtherPackage)]
    [InlineData(TopologyFixtures.Xeon, 96, 0, CpuRelation.OtherPackage)]
    [InlineData(TopologyFixtures.IntelSnc, 0, 15, CpuRelation.SameL3)]
    [InlineData(TopologyFixtures.IntelSnc, 0, 16, CpuRelation.SamePackage)]
    [InlineData(TopologyFixtures.IntelSnc, 80, 15, CpuRelation.SamePackage)]
    [InlineData(TopologyFixtures.Arm64, 0, 1, CpuRelation.SameL2)]
    [InlineData(TopologyFixtures.Arm64, 0, 2, CpuRelation.SameL3)]
    [InlineData(TopologyFixtures.Arm64, 15, 16, CpuRelation.SameNode)]
    [InlineData(TopologyFixtures.Epyc, 5, 133, CpuRelation.SmtSibling)]
    [InlineData(TopologyFixtures.Epyc, 0, 135, CpuRelation.SameL3)]
    [InlineData(TopologyFixtures.Epyc, 7, 8, CpuRelation.SameNode)]
    [InlineData(TopologyFixtures.Epyc, 63, 64, CpuRelation.OtherPackage)]
    public void A_pair_takes_the_closest_relation(string fixture, int a, int b, CpuRelation expected)
    {
        var relations = new CpuRelations(TopologyFixtures.Parse(fixture));
        Assert.Equal(expected, relations.Of(a, b));
        Assert.Equal(expected, relations.Of(b, a));
    }

    [Fact]
    public void Pairs_of_a_relation_are_those_counted()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Epyc);
        var relations = new CpuRelations(topology);
        long[] counts = relations.Count(topology.Usable);
        foreach (CpuRelation relation in CpuRelationNames.All)
        {
            (int First, int Second)[] pairs = [.. relations.Pairs(topology.Usable, relation)];
            Assert.Equal(counts[(int)relation], pairs.Length);
            Assert.All(pairs, p => Assert.True(p.First < p.Second));
            Assert.All(pairs.Take(50), p => Assert.Equal(relation, relations.Of(p.Second, p.First)));
        }
    }

    [Fact]
    public void A_cpu_in_no_node_counts_as_on_its_packages_node()
    {
        // Node 1 (socket 0's cores 16-31) loses its cpulist, and with it the distances, which
        // count the nodes: its CPUs have node -1 and join node 0, the node of their package.
        SysfsSnapshot snapshot = TopologyFixtures.Load(TopologyFixtures.IntelSnc)
            .Without(path => path.EndsWith("/distance", StringComparison.Ordinal) || path.EndsWith("/node1/cpulist", StringComparison.Ordinal));
        CpuTopology topology = TopologyParser.Parse(snapshot);
        Assert.Equal(-1, topology.Cpus[16].NumaNode);

        var relations = new CpuRelations(topology);
        Assert.Equal(CpuRelation.SameL3, relations.Of(0, 16));
        Assert.Equal(CpuRelation.SamePackage, relations.Of(32, 48));
        Assert.Null(relations.Distance(0, 16));
    }

    [Fact]
    public void A_pair_of_one_cpu_or_an_offline_cpu_is_refused()
    {
        var relations = new CpuRelations(TopologyFixtures.Parse(TopologyFixtures.Restricted512));
        Assert.Throws<ArgumentException>(() => relations.Of(3, 3));
        Assert.Throws<ArgumentException>(() => relations.Of(0, 120));
        Assert.False(relations.Contains(120));
        // Counting leaves offline CPUs out, as the allowed set may name them.
        Assert.Equal(0, relations.Count(CpuSet.Range(120, 127)).Sum());
    }

    [Fact]
    public void Relation_names_are_kebab_case_and_parse_back()
    {
        Assert.Equal(["smt-sibling", "same-l2", "same-l3", "same-node", "same-package", "other-package"], CpuRelationNames.All.Select(r => r.Name()));
        Assert.All(CpuRelationNames.All, r => Assert.True(CpuRelationNames.TryParse(r.Name(), out CpuRelation parsed) && parsed == r));
        Assert.False(CpuRelationNames.TryParse("smt", out _));
    }

    private static long C2(long n) => n * (n - 1) / 2;

    private static void AssertCounts(
        string fixture, long cpus, long smt = 0, long sameL2 = 0, long sameL3 = 0, long sameNode = 0, long samePackage = 0, long otherPackage = 0, CpuSet? of = null)
    {
        CpuTopology topology = TopologyFixtures.Parse(fixture);
        CpuSet set = of ?? topology.Online;
        Assert.Equal(cpus, set.Count);
        long[] expected = [smt, sameL2, sameL3, sameNode, samePackage, otherPackage];
        // The expected counts are every pair once: a check on the arithmetic above.
        Assert.Equal(C2(cpus), expected.Sum());
        Assert.Equal(expected, new CpuRelations(topology).Count(set));
    }
}
