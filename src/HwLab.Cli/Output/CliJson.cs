using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwLab.Cli.Output;

/// <summary>The JSON every `--json` prints: camelCase names, enums as strings, indented for people who read it too.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write<T>(TextWriter writer, T value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}
