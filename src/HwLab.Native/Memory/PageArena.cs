using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace HwLab.Native.Memory;

/// <summary>
/// Page-aligned native memory outside the GC heap: the place kernel structs are laid out and
/// lock words live, so that their addresses, alignment and cache-line neighbours are known and
/// never move. Zeroed on allocation. Released exactly once, through a SafeHandle, by
/// <see cref="Dispose"/> or the finalizer; any use after that throws ObjectDisposedException.
/// </summary>
/// <remarks>
/// Views (<see cref="Pointer"/>, <see cref="AsSpan{T}()"/>) are raw: a pointer taken before
/// <see cref="Dispose"/> dangles after it, as with any native allocation. Pointer views are
/// bounds-checked in Debug builds only, so hot loops pay nothing in Release.
/// </remarks>
public sealed unsafe partial class PageArena : IDisposable
{
    private readonly SafePageMappingHandle _mapping;
    private readonly nuint _guardBytes;
    // Why madvise(MADV_HUGEPAGE) was refused, or null when it was accepted or not asked for.
    private readonly string? _hugePageAdvice;

    private PageArena(SafePageMappingHandle mapping, nuint guardBytes, long length, int pageSize, PageArenaOptions options, string? hugePageAdvice)
    {
        _mapping = mapping;
        _guardBytes = guardBytes;
        Length = length;
        PageSize = pageSize;
        Options = options;
        _hugePageAdvice = hugePageAdvice;
    }

    /// <summary>Usable bytes: the requested size rounded up to whole pages.</summary>
    public long Length { get; }

    /// <summary>The system page size the arena was rounded to.</summary>
    public int PageSize { get; }

    public PageArenaOptions Options { get; }

    public bool IsDisposed => _mapping.IsClosed;

    /// <summary>The first usable byte. Aligned to <see cref="PageArenaOptions.Alignment"/>.</summary>
    public nint Address
    {
        get
        {
            ObjectDisposedException.ThrowIf(_mapping.IsClosed, this);
            return _mapping.DangerousGetHandle() + (nint)_guardBytes;
        }
    }

    public void* Pointer => (void*)Address;

    /// <summary>How many times the native mapping has been released: 0 while live, 1 after; never more.</summary>
    internal int ReleaseCount => _mapping.ReleaseCount;

    /// <summary>Maps an arena of at least <paramref name="bytes"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size that is not positive, or a bad alignment.</exception>
    /// <exception cref="System.ComponentModel.Win32Exception">The OS refused: the message names the call, the error and, for locking, the limit in force.</exception>
    public static PageArena Allocate(long bytes, PageArenaOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        options ??= PageArenaOptions.Default;
        int pageSize = Environment.SystemPageSize;
        long alignment = options.EffectiveAlignment(pageSize);
        long length = checked((bytes + pageSize - 1) / pageSize * pageSize);
        nuint guard = options.GuardPages ? (nuint)pageSize : 0;

        PageArena arena = OperatingSystem.IsWindows()
            ? MapWindows(length, alignment, guard, pageSize, options)
            : MapUnix(length, alignment, guard, pageSize, options);
        if (options.Prefault)
        {
            arena.TouchEveryPage();
        }
        return arena;
    }

    /// <summary>The whole arena as bytes.</summary>
    public Span<byte> AsBytes() => AsSpan<byte>();

    /// <summary>The whole arena as a span of <typeparamref name="T"/>; trailing bytes that do not fill a T are left out.</summary>
    public Span<T> AsSpan<T>()
        where T : unmanaged
    {
        long count = Length / sizeof(T);
        if (count > int.MaxValue)
        {
            throw new InvalidOperationException($"The arena holds {count} elements of {typeof(T).Name}, more than a span can address; take a slice with AsSpan<T>(start, count).");
        }
        return new Span<T>(Pointer, (int)count);
    }

    /// <summary>A span of <paramref name="count"/> elements from element <paramref name="start"/>; always bounds-checked.</summary>
    public Span<T> AsSpan<T>(long start, int count)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if ((start + count) * sizeof(T) > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Elements {start}..{start + count} of {typeof(T).Name} run past the arena's {Length} bytes.");
        }
        return new Span<T>((T*)Pointer + start, count);
    }

    /// <summary>A pointer to element <paramref name="index"/> of an array of <typeparamref name="T"/> at the arena's start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T* ElementPointer<T>(long index)
        where T : unmanaged
    {
        CheckBounds(index * sizeof(T), sizeof(T));
        return (T*)Pointer + index;
    }

    /// <summary>A pointer to the byte at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* BytePointer(long offset, long size = 1)
    {
        CheckBounds(offset, size);
        return (byte*)Pointer + offset;
    }

    public void Dispose() => _mapping.Dispose();

    [Conditional("DEBUG")]
    private void CheckBounds(long offset, long size)
    {
        if (offset < 0 || size < 0 || offset + size > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"Bytes {offset}..{offset + size} are outside the arena's {Length} bytes.");
        }
    }

    private void TouchEveryPage()
    {
        byte* start = (byte*)Pointer;
        for (long offset = 0; offset < Length; offset += PageSize)
        {
            // A write, not a read: a read of untouched anonymous memory maps the shared zero page.
            Volatile.Write(ref start[offset], 0);
        }
    }

    private static long RoundUp(long value, long alignment) => (value + alignment - 1) & ~(alignment - 1);
}
