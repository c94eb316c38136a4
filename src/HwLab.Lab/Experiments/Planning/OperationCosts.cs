using System.Globalization;

namespace HwLab.Lab.Experiments.Planning;

/// <summary>
/// What the plan assumes an operation costs, and where each figure comes from. The documented
/// figures are measurements recorded in docs/performance.md; <see cref="MeasuredHere"/> puts this
/// machine's own in place of those it can measure without contention.
/// </summary>
/// <param name="RoundTripNs">One ping-pong round trip between two CPUs.</param>
/// <param name="LockPairNs">An uncontended lock/unlock pair.</param>
/// <param name="SharedLinePairNs">A lock/unlock pair when one other worker's cluster shares the line.</param>
/// <param name="SharedLineExtraNsPerSharer">What each further worker on the same line adds to a pair.</param>
/// <param name="SwapOperationNs">A swap-out + free with one worker.</param>
/// <param name="SwapSlowdownPerWorker">How much slower one worker's swap operation gets for each worker swapping: the time per worker operation is SwapOperationNs x max(1, workers x this).</param>
/// <param name="SampleOverheadNs">What each sample costs besides its operations: the memory probe before it, the placement probe and steal reads around it.</param>
/// <param name="ThreadStartNs">Starting and pinning one worker thread for a run.</param>
/// <param name="Source">Where the figures come from, one line.</param>
public sealed record OperationCosts(
    double RoundTripNs,
    double LockPairNs,
    double SharedLinePairNs,
    double SharedLineExtraNsPerSharer,
    double SwapOperationNs,
    double SwapSlowdownPerWorker,
    double SampleOverheadNs,
    double ThreadStartNs,
    string Source)
{
    /// <summary>
    /// Measured figures from docs/performance.md, rounded up: c2c one-way 89 ns on 16 vCPUs (a round
    /// trip 180 ns) and up to 230 ns one way on the 2-vCPU guest (500 ns); a bit lock pair 25 ns
    /// alone; falseshare at 8 bytes 500 ns a pair with 8 workers to a line, 27 ns padded (so about
    /// 70 ns for each further worker); swap 1 M ops/s for one worker and, under the device lock,
    /// 0.44 M ops/s for 16 together (36 us per worker operation, 2.3 x 16 the single worker's); the
    /// memory probe about 1 ms before every sample.
    /// </summary>
    public static OperationCosts Documented { get; } = new(500, 25, 100, 70, 1_000, 2.3, 1.5e6, 1e5, "documented figures (docs/performance.md, a 2-vCPU KVM guest and 16 vCPUs)");

    /// <summary>The floors the run budget checks with: the fastest an operation has any right to be (see <see cref="Setup.RunBudget"/>).</summary>
    public static OperationCosts Floors { get; } = new(
        Setup.RunBudget.RoundTripFloorNanoseconds, Setup.RunBudget.LockPairFloorNanoseconds, Setup.RunBudget.LockPairFloorNanoseconds, 0,
        Setup.RunBudget.SwapOperationFloorNanoseconds, 0, 0, 0, "floors: the fastest any machine could be");

    /// <summary>These costs with this machine's uncontended lock pair and single-worker swap operation in place of the documented ones.</summary>
    public OperationCosts MeasuredHere(double lockPairNs, double swapOperationNs) => this with
    {
        LockPairNs = lockPairNs,
        SwapOperationNs = swapOperationNs,
        Source = string.Create(CultureInfo.InvariantCulture,
            $"measured here: a lock pair {lockPairNs:0.#} ns, a swap operation {swapOperationNs:0} ns; the rest {Source}"),
    };

    /// <summary>Nanoseconds of one worker's operation of <paramref name="kind"/> when <paramref name="workers"/> run together (<paramref name="sharers"/> to a line for <see cref="OperationKind.SharedLinePair"/>).</summary>
    public double Nanoseconds(OperationKind kind, int workers, int sharers = 1) => kind switch
    {
        OperationKind.RoundTrip => RoundTripNs,
        OperationKind.LockPair => LockPairNs,
        OperationKind.SharedLinePair => sharers <= 1 ? LockPairNs : SharedLinePairNs + ((sharers - 2) * SharedLineExtraNsPerSharer),
        _ => SwapOperationNs * Math.Max(1, workers * SwapSlowdownPerWorker),
    };
}
