using System.Globalization;
using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// /proc/cpuinfo as blocks of "key<TAB>: value" lines, one block per processor, blocks separated by
/// an empty line. Keys differ by architecture (x86 "flags" and "model name", arm64 "Features"),
/// so every lookup may find nothing.
/// </summary>
internal sealed class ProcCpuInfo
{
    private readonly Dictionary<int, Dictionary<string, string>> _byProcessor;
    private readonly List<Dictionary<string, string>> _blocks;

    private ProcCpuInfo(Dictionary<int, Dictionary<string, string>> byProcessor, List<Dictionary<string, string>> blocks)
    {
        _byProcessor = byProcessor;
        _blocks = blocks;
    }

    /// <summary>The processor numbers the file lists.</summary>
    public CpuSet Processors => CpuSet.Of(_byProcessor.Keys);

    /// <exception cref="FormatException">A "processor" line is not a number, or a number appears twice.</exception>
    public static ProcCpuInfo Parse(string text)
    {
        var blocks = new List<Dictionary<string, string>>();
        Dictionary<string, string>? block = null;
        foreach (string line in text.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                block = null;
                continue;
            }
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            if (block is null)
            {
                block = new Dictionary<string, string>(StringComparer.Ordinal);
                blocks.Add(block);
            }
            block[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var byProcessor = new Dictionary<int, Dictionary<string, string>>();
        foreach (Dictionary<string, string> b in blocks)
        {
            if (!b.TryGetValue("processor", out string? number))
            {
                continue;
            }
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int processor) || processor > SysfsText.MaxCpuNumber)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"{SysfsPaths.CpuInfo}: processor '{SysfsText.Quote(number)}' is not a CPU number (0 to {SysfsText.MaxCpuNumber})."));
            }
            if (!byProcessor.TryAdd(processor, b))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{SysfsPaths.CpuInfo}: processor {processor} is listed twice."));
            }
        }
        return new ProcCpuInfo(byProcessor, blocks);
    }

    /// <summary>The value of <paramref name="key"/> in processor <paramref name="cpu"/>'s block, or null.</summary>
    public string? Get(int cpu, string key)
        => _byProcessor.TryGetValue(cpu, out Dictionary<string, string>? block) && block.TryGetValue(key, out string? value) ? value : null;

    /// <summary>The value of <paramref name="key"/> in the first block that has it, or null.</summary>
    public string? First(string key)
    {
        foreach (Dictionary<string, string> block in _blocks)
        {
            if (block.TryGetValue(key, out string? value))
            {
                return value;
            }
        }
        return null;
    }
}
