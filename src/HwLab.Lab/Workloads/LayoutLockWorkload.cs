using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HwLab.Lab.Engine;
using HwLab.Lab.Experiments.Check;
using HwLab.Layout;
using HwLab.Layout.Locks;
using HwLab.Native.Memory;

namespace HwLab.Lab.Workloads;

/// <summary>
/// `hwlab check`'s work on a struct described only by its layout: an array of objects of its real
/// size as raw bytes, each worker locking its own object's lock word and updating the touched
/// fields inside the lock, as <see cref="ClusterLockWorkload{TCluster, TLock}"/> does for the
/// kernel's clusters. The stride and which object each worker owns are the variant's.
/// </summary>
internal sealed unsafe class LayoutLockWorkload<TLock> : IClusterWorkload
    where TLock : struct, IWordLock
{
    private readonly ClusterArray<byte> _objects;
    private readonly int[] _objectOf;
    private readonly int _lockOffset;
    private readonly int _bit;
    private readonly CheckTouch[] _touches;
    private readonly QueuedSpinLockNodes? _nodes;

    /// <param name="objectOf">Worker i works on object objectOf[i]; workers may share an object, whose lock then keeps them apart.</param>
    /// <param name="count">Objects in the array.</param>
    /// <param name="stride">Bytes from one object to the next: the struct's size, or padded.</param>
    /// <param name="lineSize">The machine's line, for a queued spinlock's node table (null: the lock needs none).</param>
    public LayoutLockWorkload(CheckTarget target, int[] objectOf, long count, int stride, int? lineSize)
    {
        _objectOf = objectOf;
        _lockOffset = target.LockField.Offset;
        _bit = target.Bit;
        _touches = [.. target.Touches];
        _nodes = lineSize is int line ? QueuedSpinLockNodes.Allocate(objectOf.Length, line) : null;
        try
        {
            _objects = ClusterArray<byte>.Allocate(count, stride, new PageArenaOptions { Prefault = true });
        }
        catch
        {
            _nodes?.Dispose();
            throw;
        }
    }

    public int Workers => _objectOf.Length;

    /// <summary>Zeroes the workers' objects only: the rest of the array is never written, and clearing it each run would cost as much as the run.</summary>
    public void BeginRun()
    {
        foreach (int index in _objectOf)
        {
            NativeMemory.Clear(_objects.ElementPointer(index), (nuint)_objects.Stride);
        }
    }

    public void Prepare(int worker)
    {
        // Attached until the worker thread ends with the run, as QueuedSpinLockWorkload does.
        _ = _nodes?.Attach(worker);
        _ = *_objects.ElementPointer(_objectOf[worker]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunBatch(int worker, long operations)
    {
        byte* obj = _objects.ElementPointer(_objectOf[worker]);
        byte* word = obj + _lockOffset;
        CheckTouch[] touches = _touches;
        int bit = _bit;
        for (long i = 0; i < operations; i++)
        {
            TLock.Lock(word, bit);
            for (int t = 0; t < touches.Length; t++)
            {
                Bump(obj, touches[t]);
            }
            TLock.Unlock(word, bit);
        }
    }

    /// <summary>Every object's touched fields hold exactly the updates its workers made (modulo their width), and no lock is left held.</summary>
    public void Verify(TeamRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (IGrouping<int, WorkerResult> owners in run.Workers.GroupBy(w => _objectOf[w.Worker]))
        {
            byte* obj = _objects.ElementPointer(owners.Key);
            if (TLock.IsLocked(obj + _lockOffset, _bit))
            {
                throw new InvalidOperationException($"Object {owners.Key}'s lock is still held after every worker finished.");
            }
            long made = owners.Sum(w => w.Operations);
            foreach (CheckTouch touch in _touches)
            {
                ulong counted = Read(obj + touch.Offset, touch.Width) & touch.Mask;
                if (counted != touch.Expected(made))
                {
                    throw new InvalidOperationException(
                        $"Object {owners.Key}'s {touch.Field} holds {counted >> touch.Low}, but its workers made {made} updates under the lock (the count wraps at its width): the lock lost some.");
                }
            }
        }
    }

    public void Dispose()
    {
        _objects.Dispose();
        _nodes?.Dispose();
    }

    // A plain read-modify-write, as the kernel's setters do under the lock: bits outside the count (the lock bit) are written back as read.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Bump(byte* obj, CheckTouch touch)
    {
        byte* at = obj + touch.Offset;
        ulong old = Read(at, touch.Width);
        ulong updated = (old & ~touch.Mask) | ((old + (1UL << touch.Low)) & touch.Mask);
        switch (touch.Width)
        {
            case 8: Unsafe.WriteUnaligned(at, updated); break;
            case 4: Unsafe.WriteUnaligned(at, (uint)updated); break;
            case 2: Unsafe.WriteUnaligned(at, (ushort)updated); break;
            default: *at = (byte)updated; break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read(byte* at, int width) => width switch
    {
        8 => Unsafe.ReadUnaligned<ulong>(at),
        4 => Unsafe.ReadUnaligned<uint>(at),
        2 => Unsafe.ReadUnaligned<ushort>(at),
        _ => *at,
    };
}
