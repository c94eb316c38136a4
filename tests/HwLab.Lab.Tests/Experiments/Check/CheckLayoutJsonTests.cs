using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Check;
using HwLab.Layout.Probe;

namespace HwLab.Lab.Tests.Experiments.Check;

public sealed class CheckLayoutJsonTests
{
    private const string Seed = """{ "name": "seed", "size": 8, "align": 8, "fields": [ { "name": "data", "offset": 0, "size": 8 } ] }""";

    private const string WithBitfields = """
        { "name": "b", "size": 8, "align": 4, "fields": [
          { "name": "lock", "offset": 0, "size": 4 },
          { "name": "data", "offset": 4, "size": 4, "bit_offset": 32, "bit_width": 24 },
          { "name": "flags", "offset": 4, "size": 4, "bit_offset": 56, "bit_width": 8 } ] }
        """;

    [Fact]
    public void A_valid_layout_reads_into_a_struct_description()
    {
        StructDescription layout = CheckLayoutJson.Parse(WithBitfields, "b.json");
        Assert.Equal(("b", 8, 4), (layout.Name, layout.Size, layout.Align));
        Assert.Equal(new FieldDescription("data", 4, 4, 32, 24), layout.Fields[1]);
    }

    [Theory]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("{ \"size\": 8, \"align\": 8, \"fields\": [] }", "has no name")]
    [InlineData("{ \"name\": \"s\", \"align\": 8, \"fields\": [] }", "has no size")]
    [InlineData("{ \"name\": \"s\", \"size\": 8, \"align\": 8 }", "fields is missing or empty")]
    [InlineData("{ \"name\": \"s\", \"size\": 8, \"align\": 3, \"fields\": [ { \"name\": \"a\", \"offset\": 0, \"size\": 8 } ] }", "align 3 must be a power of two")]
    [InlineData("{ \"name\": \"s\", \"size\": 8, \"align\": 8, \"fields\": [ { \"name\": \"a\", \"offset\": 4, \"size\": 8 } ] }", "lies outside the struct's 8 bytes")]
    [InlineData("{ \"name\": \"s\", \"size\": 8, \"align\": 8, \"fields\": [ { \"name\": \"a\", \"offset\": 0, \"size\": 8 }, { \"name\": \"b\", \"offset\": 4, \"size\": 4 } ] }", "fields a and b overlap")]
    [InlineData("{ \"name\": \"s\", \"size\": 8, \"align\": 8, \"fields\": [ { \"name\": \"a\", \"offset\": 0 } ] }", "field a has no size")]
    [InlineData("{ \"name\": \"s\", \"size\": 8, \"align\": 8, \"fields\": [ { \"name\": \"a\", \"offset\": 0, \"size\": 4, \"bit_offset\": 30, \"bit_width\": 4 } ] }", "lie outside its storage unit")]
    [InlineData("{ \"name\": \"s\", \"size\": 8, \"align\": 8, \"fields\": [ { \"name\": \"a\", \"offset\": 0, \"size\": 4, \"bit_width\": 4 } ] }", "a bitfield needs both")]
    [InlineData("not json", "not JSON")]
    public void A_bad_layout_is_refused_in_one_line_naming_the_file(string json, string expected)
    {
        ExperimentSettingsException e = Assert.Throws<ExperimentSettingsException>(() => CheckLayoutJson.Parse(json, "x.json"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("--layout x.json: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("data:bit=64", "bit 64 is outside the 8-byte word")]
    [InlineData("data:spinlock", "a spinlock or ticket lock is a 4-byte word")]
    [InlineData("data:mutex", "the lock is bit=N, spinlock or ticket")]
    [InlineData("nosuch:bit=2", "has no field nosuch")]
    [InlineData("data", "expected FIELD:bit=N")]
    public void A_lock_the_word_cannot_hold_is_refused(string spec, string expected)
    {
        ExperimentSettingsException e = Assert.Throws<ExperimentSettingsException>(() => CheckTarget.Create(CheckLayoutJson.Parse(Seed, "s.json"), spec, null));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_word_wider_than_8_bytes_is_refused()
    {
        StructDescription wide = CheckLayoutJson.Parse("""{ "name": "w", "size": 16, "align": 8, "fields": [ { "name": "pair", "offset": 0, "size": 16 } ] }""", "w.json");
        ExperimentSettingsException e = Assert.Throws<ExperimentSettingsException>(() => CheckTarget.Create(wide, "pair:bit=0", null));
        Assert.Contains("a lock word is at most 8 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bit_lock_counts_in_the_bits_above_it_by_default()
    {
        CheckTarget target = CheckTarget.Create(CheckLayoutJson.Parse(Seed, "s.json"), "data:bit=2", null);
        CheckTouch touch = Assert.Single(target.Touches);
        Assert.Equal((0, 8, ~0b111UL, 3), (touch.Offset, touch.Width, touch.Mask, touch.Low));
        Assert.True(target.HasNative);
    }

    [Fact]
    public void A_spinlock_touches_the_field_after_it_and_never_itself()
    {
        StructDescription layout = CheckLayoutJson.Parse(WithBitfields, "b.json");
        CheckTarget target = CheckTarget.Create(layout, "lock:spinlock", null);
        CheckTouch touch = Assert.Single(target.Touches);
        Assert.Equal(("data", 4, 0xFFFFFFUL), (touch.Field, touch.Offset, touch.Mask));
        Assert.Throws<ExperimentSettingsException>(() => CheckTarget.Create(layout, "lock:ticket", ["lock"]));
        Assert.False(CheckTarget.Create(layout, "lock:ticket", ["flags"]).HasNative);
    }
}
