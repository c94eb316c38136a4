using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwLab.Native.Threading;

/// <summary>A CPU set in JSON is its cpulist string ("0-3,8"), the form people and the kernel both read.</summary>
public sealed class CpuSetJsonConverter : JsonConverter<CpuSet>
{
    public override CpuSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A CPU set is a cpulist string such as \"0-3,8\", not {reader.TokenType}.");
        }
        return CpuSet.TryParse(reader.GetString(), out CpuSet? set, out string? error) ? set : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, CpuSet value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
