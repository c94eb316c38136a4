using System.Globalization;

namespace HwLab.Lab.Reports;

/// <summary>Figures as reports print them: three significant digits is what the noise allows.</summary>
public static class Numbers
{
    public static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "-";
        }
        if (value == 0)
        {
            return "0";
        }
        double magnitude = Math.Abs(value);
        string format = magnitude >= 1000 ? "#,0" : magnitude >= 100 ? "0" : magnitude >= 10 ? "0.0" : magnitude >= 1 ? "0.00" : "0.000";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
