using System.Runtime.InteropServices;

namespace HwLab.Native.Counters;

/// <summary>
/// Counters of the thread that creates this object, counting from the moment it is created.
/// Take a <see cref="Read"/> before and after a region and subtract them. Each kind is opened
/// on its own, not as a group, so a missing hardware event never takes the others with it; a
/// kind that cannot be opened is reported unavailable, with the reason, and never as zero.
/// </summary>
/// <remarks>
/// The counters follow the creating thread wherever it runs, and <see cref="Read"/> may be called
/// from any thread. A <see cref="Read"/> racing <see cref="Dispose"/> either completes or throws
/// <see cref="ObjectDisposedException"/>; it never reads a closed, possibly reused, fd.
/// </remarks>
public sealed partial class ThreadCounters : IDisposable
{
    private readonly CounterAvailability[] _availability;
    private readonly SafePerfEventHandle?[] _handles; // null where the kind is unavailable
    private bool _disposed;

    /// <summary>Opens every <see cref="CounterKind"/> for the calling thread.</summary>
    public ThreadCounters()
        : this(Enum.GetValues<CounterKind>())
    {
    }

    /// <summary>Opens <paramref name="kinds"/> (duplicates ignored, order kept) for the calling thread.</summary>
    /// <exception cref="ArgumentException">No kind, or a value that is not a <see cref="CounterKind"/>.</exception>
    public ThreadCounters(IEnumerable<CounterKind> kinds)
        : this(kinds, PerfEventConfig.For)
    {
    }

    /// <summary>Opens <paramref name="kinds"/> with the events <paramref name="eventFor"/> picks; tests use it to ask for events that do not exist.</summary>
    internal ThreadCounters(IEnumerable<CounterKind> kinds, Func<CounterKind, PerfEventConfig> eventFor)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        CounterKind[] distinct = [.. kinds.Distinct()];
        if (distinct.Length == 0)
        {
            throw new ArgumentException("Name at least one counter kind.", nameof(kinds));
        }
        foreach (CounterKind kind in distinct)
        {
            if (!Enum.IsDefined(kind))
            {
                throw new ArgumentException($"{kind} is not a counter kind.", nameof(kinds));
            }
        }

        _availability = new CounterAvailability[distinct.Length];
        _handles = new SafePerfEventHandle?[distinct.Length];
        for (int i = 0; i < distinct.Length; i++)
        {
            CounterKind kind = distinct[i];
            if (!OperatingSystem.IsLinux())
            {
                _availability[i] = new CounterAvailability(kind, CounterReasons.ForUnsupportedOS(kind), excludesKernel: false);
            }
            else if (Interop.Libc.SYS_perf_event_open < 0)
            {
                _availability[i] = new CounterAvailability(kind, CounterReasons.ForUnknownArchitecture(kind, RuntimeInformation.ProcessArchitecture), excludesKernel: false);
            }
            else
            {
                _handles[i] = Open(kind, eventFor(kind), out _availability[i]);
            }
        }
    }

    /// <summary>Per kind, in the order asked for: whether it opened, and if not, why.</summary>
    public IReadOnlyList<CounterAvailability> Availability => _availability;

    /// <summary>Reads every counter: the counts since this object was created.</summary>
    /// <exception cref="ObjectDisposedException">The counters were disposed.</exception>
    public CounterSnapshot Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var counts = new PerfCount[_handles.Length];
        for (int i = 0; i < _handles.Length; i++)
        {
            if (_handles[i] is SafePerfEventHandle handle)
            {
                counts[i] = ReadCount(handle);
            }
        }
        return new CounterSnapshot(this, _availability, counts, isDelta: false);
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (SafePerfEventHandle? handle in _handles)
        {
            handle?.Dispose();
        }
    }
}
