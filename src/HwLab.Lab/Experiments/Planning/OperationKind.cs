namespace HwLab.Lab.Experiments.Planning;

/// <summary>What one operation of a run is, for estimating how long the run takes.</summary>
public enum OperationKind
{
    /// <summary>A ping-pong round trip: a line to the other CPU and back.</summary>
    RoundTrip,

    /// <summary>A lock/unlock pair on a lock no other worker touches.</summary>
    LockPair,

    /// <summary>A lock/unlock pair on a cluster whose line other workers' clusters share (falseshare); slower the more share it.</summary>
    SharedLinePair,

    /// <summary>A swap-out + free of one worker on a shared device; slower per worker the more workers swap.</summary>
    SwapOperation,
}
