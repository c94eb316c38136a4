using System.Text.Json;

namespace HwLab.Lab.Results;

/// <summary>
/// The first two checks of every document HwLab reads back (results.json, a fleet's
/// hwlab-failed.json): that it is JSON, and that its "schema" is one this version reads. Each
/// refusal is one line naming the file.
/// </summary>
internal static class SchemaDocument
{
    /// <exception cref="ResultsFormatException">The text is not JSON.</exception>
    public static JsonDocument Parse(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException($"{source} is not JSON ({e.Message})", e);
        }
    }

    /// <param name="kind">What the document is, for the refusal: "results document".</param>
    /// <exception cref="ResultsFormatException">Not an object with a "schema", or a schema not in <paramref name="readable"/>.</exception>
    public static void CheckSchema(JsonElement root, string source, string kind, IReadOnlyCollection<string> readable)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out JsonElement schema))
        {
            throw new ResultsFormatException($"{source} is not an HwLab {kind} (it has no \"schema\")");
        }
        // The field the validator would name, read the same way, so a schema of the wrong type is refused by path.
        string name = new ResultsField(schema, source, "schema").String();
        if (!readable.Contains(name))
        {
            throw new ResultsFormatException($"{source} has schema {name}; this HwLab reads {string.Join(" and ", readable)}");
        }
    }
}
