namespace HwLab.Lab.Fleet;

/// <summary>Labels each document and groups the machines by CPU model, groups in the order their first machine was named.</summary>
internal static class FleetMachines
{
    public static IReadOnlyList<FleetGroup> Group(IReadOnlyList<FleetInput> inputs)
    {
        IReadOnlyList<string> labels = Labels(inputs);
        FleetMachine[] machines = [.. inputs.Select((input, i) => new FleetMachine(labels[i], input.Source, input.Document))];
        return [.. machines.GroupBy(m => m.CpuModel, StringComparer.Ordinal).Select(g => new FleetGroup(g.Key, [.. g]))];
    }

    // The host where it names one document; host#1, host#2... in the order named where it names
    // several, so the columns of two runs on one host stay apart. A label another host already
    // has as its name (a host called "vm#1") moves on to the next number.
    private static IReadOnlyList<string> Labels(IReadOnlyList<FleetInput> inputs)
    {
        string[] hosts = [.. inputs.Select(i => i.Document.Machine.Host)];
        var taken = new HashSet<string>(hosts.Where(h => hosts.Count(other => other == h) == 1), StringComparer.Ordinal);
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string>(hosts.Length);
        foreach (string host in hosts)
        {
            if (hosts.Count(h => h == host) == 1)
            {
                labels.Add(host);
                continue;
            }
            string label;
            do
            {
                next[host] = next.GetValueOrDefault(host) + 1;
                label = $"{host}#{next[host]}";
            }
            while (!taken.Add(label));
            labels.Add(label);
        }
        return labels;
    }
}
