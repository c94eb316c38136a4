using System.CommandLine;
using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Swap;
using HwLab.Layout;
using HwLab.Native.Threading;
using HwLab.Native.Topology;

namespace HwLab.Cli.Commands;

/// <summary>`hwlab run swap` and `hwlab run churn`: the same knobs, the second with the free list scrambled first.</summary>
internal static class SwapRunCommand
{
    public static Command Create(SwapExperiment experiment, TextWriter output, TextWriter error)
    {
        var profile = new ProfileOptions();
        var outputOptions = new RunOutputOptions();
        Option<CpuSet?> cpus = CliOptions.Cpus("--cpus", "CPUs for the workers, one each [default: usable CPUs, one per core first, at most 16]");
        Option<int?> threads = CliOptions.Int("--threads", "The most workers (the first of --cpus) [default: usable CPUs, at most 16]", "N", v => v >= 1, "a positive number");
        Option<int[]?> workers = CliOptions.IntList("--workers", "Worker counts to measure; scaling is against 1 [default: 1 and every worker; with --full the powers of two between]", "LIST");
        Option<int?> samples = CliOptions.Int("--samples", $"Samples per point {Defaults(s => s.Samples)}", "N", v => v >= 5, "at least 5");
        Option<long?> ops = CliOptions.Long("--ops", $"Swap-out + free operations per worker per sample {Defaults(s => s.OperationsPerWorker)}", "N", v => v >= 256, "at least 256");
        Option<string[]?> modes = CliOptions.NameList("--modes", $"Lock modes: device (si->lock only, before the seed), bitlock (the seed), spinlock (merged 4.11) {Defaults(s => s.Modes)}", SwapSettings.KnownModes);
        Option<string[]?> orders = CliOptions.NameList("--orders", $"Free-cluster orders: sequential, columns {Defaults(s => s.Orders)}", SwapSettings.KnownOrders);
        Option<int[]?> layouts = CliOptions.IntList("--layouts", $"swap_cluster_info sizes in bytes: 4 (device only), 8, 24, 32, 64 {Defaults(s => string.Join(',', s.Layouts))}", "LIST");
        Option<string[]?> rule = CliOptions.NameList("--cols-rule", "SWAP_CLUSTER_COLS: seed (line size / struct size) or merged (64, the merged kernel's rule) [default: seed]", ["seed", "merged"]);
        Option<int?> clusterPages = CliOptions.Int("--cluster-pages", "SWAPFILE_CLUSTER, slots per cluster [default: 256]", "N", _ => true, "a whole number");
        Option<int?> fifo = CliOptions.Int("--fifo", $"Slots a worker holds before swapping the oldest back in [default: {SwapSettings.DefaultFifo}]", "N", v => v >= 1, "at least 1");
        Option<long?> slots = CliOptions.Long("--device-slots", "Slots of the swap device [default: 16 clusters per worker, at least 64 clusters]", "N", v => v >= 1, "a positive number");
        Option<int?> seed = CliOptions.Int("--seed", $"Seed of the churn phase [default: {SwapSettings.DefaultSeed}]", "N", _ => true, "a whole number");
        var command = new Command(experiment.Name, experiment.Description) { cpus, threads, workers, samples, ops, modes, orders, layouts, rule, clusterPages, fifo, slots, seed };
        profile.AddTo(command);
        outputOptions.AddTo(command);
        command.SetAction(parsed =>
        {
            CpuTopology topology = TopologyReader.Read();
            SuiteProfile chosenProfile = profile.Read(parsed);
            SwapSettings settings = experiment.DefaultSettings(chosenProfile, topology);
            IReadOnlyList<int> chosenCpus = WorkerCpus.Choose(topology, parsed.GetValue(cpus), parsed.GetValue(threads), settings.Cpus);
            settings = settings with
            {
                Cpus = chosenCpus,
                WorkerCounts = CliOptions.GivenOr(parsed.GetValue(workers), SwapSettings.WorkerCountsFor(chosenProfile, chosenCpus.Count)),
                Samples = parsed.GetValue(samples) ?? settings.Samples,
                OperationsPerWorker = parsed.GetValue(ops) ?? settings.OperationsPerWorker,
                Modes = CliOptions.GivenOr(parsed.GetValue(modes), settings.Modes),
                Orders = CliOptions.GivenOr(parsed.GetValue(orders), settings.Orders),
                Layouts = CliOptions.GivenOr(parsed.GetValue(layouts), settings.Layouts),
                ColumnRule = CliOptions.GivenOr(parsed.GetValue(rule), ["seed"])[0] == "merged" ? ClusterColumnRule.Merged : ClusterColumnRule.Seed,
                ClusterPages = parsed.GetValue(clusterPages) ?? settings.ClusterPages,
                Fifo = parsed.GetValue(fifo) ?? settings.Fifo,
                DeviceSlots = parsed.GetValue(slots) ?? settings.DeviceSlots,
                Seed = parsed.GetValue(seed) ?? settings.Seed,
            };
            return RunPipeline.Execute(experiment, settings, topology, outputOptions.Read(parsed), output, error);
        });
        return command;
    }

    private static string Defaults<T>(Func<SwapSettings, T> value) => ProfileDefaults.Text(p => SwapSettings.ForProfile(p, [0]), value);
}
