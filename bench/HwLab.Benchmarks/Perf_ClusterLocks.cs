using BenchmarkDotNet.Attributes;
using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.Benchmarks;

/// <summary>
/// Uncontended lock + unlock of each cluster lock on a cluster in native memory, and TryLock on
/// a lock that is held: the floor every contended figure of `hwlab run locks` sits on.
/// The JIT's code for each benchmark and what it calls, two levels down, is exported beside the
/// results: it shows whether Interlocked.Or/And became a `lock or`/`lock and` or a `lock cmpxchg`
/// loop, and whether Lock and Unlock were inlined.
/// </summary>
[DisassemblyDiagnoser(maxDepth: 2)]
public unsafe class Perf_ClusterLocks
{
    private ClusterArray<swap_cluster_info_seed> _seed = null!;
    private ClusterArray<swap_cluster_info_spinlock> _spinlock = null!;
    private ClusterArray<swap_cluster_info_seed> _heldSeed = null!;
    private ClusterArray<swap_cluster_info_spinlock> _heldSpinlock = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seed = ClusterArray<swap_cluster_info_seed>.Allocate(1);
        _spinlock = ClusterArray<swap_cluster_info_spinlock>.Allocate(1);
        _heldSeed = ClusterArray<swap_cluster_info_seed>.Allocate(1);
        _heldSpinlock = ClusterArray<swap_cluster_info_spinlock>.Allocate(1);
        ClusterBitLock.Lock(_heldSeed.ElementPointer(0));
        ClusterTicketLock.Lock(_heldSpinlock.ElementPointer(0));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _seed.Dispose();
        _spinlock.Dispose();
        _heldSeed.Dispose();
        _heldSpinlock.Dispose();
    }

    [Benchmark(Baseline = true)]
    public ulong BitLock_LockUnlock()
    {
        swap_cluster_info_seed* ci = _seed.ElementPointer(0);
        ClusterBitLock.Lock(ci);
        ClusterBitLock.Unlock(ci);
        return ci->data;
    }

    [Benchmark]
    public ulong NativeBitLock_LockUnlock()
    {
        swap_cluster_info_seed* ci = _seed.ElementPointer(0);
        NativeClusterBitLock.Lock(ci);
        NativeClusterBitLock.Unlock(ci);
        return ci->data;
    }

    [Benchmark]
    public uint TicketLock_LockUnlock()
    {
        swap_cluster_info_spinlock* ci = _spinlock.ElementPointer(0);
        ClusterTicketLock.Lock(ci);
        ClusterTicketLock.Unlock(ci);
        return ci->@lock.val;
    }

    [Benchmark]
    public bool BitLock_TryLock_Held() => ClusterBitLock.TryLock(_heldSeed.ElementPointer(0));

    [Benchmark]
    public bool NativeBitLock_TryLock_Held() => NativeClusterBitLock.TryLock(_heldSeed.ElementPointer(0));

    [Benchmark]
    public bool TicketLock_TryLock_Held() => ClusterTicketLock.TryLock(_heldSpinlock.ElementPointer(0));
}
