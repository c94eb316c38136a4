using System.Globalization;
using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// Builds a <see cref="CpuTopology"/> from a <see cref="SysfsSnapshot"/>. Pure: it reads the snapshot
/// only, so it is tested on captured and synthesized machines. A missing file never throws: the
/// parser falls back to another source or a safe assumption and says so in
/// <see cref="CpuTopology.Notes"/>. A file with unreadable content, or a snapshot in which no
/// source names a CPU, throws a <see cref="FormatException"/> naming the file or what is missing,
/// because guessing there would hide a real problem. No other exception comes from the snapshot's
/// content, so a caller replaying a capture catches FormatException alone.
/// </summary>
public static partial class TopologyParser
{
    /// <exception cref="FormatException">
    /// A file's content is malformed (the message starts with its path, or with the CPUID leaf's
    /// pseudo path), or no source lists an online CPU.
    /// </exception>
    public static CpuTopology Parse(SysfsSnapshot snapshot) => Parse(snapshot, processorCount: null, []);

    /// <param name="snapshot">What was read.</param>
    /// <param name="processorCount">The OS's processor count, the last resort for the online CPUs where /sys is absent.</param>
    /// <param name="leadingNotes">Notes the caller adds first (why the snapshot is partial).</param>
    internal static CpuTopology Parse(SysfsSnapshot snapshot, int? processorCount, IEnumerable<string> leadingNotes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var notes = new List<string>(leadingNotes);

        ProcCpuInfo? cpuInfo = snapshot.TryGet(SysfsPaths.CpuInfo, out string? cpuInfoText) ? ProcCpuInfo.Parse(cpuInfoText) : null;
        if (cpuInfo is null)
        {
            notes.Add($"{SysfsPaths.CpuInfo} is absent; the CPU model and hypervisor flag come from CPUID alone.");
        }
        CpuIdSummary? cpuId = CpuIdDecoder.Decode(snapshot.CpuIdLeaves);
        CheckCpuIdLineSizes(cpuId);

        CpuSet online = ReadOnline(snapshot, cpuInfo, processorCount, notes);
        CpuSet possible = ReadCpuListOrOnline(snapshot, SysfsPaths.Possible, online, notes);
        CpuSet present = ReadCpuListOrOnline(snapshot, SysfsPaths.Present, online, notes);
        CpuSet allowed = ReadAllowed(snapshot, online, notes);
        CpuSet usable = allowed.Intersect(online);
        if (usable.IsEmpty)
        {
            notes.Add($"The process may run on CPUs {allowed}, none of which is online ({online}).");
        }

        List<NumaNode> numaNodes = ReadNumaNodes(snapshot, online, notes);
        List<LogicalCpu> cpus = ReadCpus(snapshot, online, cpuInfo, numaNodes, notes);
        List<CacheInfo> caches = ReadCaches(snapshot, online, notes);
        int lineSize = ChooseLineSize(caches, cpuId, notes);

        bool? hypervisorFlag = HypervisorFlag(cpuInfo);
        bool? hypervisorBit = snapshot.CpuIdLeaves.ContainsKey(new CpuIdLeaf(CpuIdLeaves.Signature, 0)) ? cpuId?.HypervisorBit : null;
        if (hypervisorFlag is null && hypervisorBit is null)
        {
            notes.Add("Neither /proc/cpuinfo flags nor CPUID leaf 0x1 is available; no hypervisor is assumed.");
        }
        bool hypervisorPresent = hypervisorFlag == true || hypervisorBit == true;
        var hypervisor = hypervisorPresent ? new HypervisorInfo(true, cpuId?.HypervisorVendor) : HypervisorInfo.None;

        string? modelName = cpuInfo?.First("model name");
        string? cpuModel = modelName ?? cpuId?.Brand;
        if (modelName is null)
        {
            notes.Add(cpuModel is null
                ? "Neither /proc/cpuinfo \"model name\" nor a CPUID brand string is available; the CPU model is unknown."
                : "/proc/cpuinfo has no \"model name\"; the CPU model is the CPUID brand string.");
        }

        string? kernelRelease = snapshot.TryGet(SysfsPaths.OsRelease, out string? release) ? SysfsText.OneLine(SysfsPaths.OsRelease, release) : null;
        if (string.IsNullOrEmpty(kernelRelease))
        {
            kernelRelease = null;
            notes.Add($"{SysfsPaths.OsRelease} is absent or empty; the kernel release is unknown.");
        }

        List<string> discrepancies = CrossCheck(cpuId, caches, hypervisorFlag, modelName, notes);

        var coreGroups = cpus.GroupBy(cpu => (cpu.PackageId, cpu.DieId, cpu.CoreId)).ToList();
        return new CpuTopology
        {
            Online = online,
            Possible = possible,
            Present = present,
            Allowed = allowed,
            Usable = usable,
            Cpus = cpus,
            Packages = cpus.Select(cpu => cpu.PackageId).Distinct().Count(),
            Cores = coreGroups.Count,
            ThreadsPerCore = coreGroups.Count > 0 ? coreGroups.Max(group => group.Count()) : 0,
            SmtSiblingGroups = [.. cpus.Select(cpu => cpu.ThreadSiblings).Where(set => set.Count > 1).Distinct().OrderBy(set => set[0])],
            Caches = caches,
            LineSize = lineSize,
            NumaNodes = numaNodes,
            Hypervisor = hypervisor,
            KernelRelease = kernelRelease,
            CpuModel = cpuModel,
            CpuId = cpuId,
            Discrepancies = discrepancies,
            Notes = notes,
        };
    }

