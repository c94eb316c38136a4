using System.Runtime.CompilerServices;
using HwLab.Native.Memory;

namespace HwLab.Layout;

/// <summary>
/// An array of cluster structs (or any unmanaged struct) in a <see cref="PageArena"/>: page
/// aligned, so element i's cache line and page are known, and never moved by the GC. The stride
/// is the struct size by default, as in the kernel's cluster_info array; a larger stride spaces
/// elements out, which is how false-sharing experiments set the distance between neighbours.
/// </summary>
public sealed unsafe class ClusterArray<T> : IDisposable
    where T : unmanaged
{
    private readonly PageArena _arena;
    private readonly byte* _first;

    private ClusterArray(PageArena arena, long count, int stride)
    {
        _arena = arena;
        _first = (byte*)arena.Pointer;
        Count = count;
        Stride = stride;
    }

    public long Count { get; }

    /// <summary>Bytes from one element to the next.</summary>
    public int Stride { get; }

    public PageArena Arena => _arena;

    /// <summary>Allocates <paramref name="count"/> zeroed elements <paramref name="stride"/> bytes apart (0: packed).</summary>
    public static ClusterArray<T> Allocate(long count, int stride = 0, PageArenaOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        int size = sizeof(T);
        stride = stride == 0 ? size : stride;
        if (stride < size || stride % Math.Min(size, 8) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, $"A stride must hold a {typeof(T).Name} ({size} bytes) and keep it aligned.");
        }
        PageArena arena = PageArena.Allocate(checked(count * stride), options);
        return new ClusterArray<T>(arena, count, stride);
    }

    public ref T this[long index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref *ElementPointer(index);
    }

    /// <summary>A pointer to element <paramref name="index"/>; bounds-checked in Debug builds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T* ElementPointer(long index)
    {
        CheckIndex(index);
        return (T*)(_first + (index * Stride));
    }

    /// <summary>The element's byte offset from the array's page-aligned start.</summary>
    public long OffsetOf(long index) => index * Stride;

    /// <summary>The cache line (of <paramref name="lineSize"/> bytes) element <paramref name="index"/> starts in, counted from the array's start.</summary>
    public long LineOf(long index, int lineSize) => OffsetOf(index) / lineSize;

    public void Dispose() => _arena.Dispose();

    [System.Diagnostics.Conditional("DEBUG")]
    private void CheckIndex(long index)
    {
        ObjectDisposedException.ThrowIf(_arena.IsDisposed, this);
        if ((ulong)index >= (ulong)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The array has {Count} elements.");
        }
    }
}
