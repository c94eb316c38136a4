using System.Text.Json;
using HwLab.Layout.Probe;

namespace HwLab.Lab.Experiments.Check;

/// <summary>
/// Reads a struct's layout from a JSON description (docs/check-layout.md) into a
/// <see cref="StructDescription"/>, and refuses a layout no compiler could produce: every refusal
/// is one line naming the file and the field.
/// </summary>
public static class CheckLayoutJson
{
    /// <summary>Bytes a struct may have: a page, far past any struct packed by the hundred into lines.</summary>
    public const int MaxSize = 4096;

    /// <exception cref="ExperimentSettingsException">The text is not JSON, misses a member, or describes an impossible layout.</exception>
    public static StructDescription Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Refused(source, $"not JSON ({e.Message.Split('\n')[0].Trim()})");
        }
        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Refused(source, "the layout must be a JSON object with name, size, align and fields");
            }
            string name = Text(root, "name", source, "the struct");
            int size = Number(root, "size", source, "the struct");
            int align = Number(root, "align", source, "the struct");
            if (size is < 1 or > MaxSize)
            {
                throw Refused(source, $"size {size} is outside 1 to {MaxSize} bytes");
            }
            if (align < 1 || !int.IsPow2(align) || size % align != 0)
            {
                throw Refused(source, $"align {align} must be a power of two that divides the size ({size})");
            }
            if (!root.TryGetProperty("fields", out JsonElement fields) || fields.ValueKind != JsonValueKind.Array || fields.GetArrayLength() == 0)
            {
                throw Refused(source, "fields is missing or empty: list at least the lock's field");
            }
            var described = new List<FieldDescription>();
            foreach (JsonElement field in fields.EnumerateArray())
            {
                described.Add(Field(field, source, size));
            }
            var layout = new StructDescription(name, size, align, described);
            EnsureDistinct(layout, source);
            return layout;
        }
    }

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="ExperimentSettingsException">The file cannot be read, or <see cref="Parse"/> refuses it.</exception>
    public static StructDescription Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ExperimentSettingsException($"--layout {path}: cannot be read ({e.Message})");
        }
        return Parse(text, path);
    }

    /// <summary>The bits a field covers, counted from the struct's first byte: a bitfield its own bits, any other field all its bytes'.</summary>
    public static (int First, int End) Bits(FieldDescription field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.IsBitfield ? (field.BitOffset!.Value, field.BitOffset.Value + field.BitWidth!.Value) : (field.Offset * 8, (field.Offset + field.Size) * 8);
    }

    private static FieldDescription Field(JsonElement field, string source, int structSize)
    {
        if (field.ValueKind != JsonValueKind.Object)
        {
            throw Refused(source, "each field must be an object with name, offset and size");
        }
        string name = Text(field, "name", source, "a field");
        int offset = Number(field, "offset", source, $"field {name}");
        int size = Number(field, "size", source, $"field {name}");
        int? bitOffset = Optional(field, "bit_offset", source, name);
        int? bitWidth = Optional(field, "bit_width", source, name);
        if (size < 1 || offset < 0 || offset + size > structSize)
        {
            throw Refused(source, $"field {name} (offset {offset}, size {size}) lies outside the struct's {structSize} bytes");
        }
        if (bitOffset.HasValue != bitWidth.HasValue)
        {
            throw Refused(source, $"field {name} has one of bit_offset and bit_width; a bitfield needs both");
        }
        var described = new FieldDescription(name, offset, size, bitOffset, bitWidth);
        if (described.IsBitfield && (bitWidth < 1 || bitOffset < offset * 8 || bitOffset + bitWidth > (offset + size) * 8))
        {
            throw Refused(source, $"field {name}: bits {bitOffset} to {bitOffset + bitWidth - 1} lie outside its storage unit (bytes {offset} to {offset + size - 1})");
        }
        return described;
    }

    // Two fields may share a storage unit (bitfields) but never a bit.
    private static void EnsureDistinct(StructDescription layout, string source)
    {
        if (layout.Fields.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Refused(source, $"field {twice.Key} is listed twice");
        }
        FieldDescription[] byBit = [.. layout.Fields.OrderBy(f => Bits(f).First)];
        for (int i = 1; i < byBit.Length; i++)
        {
            if (Bits(byBit[i]).First < Bits(byBit[i - 1]).End)
            {
                throw Refused(source, $"fields {byBit[i - 1].Name} and {byBit[i].Name} overlap");
            }
        }
    }

    private static string Text(JsonElement element, string member, string source, string owner)
        => element.TryGetProperty(member, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Refused(source, $"{owner} has no {member} (a non-empty string)");

    private static int Number(JsonElement element, string member, string source, string owner)
        => element.TryGetProperty(member, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : throw Refused(source, $"{owner} has no {member} (a whole number)");

    private static int? Optional(JsonElement element, string member, string source, string field)
        => !element.TryGetProperty(member, out JsonElement value) || value.ValueKind == JsonValueKind.Null ? null
            : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= 0 ? number
            : throw Refused(source, $"field {field}: {member} must be a whole number or null");

    private static ExperimentSettingsException Refused(string source, string why) => new($"--layout {source}: {why}");
}
