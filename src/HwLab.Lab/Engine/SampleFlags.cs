namespace HwLab.Lab.Engine;

/// <summary>Why a sample's figure may not be clean. Flagged samples are kept and shown; statistics prefer clean ones.</summary>
[Flags]
public enum SampleFlags
{
    None = 0,

    /// <summary>A worker moved to another CPU (its migration counter moved, or it ended on another CPU): pinning did not hold.</summary>
    Migrated = 1,

    /// <summary>A garbage collection ran during the sample.</summary>
    GarbageCollected = 2,

    /// <summary>The JIT compiled methods during the sample: code was still being optimized.</summary>
    Jitted = 4,

    /// <summary>A worker spent more than 5% of the run off its CPU (task-clock against wall time): another task had it.</summary>
    Preempted = 8,

    /// <summary>The hypervisor took more than <see cref="StealMeter.FlagShare"/> of the workers' CPU time (steal ticks of /proc/stat).</summary>
    Stolen = 16,
}
