using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwLab.Lab.Results;

/// <summary>Reads and writes results.json; refuses documents of another schema.</summary>
public static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(ResultsDocument document) => JsonSerializer.Serialize(document, Options);

    /// <exception cref="ResultsFormatException">Not JSON, not a results document, or another schema version.</exception>
    public static ResultsDocument Deserialize(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        string? schema;
        try
        {
            using JsonDocument probe = JsonDocument.Parse(json);
            schema = probe.RootElement.ValueKind == JsonValueKind.Object && probe.RootElement.TryGetProperty("schema", out JsonElement value)
                ? value.GetString()
                : null;
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException($"{source} is not JSON ({e.Message})", e);
        }
        if (schema is null)
        {
            throw new ResultsFormatException($"{source} is not an HwLab results document (it has no \"schema\")");
        }
        if (schema != ResultsDocument.CurrentSchema)
        {
            throw new ResultsFormatException($"{source} has schema {schema}; this HwLab reads {ResultsDocument.CurrentSchema}");
        }
        try
        {
            return JsonSerializer.Deserialize<ResultsDocument>(json, Options)
                   ?? throw new ResultsFormatException($"{source} holds null");
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException($"{source} does not follow {ResultsDocument.CurrentSchema} ({e.Message})", e);
        }
    }
}
