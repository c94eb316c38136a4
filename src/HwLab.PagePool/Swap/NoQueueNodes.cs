namespace HwLab.PagePool.Swap;

/// <summary>What <see cref="ISwapDevice.EnterCpu"/> returns for a device whose spinlocks are ticket locks: they queue on the word itself, with no per-CPU nodes to attach to.</summary>
internal sealed class NoQueueNodes : IDisposable
{
    public static NoQueueNodes Instance { get; } = new();

    private NoQueueNodes()
    {
    }

    public void Dispose()
    {
    }
}
