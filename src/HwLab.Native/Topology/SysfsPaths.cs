namespace HwLab.Native.Topology;

/// <summary>
/// The /sys and /proc paths the topology parser reads. The live reader and the parser both build
/// paths here, so a capture holds exactly the files the parser looks for.
/// </summary>
internal static class SysfsPaths
{
    public const string CpuRoot = "/sys/devices/system/cpu";
    public const string Online = CpuRoot + "/online";
    public const string Possible = CpuRoot + "/possible";
    public const string Present = CpuRoot + "/present";
    public const string NodeRoot = "/sys/devices/system/node";
    public const string CpuInfo = "/proc/cpuinfo";
    public const string SelfStatus = "/proc/self/status";
    public const string OsRelease = "/proc/sys/kernel/osrelease";

    // CPUID leaves are stored in a capture as pseudo paths; no real path starts like this.
    public const string CpuIdPrefix = "cpuid/";

    public const string CoreId = "core_id";
    public const string PhysicalPackageId = "physical_package_id";
    public const string DieId = "die_id";
    public const string ThreadSiblingsList = "thread_siblings_list";
    public const string CoreCpusList = "core_cpus_list";
    public const string PackageCpusList = "package_cpus_list";

    public const string CacheLevel = "level";
    public const string CacheType = "type";
    public const string CacheSize = "size";
    public const string CacheLineSize = "coherency_line_size";
    public const string CacheWays = "ways_of_associativity";
    public const string CacheSets = "number_of_sets";
    public const string CacheSharedCpuList = "shared_cpu_list";

    public const string NodeCpuListFile = "cpulist";
    public const string NodeDistanceFile = "distance";

    /// <summary>The files of cpuN/topology/ the parser reads.</summary>
    public static IReadOnlyList<string> TopologyFiles { get; } =
        [CoreId, PhysicalPackageId, DieId, ThreadSiblingsList, CoreCpusList, PackageCpusList];

    /// <summary>The files of cpuN/cache/indexM/ the parser reads.</summary>
    public static IReadOnlyList<string> CacheFiles { get; } =
        [CacheLevel, CacheType, CacheSize, CacheLineSize, CacheWays, CacheSets, CacheSharedCpuList];

    public static string CpuDirectory(int cpu) => $"{CpuRoot}/cpu{Number(cpu)}";

    public static string Topology(int cpu, string file) => $"{CpuDirectory(cpu)}/topology/{file}";

    public static string CacheDirectory(int cpu) => $"{CpuDirectory(cpu)}/cache";

    public static string NodeCpuList(int node) => $"{NodeRoot}/node{Number(node)}/{NodeCpuListFile}";

    public static string NodeDistance(int node) => $"{NodeRoot}/node{Number(node)}/{NodeDistanceFile}";

    /// <summary>
    /// The number in a directory name such as <c>index3</c> or <c>node1</c>, or -1 when the name
    /// is not the prefix followed by decimal digits only.
    /// </summary>
    public static int NumberedName(ReadOnlySpan<char> name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length)
        {
            return -1;
        }
        ReadOnlySpan<char> digits = name[prefix.Length..];
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }
        }
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number) ? number : -1;
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
