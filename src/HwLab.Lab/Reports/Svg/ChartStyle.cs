namespace HwLab.Lab.Reports.Svg;

/// <summary>Sizes and colours every chart shares, so the report reads as one piece.</summary>
internal static class ChartStyle
{
    public const double Width = 760;
    public const double Height = 380;
    public const double Left = 78;
    public const double Right = 24;
    public const double Top = 44;
    public const double Bottom = 58;

    /// <summary>A palette that stays distinct for colour-blind readers (Okabe-Ito).</summary>
    public static IReadOnlyList<string> Palette { get; } = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    public static string Color(int index) => Palette[index % Palette.Count];

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;
}
