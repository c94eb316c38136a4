using HwLab.Lab.Workloads;

namespace HwLab.Lab.Engine;

/// <summary>
/// How fast memory is for the workers at the moment, measured just before each sample: the first
/// worker CPU swaps 2048 pages out and in (<see cref="PageSwapCopyWorkload"/>) over a 64 MiB
/// region, the swap workload's own pattern at its default FIFO depth, in about 1 ms. On the
/// 2-vCPU KVM guest such copies ran between about 220 and about 700 ns per page in stretches of
/// 0.1 s to seconds, with CPU-bound figures unchanged (a neighbour on the host taking memory
/// bandwidth or cache): the swap experiment's page copies follow it, and without this probe a run
/// that met the slow stretches looks like slower code. The pattern matters: a sequential copy of
/// 16 MiB followed the swap figure less closely than this one (docs/performance.md).
/// </summary>
internal sealed class MemoryProbe : IDisposable
{
    /// <summary>Page swaps per probe.</summary>
    public const int Operations = 2048;

    /// <summary>16 384 slots, 64 MiB: the swap experiment's smallest automatic device (64 clusters of 256 slots).</summary>
    public const int RegionPages = 16_384;

    /// <summary>How far behind the page swapped in is: the swap experiments' default FIFO, 512 slots held per worker.</summary>
    public const int Distance = 512;

    private readonly PageSwapCopyWorkload _workload = new(RegionPages, Distance);
    private readonly int _cpu;

    public MemoryProbe(int cpu) => _cpu = cpu;

    /// <summary>ns per page swapped out and back in (two 4 KiB copies).</summary>
    public double Measure(CancellationToken cancellation)
        => WorkerTeam.Run([_cpu], _workload, RunLimit.ForOperations(Operations, batch: Operations), cancellation).Workers[0].NanosecondsPerOperation;

    public void Dispose() => _workload.Dispose();
}
