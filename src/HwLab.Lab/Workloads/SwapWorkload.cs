using System.Runtime.CompilerServices;
using HwLab.Lab.Engine;
using HwLab.Native.Memory;
using HwLab.PagePool.Swap;

namespace HwLab.Lab.Workloads;

/// <summary>
/// The swap experiments' worker loop on one <see cref="ISwapDevice"/>. One operation: swap a page
/// out (get_swap_page, copy the page in, swap_duplicate for the page table's reference; every 16th
/// time a second duplicate, as a fork would, and a page_swapcount), then, once the worker holds
/// more than its FIFO's worth, swap the oldest page in (copy it out, check it is the page that
/// went out) and free it (swap_free for each reference, then swapcache_free).
/// </summary>
/// <remarks>
/// With <paramref name="churn"/>, every run starts by allocating the whole device and freeing it
/// in random order, so the free list is scrambled before the measured allocations begin: the
/// state the seed expects after the first round. The scramble walks the whole device on the
/// engine's thread before the workers start, so it looks for <paramref name="cancellation"/> as it goes.
/// </remarks>
internal sealed class SwapWorkload(ISwapDevice device, int workers, int fifo, bool churn, int seed, CancellationToken cancellation = default) : IClusterWorkload
{
    private const int ExtraReferenceEvery = 16;
    private const int PageBytes = SwapDeviceOptions.PageBytes;

    private readonly WorkerState[] _states = [.. Enumerable.Range(0, workers).Select(_ => new WorkerState(fifo))];

    // Each worker's page buffer on a page of its own. A buffer on the managed heap would sit at
    // whatever offset within a page the allocator chose, and a 4 KiB copy's speed depends on that
    // offset against the device page's (4K aliasing), which made one run differ from the next.
    private readonly PageArena _buffers = PageArena.Allocate((long)workers * PageBytes, new PageArenaOptions { Prefault = true });
    private int _runs;

    public int Workers => workers;

    public ISwapDevice Device => device;

    /// <summary>New-cluster picks of the last run, all workers together.</summary>
    public SwapPicks LastPicks { get; private set; }

    /// <summary>si->lock acquisitions of the last run's workers, all together (the release after the run not counted).</summary>
    public long LastSwapInfoLocks { get; private set; }

    public void BeginRun()
    {
        device.Reset();
        if (churn)
        {
            Churn(new Random(seed + _runs));
        }
        device.ClearCounters();
        _runs++;
        foreach (WorkerState state in _states)
        {
            state.Clear();
        }
    }

    public void Prepare(int worker)
    {
        // The worker thread is this CPU of the device's queued spinlocks until it ends with the run.
        _ = device.EnterCpu(worker);
        Buffer(worker).Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunBatch(int worker, long operations)
    {
        WorkerState state = _states[worker];
        Span<byte> page = Buffer(worker);
        for (long i = 0; i < operations; i++)
        {
            long slot = device.GetSwapPage(worker);
            while (slot == 0)
            {
                if (state.Held == 0)
                {
                    throw new InvalidOperationException($"Worker {worker} found the swap device full while holding no slot.");
                }
                Release(state, page, worker);
                slot = device.GetSwapPage(worker);
            }

            ulong stamp = ((ulong)worker << 48) | (ulong)state.Sequence++;
            Unsafe.WriteUnaligned(ref page[0], stamp);
            device.WritePage(slot, page);
            device.SwapDuplicate(slot, worker);
            bool extra = state.Sequence % ExtraReferenceEvery == 0;
            if (extra)
            {
                device.SwapDuplicate(slot, worker);
                _ = device.PageSwapcount(slot, worker);
            }
            state.Push(slot, stamp, extra);
            if (state.Held > fifo)
            {
                Release(state, page, worker);
            }
        }
    }

    public void Verify(TeamRun run)
    {
        LastPicks = Enumerable.Range(0, workers).Select(device.Picks).Aggregate((a, b) => a + b);
        LastSwapInfoLocks = Enumerable.Range(0, workers).Sum(device.SwapInfoLocks);
        long wrongPages = _states.Sum(s => s.WrongPages);
        if (wrongPages > 0)
        {
            throw new InvalidOperationException($"{wrongPages} swap-ins returned a page other than the one swapped out.");
        }
        for (int worker = 0; worker < workers; worker++)
        {
            // On the engine's thread, as the worker's CPU: the workers have ended, so nothing contends.
            while (_states[worker].Held > 0)
            {
                Release(_states[worker], Buffer(worker), worker);
            }
        }
        device.CheckInvariants().ThrowIfBroken();
    }

    /// <summary>Releases the page buffers; the device belongs to the experiment, which shares it between workloads (each run resets it).</summary>
    public void Dispose() => _buffers.Dispose();

    private Span<byte> Buffer(int worker) => _buffers.AsSpan<byte>((long)worker * PageBytes, PageBytes);

    private void Release(WorkerState state, Span<byte> page, int cpu)
    {
        (long slot, ulong stamp, bool extra) = state.Pop();
        device.ReadPage(slot, page);
        if (Unsafe.ReadUnaligned<ulong>(ref page[0]) != stamp)
        {
            state.WrongPages++;
        }
        if (extra)
        {
            device.SwapFree(slot, cpu);
        }
        device.SwapFree(slot, cpu);
        device.SwapcacheFree(slot, cpu);
    }

    private void Churn(Random random)
    {
        // Every slot, so that no cluster keeps its place from the first round.
        const int CheckEvery = 4096;
        var slots = new List<long>();
        for (int i = 0; ; i++)
        {
            if (i % CheckEvery == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }
            long slot = device.GetSwapPage(i % workers);
            if (slot == 0)
            {
                break;
            }
            slots.Add(slot);
        }
        long[] order = [.. slots];
        random.Shuffle(order);
        for (int i = 0; i < order.Length; i++)
        {
            // Cancelled half way, the device holds allocated slots; the next run's reset frees them all.
            if (i % CheckEvery == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }
            device.SwapcacheFree(order[i], i % workers);
        }
    }

    /// <summary>One worker's FIFO of held slots and its page buffer, touched only by that worker during a run.</summary>
    private sealed class WorkerState(int fifo)
    {
        private readonly long[] _slots = new long[fifo + 2];
        private readonly ulong[] _stamps = new ulong[fifo + 2];
        private readonly bool[] _extra = new bool[fifo + 2];
        private int _head;
        private int _tail;

        public long Sequence { get; set; }

        public long WrongPages { get; set; }

        public int Held { get; private set; }

        public void Clear()
        {
            _head = _tail = Held = 0;
            Sequence = 0;
            WrongPages = 0;
        }

        public void Push(long slot, ulong stamp, bool extra)
        {
            _slots[_tail] = slot;
            _stamps[_tail] = stamp;
            _extra[_tail] = extra;
            _tail = (_tail + 1) % _slots.Length;
            Held++;
        }

        public (long Slot, ulong Stamp, bool Extra) Pop()
        {
            (long, ulong, bool) oldest = (_slots[_head], _stamps[_head], _extra[_head]);
            _head = (_head + 1) % _slots.Length;
            Held--;
            return oldest;
        }
    }
}
