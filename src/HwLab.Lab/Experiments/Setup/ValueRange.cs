using System.Globalization;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>
/// The whole numbers a setting takes, both ends included. One value serves the command line (its
/// parse errors and --help state it) and the experiment's Validate (which also sees settings that
/// never came through the command line), so the two cannot disagree.
/// </summary>
public sealed record ValueRange(long Min, long Max)
{
    public bool Contains(long value) => value >= Min && value <= Max;

    /// <summary>"5 to 10000".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min} to {Max}");

    /// <summary>"--samples must be a whole number from 5 to 10000, not '2147483648'.": the same words whether the text overflowed or the number is out of range.</summary>
    public string Refusal(string option, string given) => $"{option} must be a whole number from {this}, not '{given}'.";

    /// <exception cref="ExperimentSettingsException"><paramref name="value"/> is outside the range.</exception>
    public void Ensure(long value, string option)
    {
        if (!Contains(value))
        {
            throw new ExperimentSettingsException(Refusal(option, value.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Checks a duration that the command line takes as whole milliseconds (--duration-ms).</summary>
    /// <exception cref="ExperimentSettingsException"><paramref name="duration"/> is no whole number of milliseconds in the range.</exception>
    public void EnsureMilliseconds(TimeSpan duration, string option)
    {
        double milliseconds = duration.TotalMilliseconds;
        if (milliseconds != Math.Floor(milliseconds) || !Contains((long)milliseconds))
        {
            throw new ExperimentSettingsException(Refusal(option, milliseconds.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <exception cref="ExperimentSettingsException">An element of <paramref name="values"/> is outside the range, or there is none.</exception>
    public void EnsureEach(IEnumerable<int> values, string option)
    {
        ArgumentNullException.ThrowIfNull(values);
        int[] all = [.. values];
        if (all.Length == 0 || !all.All(v => Contains(v)))
        {
            throw new ExperimentSettingsException(ListRefusal(option, string.Join(',', all)));
        }
    }

    /// <summary>"--distances takes whole numbers from 8 to 4096 separated by commas, not '8,x'."</summary>
    public string ListRefusal(string option, string given) => $"{option} takes whole numbers from {this} separated by commas, not '{given}'.";
}
