using HwLab.Lab.Workloads;

namespace HwLab.Lab.Engine;

/// <summary>
/// How fast memory is for the workers at the moment, measured before each round: the first
/// worker CPU copies 16 MiB, page by page. On the 2-vCPU KVM guest this ran between stretches of
/// about 300 and about 630 ns per page, seconds each, with the CPU-bound figures unchanged (a
/// neighbour on the host taking memory bandwidth): the swap experiment's page copies follow it,
/// and without this probe a run that met the slow stretch looks like slower code.
/// </summary>
internal sealed class MemoryProbe : IDisposable
{
    /// <summary>4096 pages, 16 MiB each way: past a vCPU's share of the last-level cache on most machines.</summary>
    public const int Pages = 4096;

    private readonly PageCopyWorkload _workload = new(Pages);
    private readonly int _cpu;

    public MemoryProbe(int cpu) => _cpu = cpu;

    /// <summary>ns per 4 KiB page copied.</summary>
    public double Measure(CancellationToken cancellation)
        => WorkerTeam.Run([_cpu], _workload, RunLimit.ForOperations(Pages, batch: Pages), cancellation).Workers[0].NanosecondsPerOperation;

    public void Dispose() => _workload.Dispose();
}
