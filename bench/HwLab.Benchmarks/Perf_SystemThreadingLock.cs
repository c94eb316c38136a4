using BenchmarkDotNet.Attributes;

namespace HwLab.Benchmarks;

/// <summary>
/// System.Threading.Lock for scale: the managed runtime's own lock (a thin lock that spins, then
/// waits in the kernel), 24 bytes of object header and fields against the cluster locks' 1 bit or 4 bytes.
/// The JIT's code for Enter, Exit and TryEnter is exported beside the results, as for the cluster locks.
/// </summary>
[DisassemblyDiagnoser(maxDepth: 2)]
public class Perf_SystemThreadingLock
{
    private readonly Lock _free = new();
    private readonly Lock _held = new();
    private readonly ManualResetEventSlim _release = new();
    private readonly ManualResetEventSlim _taken = new();
    private Thread? _holder;

    [GlobalSetup]
    public void Setup()
    {
        // Held by another thread: held by this one would be a recursive enter, which succeeds.
        _holder = new Thread(() =>
        {
            using (_held.EnterScope())
            {
                _taken.Set();
                _release.Wait();
            }
        });
        _holder.Start();
        _taken.Wait();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _release.Set();
        _holder?.Join();
        _release.Dispose();
        _taken.Dispose();
    }

    [Benchmark(Baseline = true)]
    public bool EnterExit()
    {
        _free.Enter();
        _free.Exit();
        return _free.IsHeldByCurrentThread;
    }

    [Benchmark]
    public bool TryEnter_Held() => _held.TryEnter();
}