    private static CpuSet ReadOnline(SysfsSnapshot snapshot, ProcCpuInfo? cpuInfo, int? processorCount, List<string> notes)
    {
        if (snapshot.TryGet(SysfsPaths.Online, out string? text))
        {
            CpuSet online = SysfsText.ParseCpuList(SysfsPaths.Online, text);
            // The CPU running this code is online, so an empty list is a broken file, not a machine.
            return !online.IsEmpty ? online : throw new FormatException($"{SysfsPaths.Online}: the list of online CPUs is empty.");
        }
        if (cpuInfo is not null && !cpuInfo.Processors.IsEmpty)
        {
            notes.Add($"{SysfsPaths.Online} is absent; the online CPUs are the processors /proc/cpuinfo lists.");
            return cpuInfo.Processors;
        }
        CpuSet withTopology = CpusWithTopology(snapshot);
        if (!withTopology.IsEmpty)
        {
            notes.Add($"{SysfsPaths.Online} is absent; the online CPUs are those with a topology directory.");
            return withTopology;
        }
        if (processorCount is int count && count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The online CPUs are taken to be 0 to {count - 1} from the processor count the OS reports; it counts the CPUs this process may use."));
            return CpuSet.Range(0, count - 1);
        }
        // Assuming CPU 0 would invent a machine; a snapshot that names no CPU is not of one.
        throw new FormatException(
            $"No CPU is named: {SysfsPaths.Online} is absent, {SysfsPaths.CpuInfo} lists no processor and no {SysfsPaths.CpuRoot}/cpuN/topology file is recorded.");
    }

    private static CpuSet CpusWithTopology(SysfsSnapshot snapshot)
    {
        var cpus = new List<int>();
        foreach (string path in snapshot.PathsUnder(SysfsPaths.CpuRoot))
        {
            // /sys/devices/system/cpu/cpuN/topology/FILE
            string[] parts = path[(SysfsPaths.CpuRoot.Length + 1)..].Split('/');
            int cpu = SysfsPaths.NumberedName(parts[0], "cpu");
            if (cpu >= 0 && parts.Length == 3 && parts[1] == "topology")
            {
                cpus.Add(cpu <= SysfsText.MaxCpuNumber
                    ? cpu
                    : throw new FormatException(Invariant($"{path}: cpu{cpu} is beyond the highest CPU number a kernel has, {SysfsText.MaxCpuNumber}.")));
            }
        }
        return CpuSet.Of(cpus);
    }

    private static CpuSet ReadCpuListOrOnline(SysfsSnapshot snapshot, string path, CpuSet online, List<string> notes)
    {
        if (snapshot.TryGet(path, out string? text))
        {
            return SysfsText.ParseCpuList(path, text);
        }
        notes.Add($"{path} is absent; it is taken to be the online CPUs.");
        return online;
    }

    private static CpuSet ReadAllowed(SysfsSnapshot snapshot, CpuSet online, List<string> notes)
    {
        if (snapshot.TryGet(SysfsPaths.SelfStatus, out string? status))
        {
            Dictionary<string, string> fields = SysfsText.ParseKeyValueLines(status);
            if (fields.TryGetValue("Cpus_allowed_list", out string? list))
            {
                return SysfsText.ParseCpuList($"{SysfsPaths.SelfStatus} Cpus_allowed_list", list);
            }
            if (fields.TryGetValue("Cpus_allowed", out string? mask))
            {
                return SysfsText.ParseCpuMask($"{SysfsPaths.SelfStatus} Cpus_allowed", mask);
            }
        }
        notes.Add($"{SysfsPaths.SelfStatus} has no Cpus_allowed_list; the process is taken to be allowed every online CPU.");
        return online;
    }

    private static bool? HypervisorFlag(ProcCpuInfo? cpuInfo)
    {
        string? flags = cpuInfo?.First("flags");
        return flags?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("hypervisor");
    }
}
