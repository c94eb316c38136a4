namespace HwLab.Native.Threading;

/// <summary>
/// A thread's pin to a set of CPUs. Disposing it, on the same thread, restores the affinity the
/// thread had before, so a pooled or reused thread never leaks a pin.
/// </summary>
public sealed class PinnedThreadScope : IDisposable
{
    private readonly CpuSet _previous;
    private readonly int _threadId;
    private bool _disposed;

    internal PinnedThreadScope(CpuSet previous, CpuSet cpus)
    {
        _previous = previous;
        _threadId = Environment.CurrentManagedThreadId;
        Cpus = cpus;
    }

    /// <summary>The CPUs the thread is pinned to.</summary>
    public CpuSet Cpus { get; }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            // Affinity belongs to a thread: restoring it from another would change the wrong one.
            throw new InvalidOperationException("A pin must be undone on the thread it pinned.");
        }
        ThreadPinning.SetCurrentThreadAffinity(_previous);
        _disposed = true;
    }
}
