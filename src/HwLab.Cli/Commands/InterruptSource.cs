using System.Runtime.InteropServices;

namespace HwLab.Cli.Commands;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation that experiments see between
/// batches of a sample, so what was measured is written before exit. SIGTERM matters as much as
/// Ctrl+C: it is how timeout(1), systemd and a cancelled CI job stop a run. A second signal ends
/// the process at once, as the signal's default would.
/// </summary>
internal sealed class InterruptSource : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TextWriter _error;
    private readonly PosixSignalRegistration[] _registrations;
    private int _exitCode;

    public InterruptSource(TextWriter error)
    {
        _error = error;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>
    /// The exit code for an interrupted run: 130 after SIGINT, 143 after SIGTERM; 130 when the
    /// cancellation came from elsewhere.
    /// </summary>
    public int InterruptedExitCode => Volatile.Read(ref _exitCode) is int code and not 0 ? code : ExitCodes.Interrupted;

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }
        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        int code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
        if (Interlocked.CompareExchange(ref _exitCode, code, 0) != 0)
        {
            return; // the second one: let the process go
        }
        context.Cancel = true;
        string what = context.Signal == PosixSignal.SIGTERM ? "terminated (SIGTERM)" : "interrupted";
        _error.WriteLine($"hwlab: {what}; stopping the current sample and keeping the finished ones (the same signal again quits at once)");
        _cancellation.Cancel();
    }
}
