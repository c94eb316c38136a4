namespace HwLab.Cli.Tests;

/// <summary>A process narrowed to fewer CPUs than an experiment needs is told so in terms of what narrowed it, not of an option it never gave.</summary>
public sealed class CpuRestrictionTests
{
    [Fact]
    public void Under_taskset_with_one_cpu_c2c_names_the_process_cpus_not_the_option()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/usr/bin/taskset"), "needs Linux and taskset (util-linux)");
        using HwLabProcess process = HwLabProcess.StartUnder(["taskset", "-c", "0"], "run", "c2c", "--quick");

        CliRun run = process.WaitForExit(TimeSpan.FromMinutes(1));

        run.AssertUsageError("This process may use 1 CPU (0; taskset, container cpusets and offline CPUs narrow it), but this needs 2.");
        Assert.DoesNotContain("--cpus", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cpu_list_too_short_still_names_the_option()
    {
        Assert.SkipWhen(HwLab.Native.Threading.ThreadPinning.AllowedCpus.Count < 2, "with one usable CPU, --cpus 0 is every CPU the process may use");
        CliRun.InProcess("run", "c2c", "--quick", "--cpus", "0").AssertUsageError("--cpus gives 1 CPU (0), but this needs 2.");
    }
}
