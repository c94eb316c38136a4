namespace HwLab.Cli.Commands;

/// <summary>
/// Turns the first Ctrl+C into a cancellation that experiments honour between samples, so what
/// was measured is written before exit; a second Ctrl+C ends the process at once.
/// </summary>
internal sealed class InterruptSource : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TextWriter _error;
    private int _interrupted;

    public InterruptSource(TextWriter error)
    {
        _error = error;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _cancellation.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interlocked.Exchange(ref _interrupted, 1) == 1)
        {
            return; // the second one: let the process go
        }
        e.Cancel = true;
        _error.WriteLine("hwlab: interrupted; finishing the current sample and keeping what was measured (Ctrl+C again to quit now)");
        _cancellation.Cancel();
    }
}
