using System.Globalization;

namespace HwLab.Lab.Reports;

/// <summary>Figures as reports print them: three significant digits is what the noise allows.</summary>
public static class Numbers
{
    // Beyond these magnitudes plain digits stop being readable (1e308 would print 309 of them) or
    // round to zero (0.0004 would print 0.000), so the figure is printed as 1.23e308 instead.
    private const double LargestPlain = 1e12;
    private const double SmallestPlain = 1e-3;

    /// <summary>The figure with three significant digits, or "-" for one that is not defined (NaN) or not finite.</summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            return "-";
        }
        if (value == 0)
        {
            return "0";
        }
        double magnitude = Math.Abs(value);
        if (magnitude >= LargestPlain || magnitude < SmallestPlain)
        {
            return Scientific(value);
        }
        string format = magnitude >= 1000 ? "#,0" : magnitude >= 100 ? "0" : magnitude >= 10 ? "0.0" : magnitude >= 1 ? "0.00" : "0.000";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A deciding figure, an end of its interval or a threshold: up to four decimals, as the rule's
    /// threshold text and the verdict's reasons print them, so that an interval end just past the
    /// threshold (1.1004 against 1.10) does not print as the threshold itself. From a thousand up,
    /// and far from ordinary magnitudes, as <see cref="Format"/> prints it.
    /// </summary>
    public static string Precise(double value)
        => double.IsFinite(value) && value != 0 && Math.Abs(value) is >= SmallestPlain and < 1000
            ? value.ToString("0.00##", CultureInfo.InvariantCulture)
            : Format(value);

    /// <summary>A fraction as a percentage with one decimal (0.123 is 12.3%); "-" when it is not defined.</summary>
    public static string Percent(double fraction)
    {
        if (!double.IsFinite(fraction))
        {
            return "-";
        }
        double percent = fraction * 100;
        if (Math.Abs(percent) < LargestPlain)
        {
            return percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";
        }
        // The fraction's own digits with the power of ten moved by two: fraction * 100 may not be finite.
        string[] digits = Scientific(fraction).Split('e');
        return $"{digits[0]}e{int.Parse(digits[1], CultureInfo.InvariantCulture) + 2}%";
    }

    /// <summary>1.23e308, -4.00e-4: three significant digits and the power of ten.</summary>
    public static string Scientific(double value) => value.ToString("0.00e0", CultureInfo.InvariantCulture);
}
