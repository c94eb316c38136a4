using System.Globalization;

namespace HwLab.Native.Topology;

// The line size, and the cross-check of /sys and /proc against CPUID. On x86 the kernel fills
// cache/indexN from the same CPUID leaves at boot, so a disagreement means CPUID changed since
// (a live-migrated VM), a hypervisor that answers inconsistently, or a hybrid processor whose
// cores differ: each is worth knowing before trusting a padding decision.
public static partial class TopologyParser
{
    private static int ChooseLineSize(List<CacheInfo> caches, CpuIdSummary? cpuId, List<string> notes)
    {
        CacheInfo? l1d = SysfsL1Data(caches);
        if (l1d is not null)
        {
            return l1d.LineSize;
        }
        CpuIdCache? cpuIdL1d = cpuId?.Caches.FirstOrDefault(IsL1Data);
        if (cpuIdL1d is not null)
        {
            notes.Add(Invariant($"/sys gives no L1 data cache line size; the line size {cpuIdL1d.LineSize} comes from CPUID leaf {Hex(cpuId!.CacheLeaf)}."));
            return cpuIdL1d.LineSize;
        }
        if (cpuId is { ClflushLineSize: > 0 })
        {
            notes.Add(Invariant($"/sys gives no L1 data cache line size; the line size {cpuId.ClflushLineSize} is CPUID leaf 0x1's CLFLUSH line size."));
            return cpuId.ClflushLineSize;
        }
        notes.Add("The cache line size is assumed to be 64 bytes: neither /sys nor CPUID reports it.");
        return 64;
    }

    // CPUID's line sizes stand in for coherency_line_size where /sys lacks it, so they pass the same
    // rule; the message names the leaf as a capture writes it.
    private static void CheckCpuIdLineSizes(CpuIdSummary? cpuId)
    {
        if (cpuId is null)
        {
            return;
        }
        // The decoder reads subleaves from 0 and stops at the first that is not a cache: the
        // cache's index is its subleaf.
        for (int subleaf = 0; subleaf < cpuId.Caches.Count; subleaf++)
        {
            int lineSize = cpuId.Caches[subleaf].LineSize;
            if (!CacheLineSizes.IsPlausible(lineSize))
            {
                string leaf = SysfsPaths.CpuIdPrefix + new CpuIdLeaf(cpuId.CacheLeaf, (uint)subleaf);
                throw new FormatException(Invariant($"{leaf}: the line size {lineSize} (EBX bits 11:0, plus 1) is not {CacheLineSizes.Rule}."));
            }
        }
        if (cpuId.ClflushLineSize > 0 && !CacheLineSizes.IsPlausible(cpuId.ClflushLineSize))
        {
            string leaf = SysfsPaths.CpuIdPrefix + new CpuIdLeaf(CpuIdLeaves.Signature, 0);
            throw new FormatException(Invariant($"{leaf}: the CLFLUSH line size {cpuId.ClflushLineSize} (EBX bits 15:8, times 8) is not {CacheLineSizes.Rule}."));
        }
    }

    private static List<string> CrossCheck(CpuIdSummary? cpuId, List<CacheInfo> caches, bool? hypervisorFlag, string? modelName, List<string> notes)
    {
        var discrepancies = new List<string>();
        if (cpuId is null)
        {
            notes.Add("CPUID leaves were not recorded, so /sys and /proc are not cross-checked against CPUID.");
            return discrepancies;
        }
        string cacheLeaf = Hex(cpuId.CacheLeaf);

        CacheInfo? l1d = SysfsL1Data(caches);
        CpuIdCache? cpuIdL1d = cpuId.Caches.FirstOrDefault(IsL1Data);
        if (l1d is not null && cpuIdL1d is not null && l1d.LineSize != cpuIdL1d.LineSize)
        {
            discrepancies.Add(Invariant($"The L1 data cache line is {l1d.LineSize} bytes in /sys but {cpuIdL1d.LineSize} bytes in CPUID leaf {cacheLeaf}."));
        }
        if (l1d is not null && cpuId.ClflushLineSize > 0 && l1d.LineSize != cpuId.ClflushLineSize)
        {
            discrepancies.Add(Invariant($"The L1 data cache line is {l1d.LineSize} bytes in /sys but CPUID leaf 0x1 gives a CLFLUSH line size of {cpuId.ClflushLineSize} bytes."));
        }

        foreach ((int level, CacheType type, string name) in (ReadOnlySpan<(int, CacheType, string)>)[(1, CacheType.Data, "L1 data"), (2, CacheType.Unified, "L2"), (3, CacheType.Unified, "L3")])
        {
            // A hybrid processor lists two L2 sizes in /sys; CPUID describes the core it ran on,
            // so it only has to match one of them.
            long[] sysfsSizes = [.. caches.Where(c => c.Level == level && c.Type == type && c.SizeBytes > 0).Select(c => c.SizeBytes).Distinct().Order()];
            CpuIdCache? described = cpuId.Caches.FirstOrDefault(c => c.Level == level && c.Type == type);
            if (sysfsSizes.Length > 0 && described is not null && !sysfsSizes.Contains(described.SizeBytes))
            {
                string sysfs = string.Join(" or ", sysfsSizes.Select(FormatSize));
                discrepancies.Add($"The {name} cache is {sysfs} in /sys but {FormatSize(described.SizeBytes)} in CPUID leaf {cacheLeaf}.");
            }
        }

        if (hypervisorFlag is bool flag && cpuId.MaxBasicLeaf >= CpuIdLeaves.Signature && flag != cpuId.HypervisorBit)
        {
            discrepancies.Add(flag
                ? "/proc/cpuinfo lists the hypervisor flag but CPUID leaf 0x1 ECX bit 31 is clear."
                : "CPUID leaf 0x1 ECX bit 31 says a hypervisor is present but /proc/cpuinfo does not list the hypervisor flag.");
        }

        if (modelName is not null && cpuId.Brand is not null && NormalizeSpaces(modelName) != NormalizeSpaces(cpuId.Brand))
        {
            discrepancies.Add($"/proc/cpuinfo names the CPU model \"{modelName.Trim()}\" but the CPUID brand string is \"{cpuId.Brand.Trim()}\".");
        }
        return discrepancies;
    }

    private static CacheInfo? SysfsL1Data(List<CacheInfo> caches) => caches.FirstOrDefault(c => c.Level == 1 && c.Type == CacheType.Data && c.LineSize > 0);

    private static bool IsL1Data(CpuIdCache cache) => cache.Level == 1 && cache.Type == CacheType.Data;

    // Brand strings are padded (leading spaces on older Intel parts, runs of spaces inside on some),
    // and the kernel trims them for "model name"; only the words count.
    private static string NormalizeSpaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // As /sys writes sizes: "48K", "32768K"; bytes where it is not a whole number of KiB.
    private static string FormatSize(long bytes)
        => bytes % 1024 == 0 ? Invariant($"{bytes / 1024}K") : Invariant($"{bytes} bytes");

    private static string Hex(uint value) => Invariant($"0x{value:x}");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
