using BenchmarkDotNet.Attributes;
using HwLab.Layout;
using HwLab.Layout.Kernel;

namespace HwLab.Benchmarks;

/// <summary>
/// The kernel's accessors on clusters in native memory, as a chain of dependent updates
/// (count = count + 1, 1 024 times): each update reads what the last one stored, so the figure is
/// the real cost of the generation's masks and shifts plus store-to-load forwarding, which a
/// single call, hidden by the out-of-order core, would not show.
/// </summary>
public unsafe class Perf_ClusterAccessors
{
    private const int Chain = 1024;

    private ClusterArray<swap_cluster_info_bitfield> _bitfield = null!;
    private ClusterArray<swap_cluster_info_seed> _seed = null!;
    private ClusterArray<swap_cluster_info_list> _list = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bitfield = ClusterArray<swap_cluster_info_bitfield>.Allocate(1);
        _seed = ClusterArray<swap_cluster_info_seed>.Allocate(1);
        _list = ClusterArray<swap_cluster_info_list>.Allocate(1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bitfield.Dispose();
        _seed.Dispose();
        _list.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Chain)]
    public uint Seed_count_increment() => Increment<swap_cluster_info_seed>(ref _seed[0]);

    [Benchmark(OperationsPerInvoke = Chain)]
    public uint Bitfield_count_increment() => Increment<swap_cluster_info_bitfield>(ref _bitfield[0]);

    [Benchmark(OperationsPerInvoke = Chain)]
    public uint List_count_increment() => Increment<swap_cluster_info_list>(ref _list[0]);

    [Benchmark(OperationsPerInvoke = Chain)]
    public uint Seed_set_count_flag() => SetCountFlag<swap_cluster_info_seed>(ref _seed[0]);

    [Benchmark(OperationsPerInvoke = Chain)]
    public uint List_set_count_flag() => SetCountFlag<swap_cluster_info_list>(ref _list[0]);

    private static uint Increment<T>(ref T ci)
        where T : unmanaged, IClusterInfo<T>
    {
        for (int i = 0; i < Chain; i++)
        {
            T.cluster_set_count(ref ci, (T.cluster_count(ref ci) + 1) & 0xff);
        }
        return T.cluster_count(ref ci);
    }

    // Alternates FREE and NEXT_NULL so each store depends on the flags the last one left.
    private static uint SetCountFlag<T>(ref T ci)
        where T : unmanaged, IClusterInfo<T>
    {
        for (int i = 0; i < Chain; i++)
        {
            uint flags = T.cluster_flags(ref ci);
            T.cluster_set_count_flag(ref ci, (T.cluster_count(ref ci) + 1) & 0xff, flags ^ (SwapCluster.CLUSTER_FLAG_FREE | SwapCluster.CLUSTER_FLAG_NEXT_NULL));
        }
        return T.cluster_count(ref ci);
    }
}
