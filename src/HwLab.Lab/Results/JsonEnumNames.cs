using System.Reflection;
using System.Text.Json.Serialization;

namespace HwLab.Lab.Results;

/// <summary>
/// The words results.json writes for an enum's values, read from each value's
/// <see cref="JsonStringEnumMemberNameAttribute"/>: the reports, the console and the schema check
/// use the same words the serializer writes, from the one place they are spelled.
/// </summary>
internal static class JsonEnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> s_names = Enum.GetValues<TEnum>().ToDictionary(
        value => value,
        value => typeof(TEnum).GetField(value.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{value} has no JSON name."));

    public static string Of(TEnum value) => s_names[value];

    /// <summary>Every value's word, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<TEnum>().Select(Of)];
}
