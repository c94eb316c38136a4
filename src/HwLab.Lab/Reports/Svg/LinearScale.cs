namespace HwLab.Lab.Reports.Svg;

/// <summary>
/// Maps a data interval onto a pixel interval, with "nice" tick values (1, 2 or 5 times a power of
/// ten). Any finite data maps to a finite pixel, even near the ends of the double range, where
/// max - min itself overflows: the arithmetic works on halves, which cannot.
/// </summary>
internal sealed class LinearScale
{
    // A value this many plot widths outside the domain is drawn at that distance: it is clipped
    // or off the plot either way, and the coordinate stays a short, finite number.
    private const double Overshoot = 10;

    // Steps one axis ever takes: a bound on the loop whatever the step rounds to (a nice step gives a dozen at most).
    private const int MaxTicks = 100;

    public LinearScale(double domainMin, double domainMax, double rangeMin, double rangeMax)
    {
        if (!double.IsFinite(domainMin) || !double.IsFinite(domainMax))
        {
            (domainMin, domainMax) = (0, 1);
        }
        if (!(HalfSpan(domainMin, domainMax) > 0))
        {
            // One value, or two too close to tell apart: a band around it, kept inside the double range.
            double pad = Math.Abs(domainMin) > 1e-300 ? Math.Abs(domainMin) * 0.1 : 1;
            (domainMin, domainMax) = (Math.Max(domainMin - pad, double.MinValue), Math.Min(domainMin + pad, double.MaxValue));
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

    /// <summary>The pixel for a finite value; NaN stays NaN, and callers leave such values out.</summary>
    public double Map(double value) => RangeMin + (Math.Clamp(Fraction(value, DomainMin, DomainMax), -Overshoot, 1 + Overshoot) * (RangeMax - RangeMin));

    /// <summary>Where value lies between min and max (0 at min, 1 at max), without overflow for any finite arguments; 0.5 when max is not above min.</summary>
    public static double Fraction(double value, double min, double max)
    {
        double half = HalfSpan(min, max);
        return half > 0 ? ((value / 2) - (min / 2)) / half : 0.5;
    }

    /// <summary>A scale whose domain is widened to nice tick values around [min, max].</summary>
    public static LinearScale Nice(double min, double max, double rangeMin, double rangeMax, int ticks = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }
        if (max <= min)
        {
            max = Math.Min(min + (min == 0 ? 1 : Math.Abs(min)), double.MaxValue);
        }
        var raw = new LinearScale(min, max, rangeMin, rangeMax);
        double step = NiceStep(HalfSpan(raw.DomainMin, raw.DomainMax) / ticks * 2);
        double niceMin = Math.Floor(raw.DomainMin / step) * step;
        double niceMax = Math.Ceiling(raw.DomainMax / step) * step;
        // Rounding out to a step can leave the double range; the data's own ends are kept then.
        return new LinearScale(double.IsFinite(niceMin) ? niceMin : raw.DomainMin, double.IsFinite(niceMax) ? niceMax : raw.DomainMax, rangeMin, rangeMax);
    }

    public IReadOnlyList<double> Ticks(int count = 5)
    {
        double step = NiceStep(HalfSpan(DomainMin, DomainMax) / count * 2);
        // Each tick from its index, rounded to the step's precision, so that 0.2 added five times is 1, not 0.99999.
        int decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step)) + 1, 0, 15);
        double first = Math.Ceiling((DomainMin / step) - 1e-9) * step;
        var ticks = new List<double>();
        for (int i = 0; i < MaxTicks; i++)
        {
            double value = Math.Round(first + (i * step), decimals);
            if (!double.IsFinite(value) || value > DomainMax + (step * 1e-9))
            {
                break;
            }
            // A step below the precision of the values repeats one of them; it is one tick.
            if (ticks.Count == 0 || value > ticks[^1])
            {
                ticks.Add(value == 0 ? 0 : value);
            }
        }
        return ticks;
    }

    private static double HalfSpan(double min, double max) => (max / 2) - (min / 2);

    private static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        double step = nice * power;
        // Near the ends of the double range the power of ten itself under- or overflows.
        return step > 0 && double.IsFinite(step) ? step : rough;
    }
}
