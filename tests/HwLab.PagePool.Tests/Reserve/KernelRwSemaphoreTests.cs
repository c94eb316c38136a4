using HwLab.PagePool.Reserve;

namespace HwLab.PagePool.Tests.Reserve;

/// <summary>The rw_semaphore's queue: who waits as what, and who leaves it when.</summary>
public sealed class KernelRwSemaphoreTests
{
    // Three tasks of a.out; the first took the lock for writing, refused the second a read hold,
    // and let go. The second still waits in the queue.
    private static (KernelRwSemaphore Sem, FileWriter[] Tasks) AReaderLeftWaitingByAWriter()
    {
        var process = new ModelProcess(1, "a.out");
        FileWriter[] t = [new FileWriter(1, 0, process), new FileWriter(2, 1, process), new FileWriter(3, 2, process)];
        var sem = new KernelRwSemaphore("mmap_sem");
        Assert.True(sem.TryDownWrite(t[0]));
        Assert.False(sem.TryDownRead(t[1]));
        sem.Release(t[0]);
        return (sem, t);
    }

    [Fact]
    public void A_reader_refused_while_a_writer_held_the_lock_waits_as_a_reader_and_holds_back_no_later_reader()
    {
        (KernelRwSemaphore sem, FileWriter[] t) = AReaderLeftWaitingByAWriter();
        // A look at it would succeed, and a reader that comes later shares it.
        Assert.True(sem.CanDownReadTrylock());
        Assert.True(sem.TryDownRead(t[2]));
        Assert.True(sem.TryDownRead(t[1]));
        Assert.True(sem.HeldBy(t[1]) && sem.HeldBy(t[2]));
    }

    [Fact]
    public void A_waiting_reader_that_gets_the_lock_leaves_the_queue_and_holds_back_no_writer_after_it_lets_go()
    {
        (KernelRwSemaphore sem, FileWriter[] t) = AReaderLeftWaitingByAWriter();
        Assert.True(sem.TryDownRead(t[1]));
        sem.Release(t[1]);
        Assert.True(sem.TryDownWrite(t[2]));
        Assert.Same(t[2], sem.Writer);
    }
}
