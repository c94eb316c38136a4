using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>One claim across the fleet: each machine's verdict on it (null where that machine's results have none) and the majority's outcome.</summary>
/// <param name="Verdicts">One per machine, in the fleet's column order.</param>
/// <param name="Majority">The outcome of more than half of the voting machines (<see cref="MajorityVote"/>); null when there is none.</param>
public sealed record FleetClaim(string Experiment, string Claim, IReadOnlyList<Verdict?> Verdicts, VerdictOutcome? Majority)
{
    /// <summary>How many machines voted (confirmed, refuted or inconclusive).</summary>
    public int Votes => Verdicts.Count(v => v is not null && MajorityVote.Votes(v.Outcome));

    /// <summary>How many of them reached the majority's outcome.</summary>
    public int MajorityVotes => Majority is null ? 0 : Verdicts.Count(v => v?.Outcome == Majority);

    /// <summary>Machine <paramref name="column"/> voted, and otherwise than the majority.</summary>
    public bool IsOffMajority(int column)
        => Majority is not null && Verdicts[column] is { } verdict && MajorityVote.Votes(verdict.Outcome) && verdict.Outcome != Majority;

    public bool HasOffMajority => Enumerable.Range(0, Verdicts.Count).Any(IsOffMajority);

    /// <summary>Machines voted two or more ways and no way has more than half of the votes.</summary>
    public bool IsSplit => Majority is null && Verdicts.OfType<Verdict>().Select(v => v.Outcome).Where(MajorityVote.Votes).Distinct().Count() > 1;
}
