using System.Text.Json;
using System.Text.Json.Serialization;
using HwLab.Native;

namespace HwLab.Layout.Probe;

/// <summary>The C layout probe's JSON (native-layout/src/layout_probe.c), parsed.</summary>
public sealed record CLayoutDocument(
    int AbiVersion,
    string Compiler,
    int PointerSize,
    int LongSize,
    IReadOnlyList<StructDescription> Structs,
    IReadOnlyDictionary<string, long> Constants)
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Runs the probe in libhwlab_native and parses what it prints.</summary>
    public static CLayoutDocument FromNativeLibrary() => Parse(NativeLayoutProbe.ReadJson());

    public static CLayoutDocument Parse(string json)
        => JsonSerializer.Deserialize<CLayoutDocument>(json, s_options)
           ?? throw new JsonException("The layout probe printed null.");

    public StructDescription Struct(string name)
        => Structs.FirstOrDefault(s => s.Name == name)
           ?? throw new KeyNotFoundException($"The C layout probe describes no struct {name}.");
}
