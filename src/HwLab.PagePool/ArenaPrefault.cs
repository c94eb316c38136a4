using HwLab.Native.Memory;

namespace HwLab.PagePool;

/// <summary>
/// Faults an arena in a chunk at a time, looking for a cancellation between chunks. First touches
/// of gigabytes take seconds, and tens of seconds in a virtual machine whose host backs its memory
/// lazily (a 4 GiB swap device took 20 s on the 2-vCPU guest), far longer than a Ctrl+C may wait.
/// </summary>
internal static unsafe class ArenaPrefault
{
    // 16 MiB: about 80 ms even at the 200 MB/s such a guest faults in.
    private const long ChunkBytes = 16L << 20;

    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; the arena is left partly faulted in.</exception>
    public static void Touch(PageArena arena, CancellationToken cancellation)
    {
        byte* start = (byte*)arena.Pointer;
        for (long chunk = 0; chunk < arena.Length; chunk += ChunkBytes)
        {
            cancellation.ThrowIfCancellationRequested();
            long end = Math.Min(arena.Length, chunk + ChunkBytes);
            for (long offset = chunk; offset < end; offset += arena.PageSize)
            {
                // A write, not a read: a read of untouched anonymous memory maps the shared zero page.
                Volatile.Write(ref start[offset], 0);
            }
        }
    }
}
