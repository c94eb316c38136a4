using HwLab.Lab.Fleet;
using HwLab.Lab.Results;
using HwLab.Lab.Tests.Fleet;
using HwLab.Native.Files;
using Microsoft.VisualBasic.FileIO;

namespace HwLab.Cli.Tests;

public sealed class FleetCommandTests
{
    [Fact]
    public void Three_results_directories_become_fleet_html_and_md_with_the_disagreement_marked()
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string outDir = temp.File("fleet");

        CliRun run = CliRun.InProcess(["fleet", .. dirs, "--out", outDir]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Error);
        string md = File.ReadAllText(Path.Combine(outDir, FleetDirectory.MarkdownFile));
        string html = File.ReadAllText(Path.Combine(outDir, FleetDirectory.HtmlFile));
        Assert.False(File.Exists(Path.Combine(outDir, FleetDirectory.CsvFile)));
        string mark = $"{FleetFixtures.OtherHost} ({FleetFixtures.OtherCpuModel}) is refuted on \u201cThe seed patch: 8-byte clusters share";
        Assert.Contains($"- \u2260 majority: {mark}", md, StringComparison.Ordinal);
        Assert.Contains($"<li>\u2260 majority: {mark}", html, StringComparison.Ordinal);
        Assert.Contains("\u2717 refuted: 1.02 (0.97 to 1.06) \u2260 majority (confirmed, 2 of 3)", md, StringComparison.Ordinal);
        Assert.Contains("<strong>\u2260 majority (confirmed, 2 of 3)</strong>", html, StringComparison.Ordinal);
        Assert.Equal(
            $"3 machines in 2 CPU models; 21 claims, 5 with machines off the majority, 0 split.\nWritten: {Path.Combine(outDir, "fleet.md")}, {Path.Combine(outDir, "fleet.html")}\n",
            run.Output);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(outDir), p => p.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_parses_back_to_one_row_per_machine_and_point()
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string outDir = temp.File("fleet");

        CliRun run = CliRun.InProcess(["fleet", .. dirs, "--out", outDir, "--csv"]);

