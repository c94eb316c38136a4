using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;
using System.Diagnostics;
using HwLab.Native.Tests;
using HwLab.Native.Threading;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// concurrencykit's validate test for a cluster lock: pinned threads each do many non-atomic
/// read-modify-writes of a cluster's count inside the lock; any total other than the exact one
/// is a race the lock let through. Thread i's j-th update goes to cluster (i + j) % clusters, so
/// every cluster is contended by every thread, and neighbours sit as close as the stride puts them.
/// </summary>
internal static unsafe class LockValidation
{
    /// <summary>One thread per allowed CPU, at least 2 and at most 16.</summary>
    public static int Threads => Math.Clamp(ThreadPinning.AllowedCpus.Count, 2, 16);

    /// <summary>Where the contended clusters sit: every thread on one, or one per thread packed side by side, or 128 bytes apart.</summary>
    public static IReadOnlyList<string> Placements { get; } = ["one cluster", "neighbours in one line", "neighbours 128 bytes apart"];

    /// <summary>Every lock of <paramref name="lockNames"/> in every placement, for a theory.</summary>
    public static TheoryData<string, string> Cases(params string[] lockNames)
    {
        var data = new TheoryData<string, string>();
        foreach (string lockName in lockNames)
        {
            foreach (string placement in Placements)
            {
                data.Add(lockName, placement);
            }
        }
        return data;
    }

    /// <summary>The clusters a placement contends on and the bytes from one to the next (0: packed).</summary>
    public static (int Clusters, int Stride) Arrange<TCluster>(string placement, int threads)
        where TCluster : unmanaged
        => placement switch
        {
            "one cluster" => (1, 0),
            "neighbours in one line" => (threads, sizeof(TCluster)),
            _ => (threads, 128),
        };

    public static Outcome Run<TCluster, TLock>(int clusters, int stride, int updatesPerThread)
        where TCluster : unmanaged, IClusterInfo<TCluster>
        where TLock : struct, IClusterLock
    {
        using var team = new TestThreads();
        return Run<TCluster, TLock>(team, clusters, stride, updatesPerThread, Threads, enterThread: null);
    }

    /// <param name="team">Runs the threads and owns the clusters, so they outlive a thread abandoned in a broken lock; what <paramref name="enterThread"/> uses must be owned by it too.</param>
    /// <param name="threads">Threads to run, pinned round-robin to the allowed CPUs (more than the CPUs oversubscribes them).</param>
    /// <param name="enterThread">Called on each thread with its index once it is pinned, before the start; what it returns is disposed on that thread at the end.</param>
    public static Outcome Run<TCluster, TLock>(TestThreads team, int clusters, int stride, int updatesPerThread, int threads, Func<int, IDisposable>? enterThread)
        where TCluster : unmanaged, IClusterInfo<TCluster>
        where TLock : struct, IClusterLock
    {
        if (threads * updatesPerThread % clusters != 0)
        {
            throw new ArgumentException("Every cluster must get the same number of updates.", nameof(clusters));
        }
        ClusterArray<TCluster> array = team.Own(ClusterArray<TCluster>.Allocate(clusters, stride));
        CpuSet cpus = ThreadPinning.AllowedCpus;
        var start = new StartGate(threads);
        long[] began = new long[threads];
        long[] ended = new long[threads];
        team.StartEach(threads, (id, _) =>
        {
            (PinnedThreadScope pin, IDisposable? entered) = TestThreads.BeforeStart(start, () => (ThreadPinning.Pin(cpus[id % cpus.Count]), enterThread?.Invoke(id)));
            using (pin)
            using (entered)
            {
                start.ArriveAndWait();
                began[id] = Stopwatch.GetTimestamp();
                for (int j = 0; j < updatesPerThread; j++)
                {
                    TCluster* ci = array.ElementPointer((id + j) % clusters);
                    TLock.Lock(ci);
                    TCluster.cluster_set_count(ref *ci, TCluster.cluster_count(ref *ci) + 1);
                    TLock.Unlock(ci);
                }
                ended[id] = Stopwatch.GetTimestamp();
            }
        });
        team.Join();

        uint[] counts = new uint[clusters];
        bool[] locked = new bool[clusters];
        ulong[] words = new ulong[clusters];
        for (int k = 0; k < clusters; k++)
        {
            counts[k] = TCluster.cluster_count(ref array[k]);
            locked[k] = TLock.IsLocked(array.ElementPointer(k));
            words[k] = TLock.WordSize == sizeof(uint) ? *(uint*)array.ElementPointer(k) : *(ulong*)array.ElementPointer(k);
        }
        // Every thread was running at the instant the last one began: they really contended.
        bool overlapped = began.Max() < ended.Min();
        return new Outcome(counts, locked, words, (long)threads * updatesPerThread / clusters, overlapped);
    }

    /// <param name="Counts">Each cluster's count at the end.</param>
    /// <param name="LockedAtRest">Whether each cluster's lock was still held after every thread finished.</param>
    /// <param name="LockWordsAtRest">Each cluster's lock word (its first <see cref="IClusterLock.WordSize"/> bytes) at the end.</param>
    /// <param name="Expected">The count every cluster must have.</param>
    /// <param name="Overlapped">Whether all threads were inside their loops at one moment; without it nothing contended.</param>
    public sealed record Outcome(uint[] Counts, bool[] LockedAtRest, ulong[] LockWordsAtRest, long Expected, bool Overlapped)
    {
        public long LostUpdates => Counts.Sum(c => Expected - c);

        public bool IsExact => Counts.All(c => c == Expected) && !LockedAtRest.Any(l => l);
    }
}
