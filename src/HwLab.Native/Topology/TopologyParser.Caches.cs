using System.Globalization;
using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

// Caches: every online CPU lists the caches it uses under cpuN/cache/indexM/; a cache shared by
// 64 CPUs appears 64 times and is kept once, keyed by level, type and the CPUs sharing it.
public static partial class TopologyParser
{
    private static List<CacheInfo> ReadCaches(SysfsSnapshot snapshot, CpuSet online, List<string> notes)
    {
        var fallbacks = new FallbackNotes();
        var seen = new HashSet<(int Level, CacheType Type, CpuSet Shared)>();
        var caches = new List<CacheInfo>();
        Dictionary<int, SortedSet<int>> indicesByCpu = CacheIndicesByCpu(snapshot);
        bool anyIndex = false;
        foreach (int cpu in online)
        {
            foreach (int index in indicesByCpu.GetValueOrDefault(cpu) ?? [])
            {
                anyIndex = true;
                string label = string.Create(CultureInfo.InvariantCulture, $"cache/index{index}");
                string indexDirectory = $"{SysfsPaths.CpuDirectory(cpu)}/{label}";
                string levelPath = $"{indexDirectory}/{SysfsPaths.CacheLevel}";
                string typePath = $"{indexDirectory}/{SysfsPaths.CacheType}";
                if (!snapshot.TryGet(levelPath, out string? levelText) || !snapshot.TryGet(typePath, out string? typeText))
                {
                    fallbacks.Add($"{label}/level or type", cpu, "that cache is left out");
                    continue;
                }
                int level = SysfsText.ParseCount(levelPath, levelText);
                CacheType type = SysfsText.ParseCacheType(typePath, typeText);

                long size = 0;
                string sizePath = $"{indexDirectory}/{SysfsPaths.CacheSize}";
                if (snapshot.TryGet(sizePath, out string? sizeText))
                {
                    size = SysfsText.ParseSize(sizePath, sizeText);
                }
                else
                {
                    fallbacks.Add($"{label}/{SysfsPaths.CacheSize}", cpu, "the size is given as 0");
                }
                int lineSize = OptionalCacheInt(snapshot, indexDirectory, label, SysfsPaths.CacheLineSize, cpu, fallbacks, SysfsText.ParseLineSize);
                int ways = OptionalCacheInt(snapshot, indexDirectory, label, SysfsPaths.CacheWays, cpu, fallbacks, SysfsText.ParseCount);
                int sets = OptionalCacheInt(snapshot, indexDirectory, label, SysfsPaths.CacheSets, cpu, fallbacks, SysfsText.ParseCount);

                string sharedPath = $"{indexDirectory}/{SysfsPaths.CacheSharedCpuList}";
                CpuSet shared;
                if (snapshot.TryGet(sharedPath, out string? sharedText))
                {
                    shared = SysfsText.ParseCpuList(sharedPath, sharedText);
                }
                else
                {
                    fallbacks.Add($"{label}/{SysfsPaths.CacheSharedCpuList}", cpu, "the cache is taken to serve that CPU alone");
                    shared = CpuSet.Of(cpu);
                }

                if (seen.Add((level, type, shared)))
                {
                    caches.Add(new CacheInfo(level, type, size, lineSize, ways, sets, shared));
                }
            }
        }
        if (!anyIndex)
        {
            notes.Add($"No cache is described under {SysfsPaths.CpuRoot}/cpuN/cache; the caches are unknown.");
        }
        fallbacks.WriteTo(notes);
        return [.. caches.OrderBy(cache => cache.Level).ThenBy(cache => cache.Type).ThenBy(cache => cache.SharedCpus.IsEmpty ? -1 : cache.SharedCpus[0])];
    }

    // The M of each cpuN/cache/indexM/ recorded, by CPU, found in one pass over the paths (a
    // search per CPU would be quadratic on a large machine).
    private static Dictionary<int, SortedSet<int>> CacheIndicesByCpu(SysfsSnapshot snapshot)
    {
        var byCpu = new Dictionary<int, SortedSet<int>>();
        foreach (string path in snapshot.PathsUnder(SysfsPaths.CpuRoot))
        {
            // /sys/devices/system/cpu/cpuN/cache/indexM/FILE
            string[] parts = path[(SysfsPaths.CpuRoot.Length + 1)..].Split('/');
            if (parts.Length != 4 || parts[1] != "cache")
            {
                continue;
            }
            int cpu = SysfsPaths.NumberedName(parts[0], "cpu");
            int index = SysfsPaths.NumberedName(parts[2], "index");
            if (cpu >= 0 && index >= 0)
            {
                if (!byCpu.TryGetValue(cpu, out SortedSet<int>? indices))
                {
                    byCpu[cpu] = indices = [];
                }
                indices.Add(index);
            }
        }
        return byCpu;
    }

    private static int OptionalCacheInt(
        SysfsSnapshot snapshot, string indexDirectory, string label, string file, int cpu, FallbackNotes fallbacks, Func<string, string, int> parse)
    {
        string path = $"{indexDirectory}/{file}";
        if (snapshot.TryGet(path, out string? text))
        {
            return parse(path, text);
        }
        fallbacks.Add($"{label}/{file}", cpu, "the value is given as 0");
        return 0;
    }
}
