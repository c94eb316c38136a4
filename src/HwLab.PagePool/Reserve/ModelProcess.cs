namespace HwLab.PagePool.Reserve;

/// <summary>
/// A user process: its threads, which share one mm (CLONE_VM | CLONE_THREAD, as the reproducer
/// clones them), the pages that mm holds, and its mmap_sem. The memory goes back to the zone only
/// when the last thread sharing the mm has exited (mmput at mm_users zero, then exit_mmap), unless
/// the OOM reaper takes the anonymous part first.
/// </summary>
/// <remarks>Not thread-safe: every member runs under the <see cref="MemoryModel"/>'s lock, which guards the pages listed here.</remarks>
public sealed class ModelProcess
{
    // Protected by the model's lock.
    private readonly List<SimTask> _threads = [];
    private readonly List<int> _anonymous = [];
    private readonly List<int> _kernelPages = [];

    internal ModelProcess(long pid, string comm)
    {
        Pid = pid;
        Comm = comm;
        MmapSem = new KernelRwSemaphore("mmap_sem");
    }

    /// <summary>The thread group id the kernel log prints.</summary>
    public long Pid { get; }

    public string Comm { get; }

    public IReadOnlyList<SimTask> Threads => _threads;

    internal KernelRwSemaphore MmapSem { get; }

    /// <summary>Every thread has exited and the mm's pages went back to the zone.</summary>
    public bool MmFreed { get; internal set; }

    /// <summary>The OOM reaper emptied the anonymous memory.</summary>
    public bool Reaped { get; internal set; }

    /// <summary>oom_score_adj set to OOM_SCORE_ADJ_MIN (4.6's reaper does so once it has reaped): the OOM killer passes it over.</summary>
    public bool OomScoreAdjMin { get; internal set; }

    /// <summary>Pages the mm holds: what the OOM killer weighs (rss).</summary>
    internal long RssLocked => _anonymous.Count + _kernelPages.Count;

    internal long AnonymousLocked => _anonymous.Count;

    internal bool HasLiveThreadLocked => _threads.Any(t => !t.Exited);

    internal void AddThread(SimTask thread) => _threads.Add(thread);

    internal void AddAnonymousLocked(int page) => _anonymous.Add(page);

    /// <summary>A page the kernel allocated for the process (the victim's exit path): freed with the mm, not by the reaper.</summary>
    internal void AddKernelPageLocked(int page) => _kernelPages.Add(page);

    /// <summary>Gives up the oldest anonymous page (a daemon trimming its working set), or -1 when there is none.</summary>
    internal int TakeOldestAnonymousLocked()
    {
        if (_anonymous.Count == 0)
        {
            return -1;
        }
        int page = _anonymous[0];
        _anonymous.RemoveAt(0);
        return page;
    }

    /// <summary>Hands over the anonymous pages (to the OOM reaper); the kernel pages stay.</summary>
    internal IReadOnlyList<int> TakeAnonymousLocked()
    {
        IReadOnlyList<int> pages = [.. _anonymous];
        _anonymous.Clear();
        return pages;
    }

    /// <summary>Hands over every page the mm holds (exit_mmap after the last thread's mmput).</summary>
    internal IReadOnlyList<int> TakeAllLocked()
    {
        IReadOnlyList<int> pages = [.. _anonymous, .. _kernelPages];
        _anonymous.Clear();
        _kernelPages.Clear();
        return pages;
    }
}
