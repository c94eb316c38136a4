using System.Globalization;
using System.Text.Json;

namespace HwLab.Lab.Results;

/// <summary>
/// One value of a results document and where it sits (<c>experiments[0].points[3].stats.median</c>),
/// so that a check that fails names the exact field. Each accessor checks presence, null and JSON
/// type before it returns the value, and throws <see cref="ResultsFormatException"/> with one line:
/// <c>SOURCE: PATH: problem</c>.
/// </summary>
internal readonly struct ResultsField
{
    // Values quoted in a message are cut here: a message names the field, it does not echo the file.
    private const int ShownLength = 40;

    private readonly JsonElement _value;
    private readonly string _source;

    public ResultsField(JsonElement value, string source, string path)
    {
        _value = value;
        _source = source;
        Path = path;
    }

    /// <summary>Where this value is in the document; empty for the document itself.</summary>
    public string Path { get; }

    public bool IsNull => _value.ValueKind == JsonValueKind.Null;

    /// <summary>A property that must be present; it may still be null, which the typed accessors refuse unless they are the nullable ones.</summary>
    public ResultsField Property(string name)
    {
        JsonElement value = Expect(JsonValueKind.Object, "an object");
        string path = ChildPath(name);
        return value.TryGetProperty(name, out JsonElement property)
            ? new ResultsField(property, _source, path)
            : throw Refuse(path, "missing");
    }

    /// <summary>A property documents may leave out (those of earlier writers lack it); null when absent.</summary>
    public ResultsField? Optional(string name)
    {
        JsonElement value = Expect(JsonValueKind.Object, "an object");
        return value.TryGetProperty(name, out JsonElement property) ? new ResultsField(property, _source, ChildPath(name)) : null;
    }

    public string String() => Expect(JsonValueKind.String, "a string").GetString()!;

    public string? NullableString() => IsNull ? null : String();

    public bool Boolean() => _value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Mismatch("a boolean"),
    };

    /// <summary>
    /// A finite number. NaN and the infinities are refused whether written as the strings the
    /// writer uses for them ("NaN") or as a literal beyond the range of a double (1e309, which
    /// .NET reads as infinity).
    /// </summary>
    public double Number()
    {
        if (_value.ValueKind == JsonValueKind.String && _value.GetString() is NotANumber or "Infinity" or "-Infinity")
        {
            throw Fail($"must be finite, found \"{_value.GetString()}\"");
        }
        double value = Expect(JsonValueKind.Number, "a number").GetDouble();
        return double.IsFinite(value) ? value : throw Fail($"must be finite, found {Shown()}");
    }

    /// <summary>A finite number or "NaN", which the free-form figure maps (derived, extras) use for a figure that is not defined.</summary>
    public double NumberOrNotDefined()
        => _value.ValueKind == JsonValueKind.String && _value.GetString() == NotANumber ? double.NaN : Number();

    public double? NullableNumber() => IsNull ? null : Number();

    public double NonNegativeNumber()
    {
        double value = Number();
        return value >= 0 ? value : throw Fail($"{value.ToString(CultureInfo.InvariantCulture)} is negative");
    }

    /// <summary>A whole number from 0 to <see cref="int.MaxValue"/>: a count, an index, a CPU number.</summary>
    public int Count() => (int)WholeNumber(int.MaxValue);

    /// <summary>A whole number from 0 to <see cref="long.MaxValue"/>.</summary>
    public long LongCount() => WholeNumber(long.MaxValue);

    public long? NullableLongCount() => IsNull ? null : LongCount();

    /// <summary>A date and time in the form the writer uses (ISO 8601, read as the model reads it).</summary>
    public DateTimeOffset Date()
    {
        JsonElement value = Expect(JsonValueKind.String, "a date and time");
        return value.TryGetDateTimeOffset(out DateTimeOffset date)
            ? date
            : throw Fail($"expected a date and time such as 2026-11-21T12:00:00+00:00, found {OneLineText.Quoted(value.GetString()!)}");
    }

    /// <summary>The elements of an array, none of them null.</summary>
    public IReadOnlyList<ResultsField> Items()
    {
        JsonElement array = Expect(JsonValueKind.Array, "an array");
        var items = new List<ResultsField>(array.GetArrayLength());
        foreach (JsonElement item in array.EnumerateArray())
        {
            string path = $"{Path}[{items.Count.ToString(CultureInfo.InvariantCulture)}]";
            items.Add(item.ValueKind == JsonValueKind.Null ? throw Refuse(path, "null") : new ResultsField(item, _source, path));
        }
        return items;
    }

    /// <summary>The properties of an object whose names are free (keys, parameters, derived figures).</summary>
    public IReadOnlyList<(string Name, ResultsField Value)> Members()
    {
        var members = new List<(string, ResultsField)>();
        foreach (JsonProperty property in Expect(JsonValueKind.Object, "an object").EnumerateObject())
        {
            members.Add((property.Name, new ResultsField(property.Value, _source, ChildPath(property.Name))));
        }
        return members;
    }

    /// <summary>The refusal of this value, with its path, for a check the accessors cannot make (a range, a relation between fields).</summary>
    public ResultsFormatException Fail(string problem) => Refuse(Path, problem);

    private const string NotANumber = "NaN";

    private long WholeNumber(long max)
    {
        JsonElement number = Expect(JsonValueKind.Number, "a whole number");
        if (!number.TryGetInt64(out long value))
        {
            // A fraction, an exponent, or more than 64 bits.
            double approximate = number.GetDouble();
            throw Fail(approximate < 0 ? $"{Shown()} is negative"
                : double.IsFinite(approximate) && approximate == Math.Floor(approximate) && approximate > long.MaxValue ? $"{Shown()} is too large"
                : $"expected a whole number, found {Shown()}");
        }
        return value < 0 ? throw Fail($"{value.ToString(CultureInfo.InvariantCulture)} is negative")
            : value > max ? throw Fail($"{value.ToString(CultureInfo.InvariantCulture)} is too large (at most {max.ToString(CultureInfo.InvariantCulture)})")
            : value;
    }

    private JsonElement Expect(JsonValueKind kind, string expected)
        => _value.ValueKind == kind ? _value : throw Mismatch(expected);

    private ResultsFormatException Mismatch(string expected)
        => IsNull ? Fail("null") : Fail($"expected {expected}, found {Describe(_value.ValueKind)}");

    private ResultsFormatException Refuse(string path, string problem)
        => new(path.Length == 0 ? $"{_source}: {problem}" : $"{_source}: {path}: {problem}");

    // Free names (keys, parameters) may hold anything; a name that is not a plain word is quoted so the path stays readable.
    private string ChildPath(string name)
    {
        string child = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? name : $"[{OneLineText.Quoted(name)}]";
        return Path.Length == 0 ? child : child[0] == '[' ? Path + child : $"{Path}.{child}";
    }

    private string Shown()
    {
        string raw = _value.GetRawText();
        return raw.Length <= ShownLength ? raw : raw[..ShownLength] + "...";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString(),
    };
}
