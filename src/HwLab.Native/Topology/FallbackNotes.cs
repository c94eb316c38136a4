using HwLab.Native.Threading;

namespace HwLab.Native.Topology;

/// <summary>
/// Collects "file absent, value assumed" events per CPU and writes one note per file and
/// assumption, naming the CPUs as a cpulist: a 128-CPU machine without die_id gets one sentence,
/// not 128.
/// </summary>
internal sealed class FallbackNotes
{
    private readonly List<(string File, string Assumption, List<int> Cpus)> _entries = [];

    /// <param name="file">The file as a path relative to cpuN/, such as topology/die_id.</param>
    /// <param name="cpu">The CPU it is absent for.</param>
    /// <param name="assumption">What was used instead, as the end of a sentence.</param>
    public void Add(string file, int cpu, string assumption)
    {
        foreach ((string f, string a, List<int> cpus) in _entries)
        {
            if (f == file && a == assumption)
            {
                cpus.Add(cpu);
                return;
            }
        }
        _entries.Add((file, assumption, [cpu]));
    }

    public void WriteTo(List<string> notes)
    {
        foreach ((string file, string assumption, List<int> cpus) in _entries)
        {
            CpuSet set = CpuSet.Of(cpus);
            notes.Add($"{file} is absent for CPU{(set.Count > 1 ? "s" : "")} {set}; {assumption}.");
        }
    }
}
