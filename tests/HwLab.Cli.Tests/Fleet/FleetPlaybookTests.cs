using System.Text.Json;
using HwLab.Cli.Tests.Install;
using HwLab.Native.Threading;

namespace HwLab.Cli.Tests.Fleet;

/// <summary>
/// deploy/ansible/hwlab-fleet.yml end to end against three names for this machine
/// (ansible_connection=local): two run the quick suite one after the other, the third is given a
/// work directory nobody can write and must come back as failed without costing the other two
/// their results. ansible-core comes from Debian (install-ansible.sh, run by .ci/run).
/// </summary>
public sealed class FleetPlaybookTests
{
    private static readonly TimeSpan s_playbookTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public void The_playbook_passes_ansibles_syntax_check()
    {
        string? ansible = AnsiblePlaybook();
        Assert.SkipWhen(ansible is null, "ansible-playbook is not on PATH (tests/HwLab.Cli.Tests/Fleet/install-ansible.sh installs ansible-core where it can)");
        using var temp = new TempDirectory();
        string inventory = Inventory(temp, "/tmp/unused");

        CliRun run = ChildProcess.Run(ansible!, ["-i", inventory, "--syntax-check", Playbook()], temp.Path, TimeSpan.FromMinutes(2), Environment());

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
    }

    [Fact]
    public void Two_hosts_come_back_with_results_and_a_fleet_report_and_a_broken_one_as_failed()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the playbook builds for linux-x64 and the hosts are this Linux machine");
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs for the quick suite's cache-line experiments");
        string? ansible = AnsiblePlaybook();
        Assert.SkipWhen(ansible is null, "ansible-playbook is not on PATH (tests/HwLab.Cli.Tests/Fleet/install-ansible.sh installs ansible-core where it can)");
        using var temp = new TempDirectory();
        string results = Path.Combine(temp.Path, "results");
        string inventory = Inventory(temp, results);

        CliRun run = ChildProcess.Run(ansible!, ["-i", inventory, "-e", "hwlab_serial=1", Playbook()], temp.Path, s_playbookTimeout, Environment());

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        foreach (string host in new[] { "alpha", "beta" })
        {
            Assert.True(File.Exists(Path.Combine(results, host, "results.json")), $"{host}'s results did not come back:\n{run.Output}");
            Assert.False(File.Exists(Path.Combine(results, host, "hwlab-failed.json")), $"{host} was marked failed:\n{run.Output}");
        }
        string failure = Path.Combine(results, "broken", "hwlab-failed.json");
        Assert.True(File.Exists(failure), $"the broken host left no failure record:\n{run.Output}");
        using (JsonDocument record = JsonDocument.Parse(File.ReadAllText(failure)))
        {
            Assert.Equal("hwlab.fleet-failure/1", record.RootElement.GetProperty("schema").GetString());
            Assert.Equal("broken", record.RootElement.GetProperty("host").GetString());
            Assert.Equal("check", record.RootElement.GetProperty("stage").GetString());
            Assert.Contains("not writable", record.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        string fleet = File.ReadAllText(Path.Combine(results, "fleet", "fleet.md"));
        Assert.Contains("alpha", fleet, StringComparison.Ordinal);
        Assert.Contains("beta", fleet, StringComparison.Ordinal);
        Assert.Contains("broken", fleet, StringComparison.Ordinal);
        Assert.Contains("not writable", fleet, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(results, "fleet", "fleet.html")));
    }

    private static string Playbook() => Path.Combine(InstalledTool.RepositoryRoot(), "deploy", "ansible", "hwlab-fleet.yml");

    // Three names for this machine, run one at a time (they share its CPUs); "broken" gets a work
    // directory under /proc, which not even root can create.
    private static string Inventory(TempDirectory temp, string results)
    {
        string work = Path.Combine(temp.Path, "work");
        const string EachHost = "{{ inventory_hostname }}";
        string path = temp.File("inventory.ini");
        File.WriteAllText(path, $"""
            [hwlab]
            alpha ansible_connection=local
            beta ansible_connection=local
            broken ansible_connection=local hwlab_work_dir=/proc/hwlab-fleet-unwritable

            [all:vars]
            ansible_python_interpreter=auto_silent
            hwlab_profile=quick
            hwlab_work_dir={work}/{EachHost}
            hwlab_local_results={results}
            hwlab_build_dir={Path.Combine(temp.Path, "build")}
            hwlab_host_lock={Path.Combine(temp.Path, "host.lock")}
            """);
        return path;
    }

    private static Dictionary<string, string> Environment() => new()
    {
        ["ANSIBLE_NOCOLOR"] = "1",
        ["ANSIBLE_LOCALHOST_WARNING"] = "False",
        ["ANSIBLE_RETRY_FILES_ENABLED"] = "False",
    };

    private static string? AnsiblePlaybook()
        => (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "ansible-playbook"))
            .FirstOrDefault(File.Exists);
}
