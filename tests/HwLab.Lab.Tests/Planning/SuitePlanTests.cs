using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Planning;
using HwLab.Native.Topology;

namespace HwLab.Lab.Tests.Planning;

public sealed class SuitePlanTests
{
    public static TheoryData<string, SuiteProfile> EveryMachineAndProfile
    {
        get
        {
            var data = new TheoryData<string, SuiteProfile>();
            foreach (string capture in CapturedMachines.All)
            {
                foreach (SuiteProfile profile in Enum.GetValues<SuiteProfile>())
                {
                    data.Add(capture, profile);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryMachineAndProfile))]
    public void The_suite_on_every_captured_machine_stays_within_its_profiles_bound(string capture, SuiteProfile profile)
    {
        CpuTopology topology = CapturedMachines.Parse(capture);
        SuitePlan plan = SuitePlan.For(ExperimentCatalog.Standard, profile, topology, OperationCosts.Documented);
        Assert.True(plan.WithinBound, $"{capture} {profile}: at most {plan.MaximumSeconds:0} s, over {SuitePlan.Bound(profile).TotalSeconds} s: "
            + string.Join(", ", plan.Experiments.Select(e => $"{e.Name} {e.MaximumSeconds:0.#} s")));
        // Every experiment runs where the machine has two CPUs to give it; none is skipped for being too big.
        Assert.All(plan.Experiments, e => Assert.True(e.Skipped is null || topology.Usable.Count < 2, $"{e.Name}: {e.Skipped}"));
    }

    [Fact]
    public void A_shape_is_priced_as_its_rounds_of_runs_plus_its_fixed_time()
    {
        var costs = OperationCosts.Documented with { SampleOverheadNs = 1_000, ThreadStartNs = 100 };
        var shape = new RunShape(2, 2, 3, [new VariantRuns("pairs", 2, 2, OperationKind.RoundTrip, 10)], [], FixedNanoseconds: 7);
        // One run: 10 round trips, two threads started, one sample's probes.
        double run = (10 * costs.RoundTripNs) + (2 * 100) + 1_000;
        Assert.Equal(7 + (3 * 2 * run), shape.MinimumNanoseconds(costs), 6);
    }

    [Fact]
    public void Big_machines_get_shorter_runs_of_the_same_shape_and_this_one_the_profiles_own()
    {
        CpuTopology epyc = CapturedMachines.Parse(CapturedMachines.Epyc);
        CpuTopology kvm = CapturedMachines.Parse("kvm-2vcpu.capture");
        var swap = new Lab.Experiments.Swap.SwapExperiment(churn: false);
        long onEpyc = swap.Settings(SuiteProfile.Default, epyc, Lab.Experiments.Setup.SettingValues.None).OperationsPerWorker;
        long onKvm = swap.Settings(SuiteProfile.Default, kvm, Lab.Experiments.Setup.SettingValues.None).OperationsPerWorker;
        Assert.Equal(Lab.Experiments.Swap.SwapSettings.ForProfile(SuiteProfile.Default, [0]).OperationsPerWorker, onKvm);
        Assert.True(onEpyc < onKvm, $"{onEpyc} operations per worker on the EPYC, {onKvm} here");
    }
}
