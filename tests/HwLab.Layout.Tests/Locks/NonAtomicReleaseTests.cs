using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using HwLab.Native.Tests;
using HwLab.Native.Threading;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// Where the plain-store release (the kernel's __bit_spin_unlock) stops being a lock release: a
/// writer that sets another bit of the word atomically, without the lock, loses its bit to the
/// holder's store of the word it read before. bit_spin_unlock()'s atomic clear never does.
/// </summary>
public sealed class NonAtomicReleaseTests
{
    private const int Rounds = 2_000_000;

    [Fact]
    public void The_plain_store_release_loses_a_bit_set_without_the_lock()
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs so the holder and the other writer run at once");
        long lost = 0;
        for (int attempt = 0; attempt < 10 && lost == 0; attempt++)
        {
            lost = LostFlagSets(nonAtomicRelease: true);
        }
        Assert.True(lost > 0, "no bit set without the lock was ever lost to the plain-store release: the test cannot see the race it is about");
    }

    [Fact]
    public void The_atomic_release_keeps_every_bit_set_without_the_lock()
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs so the holder and the other writer run at once");
        Assert.Equal(0, LostFlagSets(nonAtomicRelease: false));
    }

    // One thread takes and releases the lock bit Rounds times, writing nothing else; the other sets
    // CLUSTER_FLAG_FREE atomically without the lock, checks it is still there, and clears it.
    private static unsafe long LostFlagSets(bool nonAtomicRelease)
    {
        using var team = new TestThreads();
        ClusterArray<swap_cluster_info_seed> array = team.Own(ClusterArray<swap_cluster_info_seed>.Allocate(1));
        ulong* word = &array.ElementPointer(0)->data;
        CpuSet cpus = ThreadPinning.AllowedCpus;
        var start = new StartGate(2);
        long lost = 0;
        bool holderDone = false;
        team.Start(_ =>
        {
            using PinnedThreadScope pin = ThreadPinning.Pin(cpus[0]);
            start.ArriveAndWait();
            for (int i = 0; i < Rounds; i++)
            {
                BitSpinLock.Lock(ref *word, SwapCluster.CLUSTER_FLAG_LOCK_BIT);
                if (nonAtomicRelease)
                {
                    BitSpinLock.UnlockNonAtomic(ref *word, SwapCluster.CLUSTER_FLAG_LOCK_BIT);
                }
                else
                {
                    BitSpinLock.Unlock(ref *word, SwapCluster.CLUSTER_FLAG_LOCK_BIT);
                }
            }
            Volatile.Write(ref holderDone, true);
        });
        team.Start(stopping =>
        {
            using PinnedThreadScope pin = ThreadPinning.Pin(cpus[1]);
            start.ArriveAndWait();
            // Until the holder is done, or it failed and will never be.
            while (!Volatile.Read(ref holderDone) && !stopping.IsCancellationRequested)
            {
                Interlocked.Or(ref *word, SwapCluster.CLUSTER_FLAG_FREE);
                if ((Volatile.Read(ref *word) & SwapCluster.CLUSTER_FLAG_FREE) == 0)
                {
                    lost++;
                }
                Interlocked.And(ref *word, ~(ulong)SwapCluster.CLUSTER_FLAG_FREE);
            }
        });
        team.Join();
        return lost;
    }
}
