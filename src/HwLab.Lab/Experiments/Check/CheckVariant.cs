namespace HwLab.Lab.Experiments.Check;

/// <summary>The layouts a check compares: the struct as declared, padded, or declared but used in column order.</summary>
public enum CheckVariant
{
    /// <summary>Objects adjacent at the struct's size; worker i owns object i.</summary>
    Declared,

    /// <summary>Each object padded to one line.</summary>
    PaddedLine,

    /// <summary>Each object padded to two lines (against the adjacent-line prefetcher).</summary>
    PaddedTwoLines,

    /// <summary>As declared, but worker i owns object i * objects-per-line, as the seed's SWAP_CLUSTER_COLS order hands out clusters.</summary>
    Column,
}

/// <summary>Names, strides and owned objects of each <see cref="CheckVariant"/>.</summary>
public static class CheckVariants
{
    public static IReadOnlyList<string> Names { get; } = ["declared", "padded-line", "padded-2-lines", "column"];

    public static string Name(this CheckVariant variant) => Names[(int)variant];

    /// <summary>Objects of <paramref name="size"/> bytes whole in a line of <paramref name="lineSize"/>, at least 1.</summary>
    public static int ObjectsPerLine(int size, int lineSize) => Math.Max(1, lineSize / size);

    /// <summary>Bytes from one object to the next.</summary>
    public static int Stride(this CheckVariant variant, int size, int lineSize) => variant switch
    {
        CheckVariant.PaddedLine => RoundUp(size, lineSize),
        CheckVariant.PaddedTwoLines => RoundUp(size, 2 * lineSize),
        _ => size,
    };

    /// <summary>The object worker <paramref name="worker"/> owns.</summary>
    public static int ObjectOf(this CheckVariant variant, int worker, int size, int lineSize)
        => variant == CheckVariant.Column ? worker * ObjectsPerLine(size, lineSize) : worker;

    private static int RoundUp(int size, int unit) => (size + unit - 1) / unit * unit;
}
