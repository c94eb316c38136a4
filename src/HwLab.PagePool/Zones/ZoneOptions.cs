namespace HwLab.PagePool.Zones;

/// <summary>How a <see cref="Zone"/> is sized and where its watermarks sit.</summary>
public sealed record ZoneOptions
{
    /// <summary>Pages of 4 KiB managed by the zone.</summary>
    public required long Pages { get; init; }

    /// <summary>/proc/sys/vm/min_free_kbytes: the min watermark, in KiB.</summary>
    public required long MinFreeKbytes { get; init; }

    /// <summary>/proc/sys/vm/watermark_scale_factor, in ten-thousandths of the zone.</summary>
    public int WatermarkScaleFactor { get; init; } = Watermarks.DefaultScaleFactor;

    /// <summary>nr_reserved_highatomic: pages held back for high-order atomic allocations.</summary>
    public long ReservedHighatomic { get; init; }

    public Watermarks Watermarks => Watermarks.Compute(Pages, MinFreeKbytes, WatermarkScaleFactor);

    /// <exception cref="ArgumentException">Watermarks that do not fit the zone.</exception>
    public void Validate()
    {
        if (Pages < 16 || Pages > (1L << 24))
        {
            throw new ZoneConfigurationException($"A zone holds 16 to {1L << 24} pages of 4 KiB, not {Pages}.");
        }
        if (MinFreeKbytes < 4)
        {
            throw new ZoneConfigurationException($"min_free_kbytes must be at least one page (4 KiB), not {MinFreeKbytes}.");
        }
        if (WatermarkScaleFactor is < 1 or > 1000)
        {
            throw new ZoneConfigurationException($"watermark_scale_factor runs from 1 to 1000, not {WatermarkScaleFactor}.");
        }
        Watermarks marks = Watermarks;
        if (marks.High + ReservedHighatomic >= Pages / 2)
        {
            throw new ZoneConfigurationException(
                $"The watermarks do not fit the zone: min {marks.Min}, low {marks.Low}, high {marks.High} pages (min_free_kbytes {MinFreeKbytes}) leave less than half of its {Pages} pages above high; lower min_free_kbytes or enlarge the zone.");
        }
        if (ReservedHighatomic < 0)
        {
            throw new ZoneConfigurationException("The high-atomic reserve cannot be negative.");
        }
    }
}
