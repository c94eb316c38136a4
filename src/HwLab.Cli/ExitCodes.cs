namespace HwLab.Cli;

/// <summary>What `hwlab` exits with; scripts rely on these, and README lists them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work ran and found a problem (a layout mismatch, a fleet machine that failed), or failed for a reason outside the user's input.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: an unknown command or option, a bad value, an unusable path. Nothing was written.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl+C; results already measured were kept.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (a service manager, a CI cancel, timeout(1)); results already measured were kept. 128 + 15, as a shell reports it.</summary>
    public const int Terminated = 143;
}
