using HwLab.Lab.Experiments.C2c;
using HwLab.Lab.Experiments.Setup;
using HwLab.Lab.Experiments;
using HwLab.Native.Tests.Topology;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Experiments.C2c;

/// <summary>
/// Which pairs c2c measures on synthesized machines: every pair up to the CPU bound, and beyond it
/// a sample that holds every relation and joins every pair of L3 domains, within a bound worked
/// out here from the layout: K pairs per relation present plus one per pair of domains.
/// </summary>
public sealed class C2cPlanTests
{
    private const int K = C2cPlan.PairsPerRelation;

    [Fact]
    public void Sixteen_cores_with_smt_are_a_full_matrix()
    {
        C2cPlan plan = DefaultPlan(TopologyFixtures.Desktop, SuiteProfile.Default);

        Assert.True(plan.FullMatrix);
        Assert.Equal(32 * 31 / 2, plan.Pairs.Count);
        Assert.Equal(plan.Pairs.Count, plan.Pairs.Select(p => (p.First, p.Second)).Distinct().Count());
        Assert.All(plan.Pairs, p => Assert.True(p.First < p.Second));
        // 16 sibling pairs; every other pair shares the one L3.
        Assert.Equal(16, plan.Pairs.Count(p => p.Relation == CpuRelation.SmtSibling));
        Assert.Equal((32 * 31 / 2) - 16, plan.Pairs.Count(p => p.Relation == CpuRelation.SameL3));
        Assert.Equal("full matrix, 496 pairs of 32 CPUs", plan.Text);
    }

    [Fact]
    public void The_full_profile_measures_every_pair_of_64_cpus()
    {
        C2cPlan plan = DefaultPlan(TopologyFixtures.Arm64, SuiteProfile.Full);
        Assert.True(plan.FullMatrix);
        Assert.Equal(64 * 63 / 2, plan.Pairs.Count);

        // The default profile's bound is 32 CPUs: the same machine is sampled, a 32-CPU one is not.
        Assert.False(DefaultPlan(TopologyFixtures.Arm64, SuiteProfile.Default).FullMatrix);
        Assert.True(DefaultPlan(TopologyFixtures.Desktop, SuiteProfile.Default).FullMatrix);
        Assert.False(DefaultPlan(TopologyFixtures.Desktop, SuiteProfile.Quick).FullMatrix);
    }

