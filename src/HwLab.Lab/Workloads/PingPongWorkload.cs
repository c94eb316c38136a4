using System.Runtime.CompilerServices;
using HwLab.Lab.Engine;
using HwLab.Native;
using HwLab.Native.Memory;

namespace HwLab.Lab.Workloads;

/// <summary>
/// Core-to-core ping-pong on one cache line, as the established core-to-core-latency tool does it:
/// in round r the ping worker turns 2r into 2r + 1 with compare-and-swap, the pong worker turns
/// 2r + 1 into 2r + 2; each side spins on its compare-and-swap until the other has moved, so every
/// round is the line crossing from one core to the other and back. Managed or native loops.
/// </summary>
internal sealed unsafe class PingPongWorkload : IClusterWorkload
{
    private readonly PageArena _line;
    private readonly bool _native;
    private readonly long[] _nextRound = new long[2 * 16]; // one counter per worker, 128 bytes apart

    public PingPongWorkload(bool native)
    {
        _native = native;
        // A page of its own: nothing else lives in (or next to) the line being passed around.
        _line = PageArena.Allocate(Environment.SystemPageSize, new PageArenaOptions { Prefault = true });
    }

    public int Workers => 2;

    private ulong* Line => (ulong*)_line.Pointer;

    public void BeginRun()
    {
        Volatile.Write(ref *Line, 0);
        _nextRound[0] = 0;
        _nextRound[16] = 0;
    }

    public void Prepare(int worker) => _ = Volatile.Read(ref *Line);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunBatch(int worker, long operations)
    {
        ref long next = ref _nextRound[worker * 16];
        if (_native)
        {
            NativeCacheLineLoops.PingPong(Line, worker, next, operations);
        }
        else
        {
            ref ulong line = ref *Line;
            ulong offset = (ulong)worker;
            for (long r = next; r < next + operations; r++)
            {
                ulong expected = (2 * (ulong)r) + offset;
                while (Interlocked.CompareExchange(ref line, expected + 1, expected) != expected)
                {
                }
            }
        }
        next += operations;
    }

    public void Verify(TeamRun run)
    {
        ulong expected = 2 * (ulong)run.Workers[0].Operations;
        ulong actual = Volatile.Read(ref *Line);
        if (run.Workers[0].Operations != run.Workers[1].Operations || actual != expected)
        {
            throw new InvalidOperationException($"The ping-pong line holds {actual} after {run.Workers[0].Operations} rounds; it should hold {expected}.");
        }
    }

    public void Dispose() => _line.Dispose();
}