        Assert.True(run.ExitCode == 0, run.Error);
        FleetTables expected = FleetFixtures.Tables();
        using var parser = new TextFieldParser(Path.Combine(outDir, FleetDirectory.CsvFile)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        Assert.Equal(FleetCsv.Columns, parser.ReadFields());
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }
        Assert.Equal(expected.Points.Count, rows.Count);
        Assert.Equal(
            expected.Points.Select(p => (p.Machine, p.Experiment, p.Point.Id, p.Point.Stats.Median)),
            rows.Select(r => (r[0], r[3], r[4], double.Parse(r[8], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains($", {Path.Combine(outDir, "fleet.csv")}\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_directory_named_twice_is_two_columns_labelled_apart()
    {
        using var temp = new TempDirectory();
        string dir = WriteFleet(temp)[1];
        string outDir = temp.File("fleet");

        CliRun run = CliRun.InProcess("fleet", dir, dir, "--out", outDir);

        Assert.True(run.ExitCode == 0, run.Error);
        string md = File.ReadAllText(Path.Combine(outDir, FleetDirectory.MarkdownFile));
        Assert.Contains("| claim | experiment | majority | vm#1 | vm#2 |", md, StringComparison.Ordinal);
        Assert.Contains("Every machine that decided a claim agrees with the majority.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_out_it_writes_fleet_and_the_utc_time_in_the_current_directory()
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string work = Directory.CreateDirectory(temp.File("work")).FullName;
        string before = Environment.CurrentDirectory;
        CliRun run;
        try
        {
            Environment.CurrentDirectory = work;
            run = CliRun.InProcess(["fleet", .. dirs]);
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }

        Assert.True(run.ExitCode == 0, run.Error);
        string made = Assert.Single(Directory.GetDirectories(work));
        Assert.Matches(@"^fleet-\d{8}T\d{6}Z$", Path.GetFileName(made));
        Assert.True(File.Exists(Path.Combine(made, FleetDirectory.HtmlFile)));
    }

    [Fact]
    public void A_directory_that_does_not_exist_is_one_line_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string outDir = temp.File("fleet");

        CliRun.InProcess("fleet", dirs[0], temp.File("missing"), "--out", outDir).AssertUsageError($"{temp.File("missing")}: no such file or directory");

        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void A_directory_without_results_json_is_one_line_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string empty = Directory.CreateDirectory(temp.File("empty")).FullName;
        string outDir = temp.File("fleet");

        CliRun.InProcess("fleet", dirs[0], empty, "--out", outDir).AssertUsageError($"{empty}: no results.json in this directory");

        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("hwlab.results/3")]
    [InlineData("hwlab.results/0")]
    [InlineData("other.results/2")]
    public void Results_of_an_unknown_schema_version_are_refused_with_one_line(string schema)
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string future = Directory.CreateDirectory(temp.File("future")).FullName;
        File.WriteAllText(
            Path.Combine(future, ResultsDirectory.ResultsFile),
            FleetFixtures.Text(FleetFixtures.Version2File).Replace("\"schema\": \"hwlab.results/2\"", $"\"schema\": \"{schema}\"", StringComparison.Ordinal));
        string outDir = temp.File("fleet");

        CliRun.InProcess("fleet", dirs[0], future, "--out", outDir)
            .AssertUsageError($"{future} has schema {schema}; this HwLab reads hwlab.results/1 and hwlab.results/2");

        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Results_that_break_their_schema_are_refused_with_one_line()
    {
        using var temp = new TempDirectory();
        string broken = Directory.CreateDirectory(temp.File("broken")).FullName;
        File.WriteAllText(Path.Combine(broken, ResultsDirectory.ResultsFile), ResultsFixtures.CapturedWithEdit("machine.host", null));

        CliRun.InProcess("fleet", broken, "--out", temp.File("fleet")).AssertUsageError("machine.host");
    }

    [Fact]
    public void No_directory_at_all_is_bad_input()
    {
        CliRun run = CliRun.InProcess("fleet");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("hwlab: ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_path_is_bad_input(string path)
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);

        CliRun.InProcess("fleet", dirs[0], path, "--out", temp.File("fleet")).AssertUsageError("DIR: the path is empty");
        CliRun.InProcess("fleet", dirs[0], "--out", path).AssertUsageError("--out: the path is empty");
    }

    [Fact]
    public void Out_naming_a_regular_file_is_refused_and_the_file_kept()
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string file = temp.File("notes.txt");
        File.WriteAllText(file, "mine\n");

        CliRun.InProcess("fleet", dirs[0], "--out", file).AssertUsageError($"--out {file}: {file} is a regular file, not a directory");

        Assert.Equal("mine\n", File.ReadAllText(file));
    }

    [Theory]
    [InlineData(FleetDirectory.HtmlFile, false)]
    [InlineData(FleetDirectory.MarkdownFile, false)]
    [InlineData(FleetDirectory.CsvFile, true)]
    public void A_fleet_file_that_is_a_symbolic_link_is_refused_before_anything_is_written(string name, bool csv)
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string outDir = Directory.CreateDirectory(temp.File("fleet")).FullName;
        string users = temp.File("users-file");
        File.WriteAllText(users, "mine\n");
        string link = SpecialFiles.Symlink(Path.Combine(outDir, name), users);

        CliRun.InProcess(["fleet", dirs[0], "--out", outDir, .. csv ? new[] { "--csv" } : []])
            .AssertUsageError($"{link} is a symbolic link; HwLab writes only to a new or regular file");

        Assert.Equal($"SymbolicLink -> {users}", SpecialFiles.Describe(link));
        Assert.Equal("mine\n", File.ReadAllText(users));
        Assert.Equal([link], Directory.EnumerateFileSystemEntries(outDir).Where(p => !p.EndsWith(".hwlab.lock", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_out_directory_another_hwlab_holds_is_refused_and_left_alone()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the lock is flock(2)");
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string outDir = Directory.CreateDirectory(temp.File("fleet")).FullName;
        using (DirectoryLock.Acquire(outDir))
        {
            CliRun.InProcess("fleet", dirs[0], "--out", outDir).AssertUsageError($"{outDir} is in use by pid {Environment.ProcessId}");
        }

        Assert.Equal([DirectoryLock.FileName], Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_fleet_written_before_is_replaced()
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string outDir = temp.File("fleet");
        Assert.Equal(0, CliRun.InProcess(["fleet", .. dirs, "--out", outDir]).ExitCode);

        CliRun run = CliRun.InProcess("fleet", dirs[0], "--out", outDir);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("1 machine in 1 CPU model;", File.ReadAllText(Path.Combine(outDir, FleetDirectory.MarkdownFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_machines_and_one_failed_list_two_columns_of_verdicts_and_the_failure_apart()
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string failed = WriteFailure(temp, FleetFixtures.FailureJson());
        string outDir = temp.File("fleet");

        CliRun run = CliRun.InProcess("fleet", dirs[1], failed, dirs[2], "--out", outDir, "--csv");

        Assert.True(run.ExitCode == 1, run.Error);
        Assert.Equal("", run.Error);
        string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^2 machines in 2 CPU models; \d+ claims, \d+ with machines off the majority, \d+ split; 1 machine failed\.$", lines[0]);
        Assert.Equal("failed: web-3 at stage check: work directory /x not writable", lines[1]);
        Assert.StartsWith("Written: ", lines[2], StringComparison.Ordinal);
        string md = File.ReadAllText(Path.Combine(outDir, FleetDirectory.MarkdownFile));
        string html = File.ReadAllText(Path.Combine(outDir, FleetDirectory.HtmlFile));
        Assert.Contains($"| claim | experiment | majority | vm | {FleetFixtures.OtherHost} |", md, StringComparison.Ordinal);
        Assert.Contains($"| web-3 | check | work directory /x not writable | 2026-11-29 05:21 | {failed} |", md, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"failed\">Failed machines</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>web-3</td><td>check</td><td>work directory /x not writable</td>", html, StringComparison.Ordinal);
        string[] csv = File.ReadAllLines(Path.Combine(outDir, FleetDirectory.CsvFile));
        Assert.True(csv.Length > 1);
        Assert.DoesNotContain(csv, row => row.Contains("web-3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failure_record_wins_over_a_results_json_beside_it()
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string failed = WriteFailure(temp, FleetFixtures.FailureJson(stage: "fetch"));
        File.WriteAllText(Path.Combine(failed, ResultsDirectory.ResultsFile), FleetFixtures.OtherMachine());
        string outDir = temp.File("fleet");

        CliRun run = CliRun.InProcess("fleet", dirs[1], failed, "--out", outDir);

        Assert.True(run.ExitCode == 1, run.Error);
        string md = File.ReadAllText(Path.Combine(outDir, FleetDirectory.MarkdownFile));
        Assert.Contains("1 machine in 1 CPU model;", md, StringComparison.Ordinal);
        Assert.DoesNotContain(FleetFixtures.OtherHost, md, StringComparison.Ordinal);
        Assert.Contains("| web-3 | fetch |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_failed_machines_still_write_the_fleet_listing_them()
    {
        using var temp = new TempDirectory();
        string first = WriteFailure(temp, FleetFixtures.FailureJson());
        string second = Directory.CreateDirectory(temp.File("db-1")).FullName;
        File.WriteAllText(Path.Combine(second, FleetFailureJson.FileName), FleetFixtures.FailureJson("db-1", "timeout", "no answer after 3600 s"));
        string outDir = temp.File("fleet");

        CliRun run = CliRun.InProcess("fleet", first, second, "--out", outDir);

        Assert.True(run.ExitCode == 1, run.Error);
        Assert.Equal(
            "0 machines in 0 CPU models; 0 claims, 0 with machines off the majority, 0 split; 2 machines failed.\n"
            + "failed: web-3 at stage check: work directory /x not writable\n"
            + "failed: db-1 at stage timeout: no answer after 3600 s\n"
            + $"Written: {Path.Combine(outDir, "fleet.md")}, {Path.Combine(outDir, "fleet.html")}\n",
            run.Output);
        string md = File.ReadAllText(Path.Combine(outDir, FleetDirectory.MarkdownFile));
        Assert.Contains(FleetText.NoMachines, md, StringComparison.Ordinal);
        Assert.Contains("| db-1 | timeout | no answer after 3600 s |", md, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, FleetDirectory.HtmlFile)));
    }

    [Theory]
    [InlineData("{\"schema\": \"hwlab.fleet-failure/1\", \"host\": \"web-3\",", "hwlab-failed.json is not JSON")]
    [InlineData("{\"schema\": \"hwlab.fleet-failure/2\"}", "hwlab-failed.json has schema hwlab.fleet-failure/2; this HwLab reads hwlab.fleet-failure/1")]
    [InlineData("{\"schema\": \"hwlab.fleet-failure/1\", \"host\": \"web-3\", \"stage\": \"check\", \"time\": \"2026-11-29T05:21:28Z\"}", "hwlab-failed.json: reason: missing")]
    public void A_malformed_failure_record_is_one_line_naming_the_file_and_nothing_is_written(string json, string expected)
    {
        using var temp = new TempDirectory();
        string[] dirs = WriteFleet(temp);
        string failed = WriteFailure(temp, json);
        string outDir = temp.File("fleet");

        CliRun.InProcess("fleet", dirs[0], failed, "--out", outDir).AssertUsageError($"{failed}/{expected}");

        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Help_names_every_option_and_the_default_directory()
    {
        CliRun run = CliRun.InProcess("fleet", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--out <DIR>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--csv", run.Output, StringComparison.Ordinal);
        Assert.Contains("fleet-<UTC time>", run.Output, StringComparison.Ordinal);
        Assert.Contains("hwlab.results/1 and /2", run.Output, StringComparison.Ordinal);
        Assert.Contains("hwlab-failed.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("exit code is 1 when any machine failed", run.Output, StringComparison.Ordinal);
    }

    // A machine's directory as a deployment leaves it when that machine failed: hwlab-failed.json and no results.
    private static string WriteFailure(TempDirectory temp, string json)
    {
        string dir = Directory.CreateDirectory(temp.File("web-3")).FullName;
        File.WriteAllText(Path.Combine(dir, FleetFailureJson.FileName), json);
        return dir;
    }

    // The fleet's three results, each as a results directory holding results.json.
    private static string[] WriteFleet(TempDirectory temp)
    {
        return [.. FleetFixtures.All.Select(r =>
        {
            string dir = Directory.CreateDirectory(temp.File(r.Name)).FullName;
            File.WriteAllText(Path.Combine(dir, ResultsDirectory.ResultsFile), r.Json);
            return dir;
        })];
    }
}
