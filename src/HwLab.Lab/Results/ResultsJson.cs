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
        using (JsonDocument parsed = SchemaDocument.Parse(json, source))
        {
            JsonElement root = parsed.RootElement;
            SchemaDocument.CheckSchema(root, source, "results document", ResultsDocument.ReadableSchemas);
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
}
