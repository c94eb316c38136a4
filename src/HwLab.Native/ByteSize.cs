using System.Globalization;

namespace HwLab.Native;

/// <summary>Byte counts as people read them: binary units, at most one decimal, exact when it is exact.</summary>
public static class ByteSize
{
    private static readonly string[] s_units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>4096 → "4 KiB", 1536 → "1.5 KiB", 100 → "100 bytes".</summary>
    public static string Format(long bytes)
    {
        if (bytes < 1024 && bytes > -1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        }
        double value = bytes;
        int unit = 0;
        while (Math.Abs(value) >= 1024 && unit < s_units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        string number = value == Math.Floor(value)
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.#", CultureInfo.InvariantCulture);
        return $"{number} {s_units[unit]}";
    }
}
