using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwLab.Lab.Results;

/// <summary>Reads and writes results.json; refuses documents of another schema, and any that break this one.</summary>
public static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    // Reading also refuses a null in a non-nullable field and a missing constructor parameter: a
    // second line behind ResultsValidator, should the model gain a field the validator misses.
    private static readonly JsonSerializerOptions s_readOptions = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Serialize(ResultsDocument document) => JsonSerializer.Serialize(document, Options);

    /// <exception cref="ResultsFormatException">
    /// Not JSON, not a results document, another schema version, or a document that breaks this
    /// one (a field missing, null, of the wrong type or out of range); the message is one line
    /// that names the field.
    /// </exception>
    /// <param name="catalog">The experiments whose point keys are checked (<see cref="Reports.IExperimentReport.PointKeys"/>); the standard ones when null.</param>
    public static ResultsDocument Deserialize(string json, string source, Experiments.ExperimentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException($"{source} is not JSON ({e.Message})", e);
        }
        using (parsed)
        {
            JsonElement root = parsed.RootElement;
            CheckSchema(root, source);
            ResultsValidator.Validate(root, source, catalog ?? Experiments.ExperimentCatalog.Standard);
            try
            {
                return root.Deserialize<ResultsDocument>(s_readOptions)!;
            }
            catch (JsonException e)
            {
                throw new ResultsFormatException($"{source} does not follow {ResultsDocument.CurrentSchema} ({e.Message})", e);
            }
        }
    }

    private static void CheckSchema(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out JsonElement schema))
        {
            throw new ResultsFormatException($"{source} is not an HwLab results document (it has no \"schema\")");
        }
        // The field the validator would name, read the same way, so a schema of the wrong type is refused by path.
        string name = new ResultsField(schema, source, "schema").String();
        if (!ResultsDocument.ReadableSchemas.Contains(name))
        {
            throw new ResultsFormatException($"{source} has schema {name}; this HwLab reads {string.Join(" and ", ResultsDocument.ReadableSchemas)}");
        }
    }
}
