namespace HwLab.Layout.Locks;

/// <summary>
/// A thread's CPU for queued spinlocks: a slot of a <see cref="QueuedSpinLockNodes"/> table, what
/// smp_processor_id() is to the kernel's slow path. Disposing it, on the same thread, gives the
/// slot back.
/// </summary>
/// <remarks>
/// The binding is thread-static, so the cluster locks keep <see cref="IClusterLock"/>'s one-argument
/// form. Only the slow path reads it, as only the kernel's slow path touches per-CPU data.
/// </remarks>
public sealed class QueuedSpinLockCpu : IDisposable
{
    [ThreadStatic]
    private static QueuedSpinLockNodes? s_nodes;

    [ThreadStatic]
    private static int s_cpu;

    private readonly QueuedSpinLockNodes _nodes;
    private readonly int _threadId;
    private bool _disposed;

    private QueuedSpinLockCpu(QueuedSpinLockNodes nodes, int cpu)
    {
        _nodes = nodes;
        _threadId = Environment.CurrentManagedThreadId;
        Cpu = cpu;
    }

    /// <summary>The slot this thread owns in its table.</summary>
    public int Cpu { get; }

    /// <summary>The calling thread's table, or null when it is not attached.</summary>
    internal static QueuedSpinLockNodes? CurrentNodes => s_nodes;

    /// <summary>The calling thread's slot; meaningful only while <see cref="CurrentNodes"/> is set.</summary>
    internal static int CurrentCpu => s_cpu;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            // The binding is the attached thread's: undoing it from another would leave that thread pointing at a slot it no longer owns.
            throw new InvalidOperationException("A queued spinlock CPU must be given back on the thread it was attached to.");
        }
        s_nodes = null;
        _nodes.Detach(Cpu);
        _disposed = true;
    }

    /// <summary>What a lock call throws when its thread has no CPU to queue as.</summary>
    internal static InvalidOperationException NotAttached()
        => new("This thread takes a contended queued spinlock without a CPU to queue as: attach it first with QueuedSpinLockNodes.Attach(cpu).");

    internal static QueuedSpinLockCpu Enter(QueuedSpinLockNodes nodes, int cpu)
    {
        s_nodes = nodes;
        s_cpu = cpu;
        return new QueuedSpinLockCpu(nodes, cpu);
    }
}
