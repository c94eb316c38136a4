namespace HwLab.Native.Topology;

// The thin reader: it copies files and decides nothing beyond which files exist, so that everything
// the parser concludes can be reproduced from a capture.
public sealed partial class SysfsSnapshot
{
    /// <summary>
    /// Reads the files <see cref="TopologyParser"/> uses from this machine, and its CPUID leaves when
    /// the processor has the instruction. Files that do not exist, or that cannot be read (a locked-down
    /// container, an attribute the hardware lacks), are left out; the parser says what it assumed instead. On an
    /// OS without /sys the snapshot holds the CPUID leaves only.
    /// </summary>
    public static SysfsSnapshot ReadLive()
    {
        var files = new List<KeyValuePair<string, string>>();

        Add(files, SysfsPaths.Online);
        Add(files, SysfsPaths.Possible);
        Add(files, SysfsPaths.Present);

        foreach (int cpu in LiveOnlineCpus(files))
        {
            foreach (string file in SysfsPaths.TopologyFiles)
            {
                Add(files, SysfsPaths.Topology(cpu, file));
            }
            string cacheDirectory = SysfsPaths.CacheDirectory(cpu);
            foreach (string index in NumberedDirectories(cacheDirectory, "index"))
            {
                foreach (string file in SysfsPaths.CacheFiles)
                {
                    Add(files, $"{index}/{file}");
                }
            }
        }

        foreach (string node in NumberedDirectories(SysfsPaths.NodeRoot, "node"))
        {
            Add(files, $"{node}/{SysfsPaths.NodeCpuListFile}");
            Add(files, $"{node}/{SysfsPaths.NodeDistanceFile}");
        }

        Add(files, SysfsPaths.CpuInfo);
        // Only the affinity lines of /proc/self/status: the rest (pids, uids, memory use) changes
        // with every run and says nothing about the machine.
        Add(files, SysfsPaths.SelfStatus, line => line.StartsWith("Cpus_allowed", StringComparison.Ordinal) || line.StartsWith("Mems_allowed", StringComparison.Ordinal));
        Add(files, SysfsPaths.OsRelease);

        return new SysfsSnapshot(files, CpuIdReader.Read());
    }

    private static IEnumerable<int> LiveOnlineCpus(List<KeyValuePair<string, string>> files)
    {
        foreach ((string path, string text) in files)
        {
            if (path == SysfsPaths.Online && Threading.CpuSet.TryParse(text, out Threading.CpuSet? online, out _))
            {
                return online;
            }
        }
        // Without a readable online list, take every cpuN directory; the parser notes the fallback.
        return NumberedDirectories(SysfsPaths.CpuRoot, "cpu")
            .Select(directory => SysfsPaths.NumberedName(Path.GetFileName(directory.AsSpan()), "cpu"))
            .Order();
    }

    private static IEnumerable<string> NumberedDirectories(string directory, string prefix)
    {
        try
        {
            return Directory.GetDirectories(directory, prefix + "*")
                .Where(path => SysfsPaths.NumberedName(Path.GetFileName(path.AsSpan()), prefix) >= 0)
                .Order(NaturalPathComparer.Instance)
                .ToArray();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static void Add(List<KeyValuePair<string, string>> files, string path, Func<string, bool>? keepLine = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Absent (FileNotFound/DirectoryNotFound) or unreadable: some sysfs attributes fail their
            // read with EINVAL on hardware that lacks the value. The parser notes what is missing.
            return;
        }

        // Captures are line based: drop the final newline and any carriage returns.
        text = text.Replace("\r", "", StringComparison.Ordinal);
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }
        if (keepLine is not null)
        {
            text = string.Join('\n', text.Split('\n').Where(keepLine));
        }
        files.Add(KeyValuePair.Create(path, text));
    }
}
