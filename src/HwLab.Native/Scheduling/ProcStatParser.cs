using System.Globalization;

namespace HwLab.Native.Scheduling;

/// <summary>
/// Reads the per-CPU lines of /proc/stat: a pure parser, tested on captured text, apart from the
/// reader that opens the file (as the topology's parser is).
/// </summary>
public static class ProcStatParser
{
    // user, nice, system, idle; the other six came later (iowait 2.5.41, irq and softirq 2.6.0,
    // steal 2.6.11, guest 2.6.24, guest_nice 2.6.33) and read as 0 where an old kernel leaves them out.
    private const int RequiredFields = 4;
    private const int KnownFields = 10;

    /// <summary>Each online CPU's times by CPU number (the aggregate "cpu" line is left out).</summary>
    /// <exception cref="FormatException">A cpuN line that is not a CPU number and four to ten tick counts, or one CPU twice; the message names the line.</exception>
    public static IReadOnlyDictionary<int, CpuTimes> ParsePerCpu(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cpus = new Dictionary<int, CpuTimes>();
        int lineNumber = 0;
        foreach (string line in text.Split('\n'))
        {
            lineNumber++;
            if (!line.StartsWith("cpu", StringComparison.Ordinal) || line.Length == 3 || line[3] == ' ')
            {
                continue;
            }
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!int.TryParse(fields[0].AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out int cpu))
            {
                throw new FormatException($"/proc/stat line {lineNumber}: '{fields[0]}' is not cpu followed by a CPU number.");
            }
            if (fields.Length - 1 < RequiredFields)
            {
                throw new FormatException($"/proc/stat line {lineNumber}: {fields[0]} has {fields.Length - 1} fields; at least user, nice, system and idle are needed.");
            }
            var ticks = new long[KnownFields];
            for (int i = 0; i < Math.Min(KnownFields, fields.Length - 1); i++)
            {
                if (!long.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ticks[i]))
                {
                    throw new FormatException($"/proc/stat line {lineNumber}: {fields[0]} field {i + 1} is '{fields[i + 1]}', not a tick count.");
                }
            }
            if (!cpus.TryAdd(cpu, new CpuTimes(ticks[0], ticks[1], ticks[2], ticks[3], ticks[4], ticks[5], ticks[6], ticks[7], ticks[8], ticks[9])))
            {
                throw new FormatException($"/proc/stat line {lineNumber}: {fields[0]} appears twice.");
            }
        }
        return cpus;
    }
}
