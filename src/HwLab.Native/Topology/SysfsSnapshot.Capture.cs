using System.Text;

namespace HwLab.Native.Topology;

// The capture text format, compatible with `grep -H '' FILES`:
//
//   # comment line
//   /sys/devices/system/cpu/online:0-127
//   /proc/cpuinfo:processor<TAB>: 0          <- a multi-line file gives one line per text line,
//   /proc/cpuinfo:vendor_id<TAB>: GenuineIntel   all with the same path prefix
//   cpuid/0x00000004.0x1:eax=0x... ebx=0x... ecx=0x... edx=0x...
//
// The path is everything before the first ':' (the paths read contain none); the rest of the line,
// ':' included, is one line of the file. An empty file is one line with nothing after the ':'.
// A file's lines come together, as grep and ToCaptureText write them: the same path again after
// another path is the file recorded twice, and is refused.
public sealed partial class SysfsSnapshot
{
    /// <summary>Loads a capture written by <see cref="ToCaptureText"/> or by <c>grep -H '' FILES</c>.</summary>
    /// <exception cref="FormatException">
    /// The capture holds no file and no CPUID leaf; or a line has no path, holds a carriage return,
    /// records a file or CPUID leaf a second time, or is a CPUID line that is not a leaf and four
    /// registers. The message names the line.
    /// </exception>
    public static SysfsSnapshot Parse(string captureText)
    {
        ArgumentNullException.ThrowIfNull(captureText);
        var files = new Dictionary<string, (StringBuilder Text, int FirstLine)>(StringComparer.Ordinal);
        var order = new List<string>();
        string? previousPath = null;
        var leaves = new Dictionary<CpuIdLeaf, CpuIdRegisters>();
        var comments = new List<string>();

        string[] lines = captureText.Split('\n');
        // A final newline ends the last line; it does not start an empty one.
        int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (int n = 0; n < count; n++)
        {
            string line = lines[n].EndsWith('\r') ? lines[n][..^1] : lines[n];
            if (line.StartsWith('#'))
            {
                comments.Add(line.Length > 1 && line[1] == ' ' ? line[2..] : line[1..]);
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"capture line {n + 1}: '{SysfsText.Quote(line)}' is not PATH:TEXT.");
            }
            if (line.Contains('\r', StringComparison.Ordinal))
            {
                // Only a line's end may hold one (a Windows checkout); inside, the file is not text from /sys.
                throw new FormatException($"capture line {n + 1} holds a carriage return before its end.");
            }
            string path = line[..colon];
            string text = line[(colon + 1)..];

            if (path.StartsWith(SysfsPaths.CpuIdPrefix, StringComparison.Ordinal))
            {
                AddLeaf(leaves, n + 1, path, text);
            }
            else if (files.TryGetValue(path, out (StringBuilder Text, int FirstLine) existing))
            {
                if (path != previousPath)
                {
                    throw new FormatException($"capture line {n + 1}: {SysfsText.Quote(path)} is recorded twice (first on line {existing.FirstLine}).");
                }
                existing.Text.Append('\n').Append(text);
            }
            else
            {
                files.Add(path, (new StringBuilder(text), n + 1));
                order.Add(path);
            }
            previousPath = path;
        }

        if (order.Count == 0 && leaves.Count == 0)
        {
            throw new FormatException("the capture holds no file and no CPUID leaf.");
        }
        return new SysfsSnapshot(
            order.Select(path => KeyValuePair.Create(path, files[path].Text.ToString())),
            leaves,
            comments);
    }

    /// <summary>The capture text: comments, then files in path order, then CPUID leaves; every line ends with '\n'.</summary>
    public string ToCaptureText()
    {
        var text = new StringBuilder();
        foreach (string comment in _comments)
        {
            text.Append(comment.Length > 0 ? "# " : "#").Append(comment).Append('\n');
        }
        foreach ((string path, string content) in _files)
        {
            foreach (string line in content.Split('\n'))
            {
                text.Append(path).Append(':').Append(line).Append('\n');
            }
        }
        foreach ((CpuIdLeaf leaf, CpuIdRegisters registers) in _cpuIdLeaves)
        {
            text.Append(SysfsPaths.CpuIdPrefix).Append(leaf.ToString()).Append(':').Append(registers.ToString()).Append('\n');
        }
        return text.ToString();
    }

    private static void AddLeaf(Dictionary<CpuIdLeaf, CpuIdRegisters> leaves, int lineNumber, string path, string text)
    {
        if (!CpuIdLeaf.TryParse(path.AsSpan(SysfsPaths.CpuIdPrefix.Length), out CpuIdLeaf leaf))
        {
            throw new FormatException($"capture line {lineNumber}: '{SysfsText.Quote(path)}' is not cpuid/LEAF.SUBLEAF in hexadecimal.");
        }
        if (!CpuIdRegisters.TryParse(text, out CpuIdRegisters registers))
        {
            throw new FormatException($"capture line {lineNumber}: {path}: '{SysfsText.Quote(text)}' is not eax=0x... ebx=0x... ecx=0x... edx=0x....");
        }
        if (!leaves.TryAdd(leaf, registers))
        {
            throw new FormatException($"capture line {lineNumber}: {path} is recorded twice.");
        }
    }
}
