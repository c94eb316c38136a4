using System.Globalization;

namespace HwLab.Native.Tests;

/// <summary>
/// HWLAB_STRESS_SCALE: how many times their default work the stress tests do. 1 in CI
/// (runsettings/ci.runsettings), 50 on bare multicore machines (runsettings/hardware.runsettings),
/// and below 1 for mutation runs (tests/mutation-score.sh), whose instrumented assemblies run the
/// lock loops many times slower (docs/quality.md). Unset, or not a positive number: 1.
/// </summary>
internal static class StressScale
{
    public static double Factor { get; } =
        double.TryParse(Environment.GetEnvironmentVariable("HWLAB_STRESS_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture, out double factor)
        && double.IsFinite(factor) && factor > 0 ? factor : 1;

    /// <summary><paramref name="work"/> at the scale, rounded, and at least 1.</summary>
    public static int Of(int work) => (int)Math.Clamp(Math.Round(work * Factor), 1, int.MaxValue);
}
