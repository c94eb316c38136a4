using System.Text.Json;
using HwLab.Lab.Experiments.Check;
using HwLab.Layout.Kernel;
using HwLab.Lab.Experiments;
using HwLab.Layout.Probe;

namespace HwLab.Cli.Tests;

public sealed class CheckCommandTests
{
    [Theory]
    [InlineData("""{ "name": "s", "size": 8, "align": 8 }""", "data:bit=2", "fields is missing or empty")]
    [InlineData("""{ "name": "s", "size": 8, "align": 8, "fields": [ { "name": "data", "offset": 4, "size": 8 } ] }""", "data:bit=2", "lies outside the struct's 8 bytes")]
    [InlineData("""{ "name": "s", "size": 8, "align": 8, "fields": [ { "name": "a", "offset": 0, "size": 8 }, { "name": "b", "offset": 6, "size": 2 } ] }""", "a:bit=2", "fields a and b overlap")]
    [InlineData("""{ "name": "s", "size": 16, "align": 8, "fields": [ { "name": "data", "offset": 0, "size": 16 } ] }""", "data:bit=2", "a lock word is at most 8 bytes")]
    [InlineData("""{ "name": "s", "size": 8, "align": 8, "fields": [ { "name": "data", "offset": 0, "size": 8 } ] }""", "data:bit=70", "bit 70 is outside the 8-byte word")]
    public void A_bad_layout_or_lock_is_one_line_and_exit_code_2(string json, string lockSpec, string expected)
    {
        using var directory = new TempDirectory();
        string path = directory.File("layout.json");
        File.WriteAllText(path, json);
        CliRun.InProcess("check", "--layout", path, "--lock", lockSpec, "--quick").AssertUsageError(expected);
    }

    [Fact]
    public void A_layout_that_is_not_json_is_refused()
    {
        using var directory = new TempDirectory();
        string path = directory.File("layout.h");
        File.WriteAllText(path, "struct s { unsigned long data; };");
        CliRun.InProcess("check", "--layout", path, "--lock", "data:bit=2").AssertUsageError("a layout is a .json file");
    }

    [Fact]
    public void The_seed_example_is_the_compilers_swap_cluster_info_seed()
    {
        StructDescription example = CheckLayoutJson.Read(Example("swap_cluster_info.json"));
        LayoutRow seed = LayoutCheck.Run(64).Rows.Single(r => r.Name == nameof(swap_cluster_info_seed));
        Assert.Equal(seed.C.Size, example.Size);
        Assert.Equal(seed.C.Align, example.Align);
        Assert.Equal(seed.C.Fields, example.Fields);
        Assert.Equal(sizeof(ulong), example.Size);
        Assert.Equal(seed.Figures!.PerLine, CheckVariants.ObjectsPerLine(example.Size, 64));
    }

    [Theory]
    [InlineData("swap_cluster_info.json", null, "data:bit=2", null, 2)]
    [InlineData("user_struct.json", null, "lock:spinlock", "state,bytes_in,flags", 2)]
    [InlineData("hlist_bl.h", "hlist_bl_head", "first:bit=0", null, 2)]
    [InlineData("spinlock_array.h", "bucket_lock", "val:spinlock", null, 2)]
    [InlineData("page.h", "page", "flags:bit=0", "flags,_refcount", 2)]
    public void An_example_checks_quickly_with_every_variant_and_finite_figures(string example, string? structName, string lockSpec, string? touch, int locks)
    {
        Assert.SkipWhen(HwLab.Native.Threading.ThreadPinning.AllowedCpus.Count < 2, "a check needs two CPUs");
        string[] source = structName is null ? ["--layout", Example(example)] : [Example(example), "--struct", structName];
        using var temp = new TempDirectory();
        string[] args = ["check", .. source, "--lock", lockSpec, "--quick", "--json", "--out", temp.File("results"), .. touch is null ? Array.Empty<string>() : ["--touch", touch]];
        CliRun run = CliRun.InProcess(args);
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement experiment = Assert.Single(document.RootElement.GetProperty("experiments").EnumerateArray());
        Assert.Equal("check", experiment.GetProperty("name").GetString());
        Assert.Equal("completed", experiment.GetProperty("status").GetString());
        JsonElement[] points = [.. experiment.GetProperty("points").EnumerateArray()];
        foreach (string variant in CheckVariants.Names)
        {
            Assert.Equal(locks, points.Count(p => p.GetProperty("keys").GetProperty("variant").GetString() == variant && p.GetProperty("keys").GetProperty("sharers").GetString() == "2"));
        }
        Assert.All(points, p =>
        {
            Assert.True(double.IsFinite(p.GetProperty("stats").GetProperty("median").GetDouble()));
            Assert.True(double.IsFinite(p.GetProperty("derived").GetProperty("penalty").GetDouble()));
            Assert.False(string.IsNullOrEmpty(p.GetProperty("keys").GetProperty("relation").GetString()));
        });
        Assert.Contains(experiment.GetProperty("verdicts").EnumerateArray(), v => v.GetProperty("claim").GetString()!.Contains("falsely shares on this machine", StringComparison.Ordinal));
    }

