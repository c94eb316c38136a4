using HwLab.Lab.Results;

namespace HwLab.Lab.Fleet;

/// <summary>
/// Every claim any machine has a verdict on, in the order first met. A claim is matched across
/// machines by its topic (the claim's text can name the machine's own line size), and a verdict
/// without a topic by its experiment and text.
/// </summary>
internal static class FleetClaims
{
    public static IReadOnlyList<FleetClaim> From(IReadOnlyList<FleetMachine> machines)
    {
        var order = new List<(string Key, string Experiment, string Claim)>();
        var verdicts = new Dictionary<string, Verdict?[]>(StringComparer.Ordinal);
        for (int column = 0; column < machines.Count; column++)
        {
            // A second verdict with the same key in one document is a claim of its own.
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (ExperimentResult experiment in machines[column].Document.Experiments)
            {
                foreach (Verdict verdict in experiment.Verdicts)
                {
                    string baseKey = verdict.Topic is { } topic ? $"topic {topic}" : $"{experiment.Name}\n{verdict.Claim}";
                    int occurrence = seen[baseKey] = seen.GetValueOrDefault(baseKey) + 1;
                    string key = $"{baseKey}\n{occurrence}";
                    if (!verdicts.TryGetValue(key, out Verdict?[]? row))
                    {
                        row = new Verdict?[machines.Count];
                        verdicts[key] = row;
                        order.Add((key, experiment.Name, verdict.Claim));
                    }
                    row[column] = verdict;
                }
            }
        }
        return [.. order.Select(c => new FleetClaim(c.Experiment, c.Claim, verdicts[c.Key], MajorityVote.Of(verdicts[c.Key])))];
    }
}
