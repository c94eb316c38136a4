namespace HwLab.Lab.Reports.Svg;

/// <summary>Maps a data interval onto a pixel interval, with "nice" tick values (1, 2 or 5 times a power of ten).</summary>
internal sealed class LinearScale
{
    public LinearScale(double domainMin, double domainMax, double rangeMin, double rangeMax)
    {
        if (!double.IsFinite(domainMin) || !double.IsFinite(domainMax))
        {
            (domainMin, domainMax) = (0, 1);
        }
        if (domainMax <= domainMin)
        {
            double pad = domainMin == 0 ? 1 : Math.Abs(domainMin) * 0.1;
            (domainMin, domainMax) = (domainMin - pad, domainMax + pad);
        }
        DomainMin = domainMin;
        DomainMax = domainMax;
        RangeMin = rangeMin;
        RangeMax = rangeMax;
    }

    public double DomainMin { get; }

    public double DomainMax { get; }

    public double RangeMin { get; }

    public double RangeMax { get; }

    public double Map(double value) => RangeMin + ((value - DomainMin) / (DomainMax - DomainMin) * (RangeMax - RangeMin));

    /// <summary>A scale whose domain is widened to nice tick values around [min, max].</summary>
    public static LinearScale Nice(double min, double max, double rangeMin, double rangeMax, int ticks = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }
        if (max <= min)
        {
            max = min + (min == 0 ? 1 : Math.Abs(min));
        }
        double step = NiceStep((max - min) / ticks);
        return new LinearScale(Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, rangeMin, rangeMax);
    }

    public IReadOnlyList<double> Ticks(int count = 5)
    {
        double step = NiceStep((DomainMax - DomainMin) / count);
        // Each tick from its index, rounded to the step's precision, so that 0.2 added five times is 1, not 0.99999.
        int decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step)) + 1, 0, 15);
        double first = Math.Ceiling((DomainMin / step) - 1e-9) * step;
        var ticks = new List<double>();
        for (int i = 0; ; i++)
        {
            double value = Math.Round(first + (i * step), decimals);
            if (value > DomainMax + (step * 1e-9))
            {
                break;
            }
            ticks.Add(value == 0 ? 0 : value);
        }
        return ticks;
    }

    private static double NiceStep(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough))
        {
            return 1;
        }
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