    [Fact]
    public void Its_report_section_renders_from_results_without_the_experiment_in_the_suite()
    {
        Assert.SkipWhen(HwLab.Native.Threading.ThreadPinning.AllowedCpus.Count < 2, "a check needs two CPUs");
        using var directory = new TempDirectory();
        string results = Path.Combine(directory.Path, "out");
        Assert.Equal(0, CliRun.InProcess("check", "--layout", Example("swap_cluster_info.json"), "--lock", "data:bit=2", "--quick", "--out", results).ExitCode);
        Assert.Equal(0, CliRun.InProcess("report", results).ExitCode);
        string html = File.ReadAllText(Path.Combine(results, "report.html"));
        Assert.Contains("penalty against padded to one line (x)", html, StringComparison.Ordinal);
        Assert.Contains("memory per million objects (MB)", html, StringComparison.Ordinal);
    }

    private static string Example(string name)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "HwLab.sln")))
            {
                return Path.Combine(dir, "examples", name);
            }
        }
        throw new InvalidOperationException($"HwLab.sln was not found above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void A_header_that_does_not_compile_is_one_line_and_exit_code_2()
    {
        using var temp = new TempDirectory();
        string header = temp.File("broken.h");
        File.WriteAllText(header, "struct broken { int a; no_such_type b; };\n");
        CliRun.InProcess("check", header, "--struct", "broken", "--lock", "a:spinlock").AssertUsageError("does not compile");
        CliRun.InProcess("check", Example("hlist_bl.h"), "--struct", "no_such", "--lock", "first:bit=0").AssertUsageError("declares no struct no_such");
        CliRun.InProcess("check", Example("hlist_bl.h"), "--lock", "first:bit=0").AssertUsageError("--struct NAME");
        CliRun.InProcess("check", "--lock", "first:bit=0").AssertUsageError("check needs a C HEADER");
    }

    [Fact]
    public void A_json_layout_and_the_same_struct_in_c_make_the_same_layout_and_plan()
    {
        StructDescription json = CheckLayoutJson.Read(Example("user_struct.json"));
        StructDescription c = CStructProbe.Describe(Example("user_struct.h"), "conn_slot", [], new Dictionary<string, string?>(), null);
        Assert.Equal((json.Size, json.Align), (c.Size, c.Align));
        Assert.Equal(json.Fields, c.Fields);
        Native.Topology.CpuTopology topology = Native.Topology.TopologyReader.Read();
        var fromJson = new CheckExperiment(CheckTarget.Create(json, "lock:spinlock", ["state", "bytes_in"]));
        var fromC = new CheckExperiment(CheckTarget.Create(c, "lock:spinlock", ["state", "bytes_in"]));
        Lab.Experiments.Planning.RunShape Shape(CheckExperiment e) => e.Shape(e.Settings(SuiteProfile.Quick, topology, Lab.Experiments.Setup.SettingValues.None), topology);
        Assert.Equal(Shape(fromJson).Lines, Shape(fromC).Lines);
    }
}
