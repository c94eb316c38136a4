namespace HwLab.PagePool.Reserve;

/// <summary>
/// A sleeping reader-writer lock as the 4.x rw_semaphore behaves toward the scenario: readers share
/// it; a writer has it alone; waiters are served in the order they came, so once a writer waits,
/// readers that come later queue behind it, and down_read_trylock fails while a writer holds it or
/// waits for it. XFS's inode lock is an rw_semaphore too (mrlock_t); the scenario takes it
/// exclusively. A task refused the lock keeps its place in the queue and tries again after a pause:
/// the model has no sleeping and waking on the lock itself.
/// </summary>
/// <remarks>Not thread-safe: every member runs under the <see cref="MemoryModel"/>'s lock.</remarks>
internal sealed class KernelRwSemaphore(string name)
{
    // Protected by the model's lock.
    private readonly HashSet<SimTask> _readers = [];
    private readonly List<(SimTask Task, bool Write)> _queue = [];

    public string Name => name;

    /// <summary>The task holding it for writing, or null.</summary>
    public SimTask? Writer { get; private set; }

    public bool HeldBy(SimTask task) => ReferenceEquals(Writer, task) || _readers.Contains(task);

    /// <summary>down_read without sleeping: false while a writer holds it or a writer queued before this task waits.</summary>
    public bool TryDownRead(SimTask task)
    {
        if (Writer is null && !Ahead(task).Any(w => w.Write))
        {
            Dequeue(task);
            _readers.Add(task);
            return true;
        }
        Enqueue(task, write: false);
        return false;
    }

    /// <summary>down_read_trylock for a caller that lets go at once (the OOM reaper's look at the mm): whether a read hold could be had now.</summary>
    public bool CanDownReadTrylock() => Writer is null && !_queue.Any(w => w.Write);

    /// <summary>down_write without sleeping: false while anyone holds it or anyone queued before this task waits.</summary>
    public bool TryDownWrite(SimTask task)
    {
        if (Writer is null && _readers.Count == 0 && !Ahead(task).Any())
        {
            Dequeue(task);
            Writer = task;
            return true;
        }
        Enqueue(task, write: true);
        return false;
    }

    /// <summary>up_read or up_write, whichever <paramref name="task"/> holds.</summary>
    public void Release(SimTask task)
    {
        if (ReferenceEquals(Writer, task))
        {
            Writer = null;
        }
        else if (!_readers.Remove(task))
        {
            throw new InvalidOperationException($"{task.Name} releases {name}, which it does not hold.");
        }
    }

    /// <summary>A task that exits leaves the queue; it must hold nothing.</summary>
    public void Forget(SimTask task)
    {
        if (HeldBy(task))
        {
            throw new InvalidOperationException($"{task.Name} exits holding {name}.");
        }
        Dequeue(task);
    }

    // The waiters that came before task, or every waiter if it is not queued.
    private IEnumerable<(SimTask Task, bool Write)> Ahead(SimTask task)
    {
        int at = _queue.FindIndex(w => ReferenceEquals(w.Task, task));
        return at < 0 ? _queue : _queue.Take(at);
    }

    private void Enqueue(SimTask task, bool write)
    {
        if (!_queue.Any(w => ReferenceEquals(w.Task, task)))
        {
            _queue.Add((task, write));
        }
    }

    private void Dequeue(SimTask task) => _queue.RemoveAll(w => ReferenceEquals(w.Task, task));
}
