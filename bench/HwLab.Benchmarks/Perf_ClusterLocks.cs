using BenchmarkDotNet.Attributes;
using HwLab.Layout;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.Benchmarks;

/// <summary>
/// Uncontended lock + unlock of each cluster lock on a cluster in native memory, and TryLock on
/// a lock that is held: the floor every contended figure of `hwlab run locks` sits on. The
/// spinlock_t of the 4.11 form is taken both ways x86 has taken it: the ticket lock before 4.2,
/// the queued spinlock since.
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
    private ClusterArray<swap_cluster_info_spinlock> _queued = null!;
    private ClusterArray<swap_cluster_info_spinlock> _heldQueued = null!;
    private QueuedSpinLockNodes _nodes = null!;
    private QueuedSpinLockCpu _cpu = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seed = ClusterArray<swap_cluster_info_seed>.Allocate(1);
        _spinlock = ClusterArray<swap_cluster_info_spinlock>.Allocate(1);
        _heldSeed = ClusterArray<swap_cluster_info_seed>.Allocate(1);
        _heldSpinlock = ClusterArray<swap_cluster_info_spinlock>.Allocate(1);
        // Not the ticket lock's cluster: a word the ticket lock has used is no queued spinlock's.
        _queued = ClusterArray<swap_cluster_info_spinlock>.Allocate(1);
        _heldQueued = ClusterArray<swap_cluster_info_spinlock>.Allocate(1);
        ClusterBitLock.Lock(_heldSeed.ElementPointer(0));
        ClusterTicketLock.Lock(_heldSpinlock.ElementPointer(0));
        ClusterQueuedSpinLock.Lock(_heldQueued.ElementPointer(0));
        // The native queued spinlock is handed its node table on every call, so the thread needs a CPU even uncontended.
        _nodes = QueuedSpinLockNodes.Allocate(1, lineSize: 64);
        _cpu = _nodes.Attach(0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _seed.Dispose();
        _spinlock.Dispose();
        _heldSeed.Dispose();
        _heldSpinlock.Dispose();
        _queued.Dispose();
        _heldQueued.Dispose();
        _cpu.Dispose();
        _nodes.Dispose();
    }

    [Benchmark(Baseline = true)]
    public ulong BitLock_LockUnlock()
    {
        swap_cluster_info_seed* ci = _seed.ElementPointer(0);
        ClusterBitLock.Lock(ci);
        ClusterBitLock.Unlock(ci);
        return ci->data;
    }

    // The forms BitSpinLock's default was chosen from (docs/performance.md).
    [Benchmark]
    public ulong BitLockCompareExchange_LockUnlock() => LockUnlock<ClusterBitLock<BitLockForms.CompareExchange>>(_seed.ElementPointer(0));

    [Benchmark]
    public ulong BitLockFetchFirst_LockUnlock() => LockUnlock<ClusterBitLock<BitLockForms.FetchFirst>>(_seed.ElementPointer(0));

    [Benchmark]
    public ulong BitLockBackoff_LockUnlock() => LockUnlock<ClusterBitLock<BitLockForms.Backoff>>(_seed.ElementPointer(0));

    [Benchmark]
    public ulong BitLockNonAtomicRelease_LockUnlock() => LockUnlock<ClusterBitLock<BitLockForms.NonAtomicRelease>>(_seed.ElementPointer(0));

    [Benchmark]
    public ulong NativeBitLock_LockUnlock()
    {
        swap_cluster_info_seed* ci = _seed.ElementPointer(0);
        NativeClusterBitLock.Lock(ci);
        NativeClusterBitLock.Unlock(ci);
        return ci->data;
    }

    [Benchmark]
    public uint TicketLock_LockUnlock() => LockUnlock<ClusterTicketLock>(_spinlock.ElementPointer(0));

    [Benchmark]
    public uint QueuedSpinLock_LockUnlock() => LockUnlock<ClusterQueuedSpinLock>(_queued.ElementPointer(0));

    [Benchmark]
    public uint NativeQueuedSpinLock_LockUnlock() => LockUnlock<NativeClusterQueuedSpinLock>(_queued.ElementPointer(0));

    [Benchmark]
    public bool BitLock_TryLock_Held() => ClusterBitLock.TryLock(_heldSeed.ElementPointer(0));

    [Benchmark]
    public bool NativeBitLock_TryLock_Held() => NativeClusterBitLock.TryLock(_heldSeed.ElementPointer(0));

    [Benchmark]
    public bool TicketLock_TryLock_Held() => ClusterTicketLock.TryLock(_heldSpinlock.ElementPointer(0));

    [Benchmark]
    public bool QueuedSpinLock_TryLock_Held() => ClusterQueuedSpinLock.TryLock(_heldQueued.ElementPointer(0));

    // Compiled once per lock struct, so each benchmark runs its lock's own inlined code.
    private static uint LockUnlock<TLock>(swap_cluster_info_spinlock* ci)
        where TLock : struct, IClusterLock
    {
        TLock.Lock(ci);
        TLock.Unlock(ci);
        return ci->@lock.val;
    }

    private static ulong LockUnlock<TLock>(swap_cluster_info_seed* ci)
        where TLock : struct, IClusterLock
    {
        TLock.Lock(ci);
        TLock.Unlock(ci);
        return ci->data;
    }
}
