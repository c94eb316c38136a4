using System.Diagnostics;
using HwLab.Native.Threading;

namespace HwLab.Native.Tests.Threading;

public sealed class StartGateTests
{
    [Fact]
    public void Nobody_passes_before_the_last_arrives_and_then_everybody_does()
    {
        const int participants = 3;
        var gate = new StartGate(participants);
        long lastArrival = 0;
        long[] passed = new long[participants];
        TestThreads.RunEach(participants, (i, _) =>
        {
            if (i == participants - 1)
            {
                Thread.Sleep(50); // the straggler
                Volatile.Write(ref lastArrival, Stopwatch.GetTimestamp());
            }
            gate.ArriveAndWait();
            passed[i] = Stopwatch.GetTimestamp();
        });
        Assert.All(passed, t => Assert.True(t >= lastArrival, "a thread passed the gate before the last one arrived"));
    }

    [Fact]
    public void A_participant_that_leaves_does_not_hold_the_others()
    {
        var gate = new StartGate(2);
        gate.Leave();
        using var team = new TestThreads();
        team.Start(_ => gate.ArriveAndWait());
        team.Join(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Participants_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StartGate(0));
    }
}