    [Fact]
    public void Epyc_sample_holds_every_relation_and_joins_every_pair_of_ccxs()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Epyc);
        C2cPlan plan = DefaultPlan(TopologyFixtures.Epyc, SuiteProfile.Default);

        // 2 sockets x 8 CCXs: 16 L3 domains, 16 x 17 / 2 pairs of them (each with itself
        // included); four relations present (SMT, one CCX, one socket, two sockets).
        const int Domains = 16;
        const int DomainPairs = Domains * (Domains + 1) / 2;
        Assert.False(plan.FullMatrix);
        Assert.Equal(Domains, plan.L3Domains);
        Assert.Equal(0, plan.DomainPairsLeftOut);
        Assert.InRange(plan.Pairs.Count, DomainPairs, DomainPairs + (4 * K));
        AssertCoversEveryRelationAndDomainPair(topology, topology.Usable, plan);
        Assert.Equal(256L * 255 / 2, plan.AllPairs);

        // Spread: the sibling pairs come from both sockets, the cross-socket ones from K pairs of CCXs.
        var relations = new CpuRelations(topology);
        Assert.Equal(2, plan.Pairs.Where(p => p.Relation == CpuRelation.SmtSibling).Select(p => relations.PackageOf(p.First)).Distinct().Count());
        CpuPair[] other = [.. plan.Pairs.Where(p => p.Relation == CpuRelation.OtherPackage)];
        Assert.True(other.Length >= K);
    }

    [Fact]
    public void Restricted_512_sample_covers_the_usable_cpus_within_its_bound()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Restricted512);
        C2cPlan plan = DefaultPlan(TopologyFixtures.Restricted512, SuiteProfile.Default);

        // Usable: 4 CCXs of each socket, 128 CPUs: 8 domains, 36 pairs of them, 4 relations.
        Assert.False(plan.FullMatrix);
        Assert.Equal(128, plan.Cpus);
        Assert.Equal(8, plan.L3Domains);
        Assert.InRange(plan.Pairs.Count, 8 * 9 / 2, (8 * 9 / 2) + (4 * K));
        AssertCoversEveryRelationAndDomainPair(topology, topology.Usable, plan);
        Assert.All(plan.Pairs, p => Assert.True(topology.Usable.Contains(p.First) && topology.Usable.Contains(p.Second)));
    }

    [Fact]
    public void All_484_online_cpus_of_the_512_machine_are_sampled_within_the_bound()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Restricted512);
        C2cSettings settings = C2cSettings.ForProfile(SuiteProfile.Default, [.. topology.Online]);
        C2cPlan plan = C2cExperiment.Plan(settings, topology);

        // Socket 0 has 15 CCXs online, socket 1 all 16: 31 domains, 31 x 32 / 2 pairs of them.
        const int DomainPairs = 31 * 32 / 2;
        Assert.Equal(31, plan.L3Domains);
        Assert.InRange(plan.Pairs.Count, DomainPairs, DomainPairs + (4 * K));
        Assert.True(plan.Pairs.Count <= settings.MaxPairs);
        AssertCoversEveryRelationAndDomainPair(topology, topology.Online, plan);
    }

    [Fact]
    public void A_sample_is_the_same_for_a_seed_and_another_for_another_seed()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Epyc);
        C2cSettings settings = C2cSettings.ForProfile(SuiteProfile.Default, [.. topology.Usable]);

        CpuPair[] first = [.. C2cExperiment.Plan(settings, topology).Pairs];
        CpuPair[] again = [.. C2cExperiment.Plan(settings, topology).Pairs];
        CpuPair[] other = [.. C2cExperiment.Plan(settings with { Seed = settings.Seed + 1 }, topology).Pairs];

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Max_pairs_ends_a_sample_and_counts_the_domain_pairs_left_out()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Epyc);
        C2cSettings settings = C2cSettings.ForProfile(SuiteProfile.Default, [.. topology.Usable]) with { MaxPairs = 20 };
        C2cPlan plan = C2cExperiment.Plan(settings, topology);

        Assert.Equal(20, plan.Pairs.Count);
        // 20 pairs join at most 20 of the 136 pairs of domains.
        Assert.InRange(plan.DomainPairsLeftOut, 136 - 20, 136);
    }

    [Fact]
    public void The_duration_is_worked_out_from_the_plan()
    {
        CpuTopology topology = TopologyFixtures.Parse(TopologyFixtures.Desktop);
        C2cSettings settings = C2cSettings.ForProfile(SuiteProfile.Default, [.. topology.Usable]);
        C2cPlan plan = C2cExperiment.Plan(settings, topology);

        // 496 pairs, 2 implementations, 9 samples and 2 warm-up runs of 50 000 round trips.
        long runs = 2L * (9 + 2) * 50_000;
        Assert.Equal(496 * runs * RunBudget.RoundTripFloorNanoseconds, C2cDuration.FloorNanoseconds(settings, plan));
        // At peers' latencies: 16 sibling pairs at 2 x 8 ns a round trip, 480 pairs at 2 x 51 ns.
        Assert.Equal(((16 * 16) + (480 * 102)) * runs / 1e9, C2cDuration.EstimateSeconds(settings, plan), 9);
    }

    [Theory]
    [InlineData(TopologyFixtures.Epyc, SuiteProfile.Quick)]
    [InlineData(TopologyFixtures.Epyc, SuiteProfile.Full)]
    [InlineData(TopologyFixtures.FourSocket, SuiteProfile.Full)]
    [InlineData(TopologyFixtures.IntelSnc, SuiteProfile.Full)]
    [InlineData(TopologyFixtures.Restricted512, SuiteProfile.Default)]
    public void Each_profile_runs_within_the_budget_on_large_machines(string machine, SuiteProfile profile)
    {
        CpuTopology topology = TopologyFixtures.Parse(machine);
        var experiment = new C2cExperiment();
        experiment.Validate(experiment.DefaultSettings(profile, topology), topology);
    }

    private static C2cPlan DefaultPlan(string machine, SuiteProfile profile)
    {
        CpuTopology topology = TopologyFixtures.Parse(machine);
        return C2cExperiment.Plan(new C2cExperiment().DefaultSettings(profile, topology), topology);
    }

    // Every relation the CPUs form has K pairs in the plan, or all of them where there are fewer;
    // every pair of L3 domains of the CPUs (a domain with itself, where it has two CPUs) is joined.
    private static void AssertCoversEveryRelationAndDomainPair(CpuTopology topology, CpuSet cpus, C2cPlan plan)
    {
        var relations = new CpuRelations(topology);
        long[] available = relations.Count(cpus);
        foreach (CpuRelation relation in CpuRelationNames.All)
        {
            Assert.True(plan.Pairs.Count(p => p.Relation == relation) >= Math.Min(K, available[(int)relation]), $"{relation.Name()}: fewer than {K} pairs");
        }
        Assert.All(plan.Pairs, p => Assert.Equal(relations.Of(p.First, p.Second), p.Relation));

        IGrouping<int, int>[] domains = [.. cpus.GroupBy(relations.L3DomainOf)];
        var joined = plan.Pairs.Select(p => (Math.Min(p.FirstDomain, p.SecondDomain), Math.Max(p.FirstDomain, p.SecondDomain))).ToHashSet();
        foreach (IGrouping<int, int> a in domains)
        {
            foreach (IGrouping<int, int> b in domains.Where(b => b.Key > a.Key || (b.Key == a.Key && a.Count() > 1)))
            {
                Assert.Contains((a.Key, b.Key), joined);
            }
        }
    }
}
