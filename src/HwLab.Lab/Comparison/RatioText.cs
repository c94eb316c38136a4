using System.Globalization;
using HwLab.Lab.Reports;

namespace HwLab.Lab.Comparison;

/// <summary>Ratios as compare prints them, in its explanations and its tables alike.</summary>
public static class RatioText
{
    // Three decimals read best for the ratios runs give (0.998, 1.012, a band edge of 0.952); far
    // from 1 they would be 300 digits or 0.000, so those are printed with their power of ten.
    public static string Of(double ratio)
        => ratio == 0 || Math.Abs(ratio) is >= 1e-3 and < 1e6
            ? ratio.ToString("0.000", CultureInfo.InvariantCulture)
            : Numbers.Scientific(ratio);

    /// <summary>"1.460 to 1.550".</summary>
    public static string Interval(double low, double high) => $"{Of(low)} to {Of(high)}";
}
