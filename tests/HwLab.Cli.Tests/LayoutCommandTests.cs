using System.Text.Json;

namespace HwLab.Cli.Tests;

public sealed class LayoutCommandTests
{
    [Fact]
    public void Json_shows_every_generation_matching_C_and_the_seeds_cost()
    {
        CliRun run = CliRun.InProcess("layout", "--json", "--line-size", "64");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        JsonElement root = document.RootElement;
        Assert.Equal("hwlab.layout/1", root.GetProperty("schema").GetString());
        Assert.True(root.GetProperty("allMatch").GetBoolean());

        JsonElement[] rows = [.. root.GetProperty("check").GetProperty("rows").EnumerateArray()];
        JsonElement[] generations = [.. rows.Where(r => r.GetProperty("generation").ValueKind != JsonValueKind.Null)];
        Assert.Equal(6, generations.Length);
        Assert.All(rows, r => Assert.True(r.GetProperty("matches").GetBoolean()));

        JsonElement Figures(string name) => generations.Single(r => r.GetProperty("name").GetString() == name).GetProperty("figures");
        Assert.Equal(4096, Figures("swap_cluster_info_seed").GetProperty("extraBytesPerGiBOverBitfield").GetInt64());
        Assert.Equal(8, Figures("swap_cluster_info_seed").GetProperty("perLine").GetDouble());
        Assert.Equal(8, Figures("swap_cluster_info_spinlock").GetProperty("perLine").GetDouble());
        Assert.Equal(8, Figures("swap_cluster_info_seed").GetProperty("swapClusterCols").GetInt32());
    }

    [Fact]
    public void THP_SWAP_figures_are_shown_for_the_generations_that_had_it()
    {
        CliRun json = CliRun.InProcess("layout", "--json", "--line-size", "64");
        Assert.Equal(0, json.ExitCode);
        using JsonDocument document = JsonDocument.Parse(json.Output);
        JsonElement Figures(string name) => document.RootElement.GetProperty("check").GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == name).GetProperty("figures");
        Assert.Equal(24 * 1024, Figures("swap_cluster_info_list").GetProperty("metadataBytesPerGiB").GetInt64());
        Assert.Equal(12 * 1024, Figures("swap_cluster_info_list").GetProperty("metadataBytesPerGiBWithThpSwap").GetInt64());
        Assert.Equal(32, Figures("swap_cluster_info_list").GetProperty("swapClusterColsMergedWithThpSwap").GetInt32());
        Assert.Equal(JsonValueKind.Null, Figures("swap_cluster_info_seed").GetProperty("metadataBytesPerGiBWithThpSwap").ValueKind);
        Assert.Equal(JsonValueKind.Null, Figures("swap_cluster_info_seed").GetProperty("swapClusterColsMergedWithThpSwap").ValueKind);

        CliRun text = CliRun.InProcess("layout", "--line-size", "64");
        Assert.Equal(0, text.ExitCode);
        Assert.Matches(@"(?m)^swap_cluster_info_list\s.*\s3/64; 32 with THP_SWAP\s+24 KiB \(\+20 KiB\); 12 KiB with THP_SWAP\s+yes\s*$", text.Output);
        Assert.Matches(@"(?m)^swap_cluster_info_seed\s.*\s8/64\s+8 KiB \(\+4 KiB\)\s+yes\s*$", text.Output);
    }

    [Fact]
    public void The_queued_spinlock_is_listed_as_4_bytes_on_both_sides()
    {
        CliRun json = CliRun.InProcess("layout", "--json", "--line-size", "64");
        Assert.Equal(0, json.ExitCode);
        using JsonDocument document = JsonDocument.Parse(json.Output);
        JsonElement row = document.RootElement.GetProperty("check").GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "qspinlock");
        Assert.Equal(4, row.GetProperty("managed").GetProperty("size").GetInt32());
        Assert.Equal(4, row.GetProperty("c").GetProperty("size").GetInt32());
        Assert.True(row.GetProperty("matches").GetBoolean());

        CliRun text = CliRun.InProcess("layout", "--line-size", "64");
        Assert.Equal(0, text.ExitCode);
        Assert.Matches(@"(?m)^qspinlock\s+4/4\s+4/4\s+yes\s*$", text.Output);
    }

    [Fact]
    public void Measured_line_size_is_used_by_default()
    {
        CliRun run = CliRun.InProcess("layout", "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument document = JsonDocument.Parse(run.Output);
        Assert.Equal("measured", document.RootElement.GetProperty("lineSizeSource").GetString());
        Assert.True(document.RootElement.GetProperty("check").GetProperty("lineSize").GetInt32() > 0);
    }

    [Fact]
    public void A_larger_line_holds_more_clusters()
    {
        CliRun run = CliRun.InProcess("layout", "--line-size", "128");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("128-byte lines", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"swap_cluster_info_seed\s.*\s16\s+16/64\s", run.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("48")]
    [InlineData("-64")]
    [InlineData("8192")]
    [InlineData("2147483648")]
    [InlineData("lots")]
    public void A_bad_line_size_is_refused(string value)
    {
        CliRun.InProcess("layout", "--line-size", value).AssertUsageError($"--line-size must be a power of two from 1 to 4096 bytes, not '{value}'");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("4096")]
    public void The_line_size_range_ends_are_accepted(string value)
    {
        CliRun run = CliRun.InProcess("layout", "--json", "--line-size", value);
        Assert.True(run.ExitCode == 0, run.Error);
    }
}
