using HwLab.Lab.Decisions;

namespace HwLab.Lab.Engine;

/// <summary>
/// Whether more rounds still help: each undecided claim's interval width, relative to its figure,
/// is compared with its width some rounds back. An interval shrinks about as one over the square
/// root of the rounds while the figure is stable (half as many rounds again: about 18% narrower);
/// one that has not shrunk by <see cref="MinShrink"/> over the window is held up by something more
/// rounds will not fix (drift, or states that disagree), and sampling stops there. The interval's
/// ends are order statistics, which step rather than slide (the rank moves up every two or three
/// rounds), so the window is never shorter than six rounds.
/// </summary>
internal sealed class NarrowingWatch
{
    /// <summary>Less shrinkage than this (5%) over the window counts as no longer narrowing.</summary>
    public const double MinShrink = 0.05;

    private readonly Dictionary<int, IReadOnlyList<Decision>> _byRound = [];

    public void Record(int rounds, IReadOnlyList<Decision> decisions) => _byRound[rounds] = decisions;

    /// <summary>The rounds looked back over at <paramref name="rounds"/>: half of them, at least 6.</summary>
    public static int Window(int rounds) => Math.Max(6, rounds / 2);

    /// <summary>True while some undecided claim's interval is still narrowing, or there is not yet a window to judge by.</summary>
    public bool StillNarrowing(int rounds)
    {
        if (!_byRound.TryGetValue(rounds, out IReadOnlyList<Decision>? now) || !_byRound.TryGetValue(rounds - Window(rounds), out IReadOnlyList<Decision>? then) || then.Count != now.Count)
        {
            return true;
        }
        for (int i = 0; i < now.Count; i++)
        {
            // The machine changed under the run and no state has the rounds to decide yet: the width
            // over all rounds says nothing, and more rounds are what lets a state decide.
            if (now[i].Outcome == Results.VerdictOutcome.Inconclusive && now[i].MachineChanged && now[i].Groups.All(g => g.SamplesUsed < Decider.MinimumRounds))
            {
                return true;
            }
            if (now[i].Outcome == Results.VerdictOutcome.Inconclusive
                && (!double.IsFinite(then[i].RelativeWidth) || now[i].RelativeWidth < (1 - MinShrink) * then[i].RelativeWidth))
            {
                return true;
            }
        }
        return false;
    }
}
