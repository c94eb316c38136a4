namespace HwLab.Layout.Probe;

/// <summary>
/// Every C# mirror set against what the C compiler made of the same struct, plus the shared
/// constants: the check behind `hwlab layout` and the layout tests. A mirror that differs from C
/// in size, alignment, any field offset or any bit position fails the check.
/// </summary>
public sealed record LayoutCheck(int LineSize, string Compiler, IReadOnlyList<LayoutRow> Rows, IReadOnlyList<string> ConstantDifferences)
{
    public bool AllMatch => ConstantDifferences.Count == 0 && Rows.All(row => row.Matches);

    /// <summary>Compares the C# mirrors with the probe compiled into libhwlab_native.</summary>
    public static LayoutCheck Run(int lineSize) => Compare(CLayoutDocument.FromNativeLibrary(), ManagedLayouts.All, ManagedLayouts.Constants, lineSize);

    public static LayoutCheck Compare(CLayoutDocument c, IReadOnlyList<StructDescription> managed, IReadOnlyDictionary<string, long> managedConstants, int lineSize)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(managed);
        ArgumentNullException.ThrowIfNull(managedConstants);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lineSize);

        var rows = new List<LayoutRow>();
        foreach (StructDescription mine in managed)
        {
            StructDescription? theirs = c.Structs.FirstOrDefault(s => s.Name == mine.Name);
            ClusterLayoutInfo? generation = ClusterLayouts.All.FirstOrDefault(g => g.CName == mine.Name);
            IReadOnlyList<string> differences = theirs is null
                ? [$"the C probe does not describe {mine.Name}"]
                : mine.DifferencesFrom(theirs, "C#", "C");
            rows.Add(new LayoutRow(
                mine.Name,
                generation,
                generation is null ? null : GenerationFigures.For(generation, lineSize),
                mine,
                theirs ?? new StructDescription(mine.Name, 0, 0, []),
                differences));
        }
        foreach (StructDescription extra in c.Structs.Where(s => managed.All(m => m.Name != s.Name)))
        {
            rows.Add(new LayoutRow(extra.Name, null, null, new StructDescription(extra.Name, 0, 0, []), extra, [$"C# has no mirror of {extra.Name}"]));
        }

        var constantDifferences = new List<string>();
        foreach ((string name, long value) in c.Constants)
        {
            if (!managedConstants.TryGetValue(name, out long mine))
            {
                constantDifferences.Add($"{name} is {value} in C but C# has no such constant");
            }
            else if (mine != value)
            {
                constantDifferences.Add($"{name} is {mine} in C# but {value} in C");
            }
        }
        return new LayoutCheck(lineSize, c.Compiler, rows, constantDifferences);
    }
}
