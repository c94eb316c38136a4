namespace HwLab.Layout.Probe;

/// <summary>A struct's size, alignment and fields, from the C compiler or from the runtime.</summary>
public sealed record StructDescription(string Name, int Size, int Align, IReadOnlyList<FieldDescription> Fields)
{
    /// <summary>Every way <paramref name="other"/> differs from this one, as sentences; empty when they match.</summary>
    public IReadOnlyList<string> DifferencesFrom(StructDescription other, string thisSide, string otherSide)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        if (Size != other.Size)
        {
            differences.Add($"sizeof is {Size} in {thisSide} but {other.Size} in {otherSide}");
        }
        if (Align != other.Align)
        {
            differences.Add($"alignof is {Align} in {thisSide} but {other.Align} in {otherSide}");
        }
        foreach (FieldDescription field in Fields)
        {
            FieldDescription? match = other.Fields.FirstOrDefault(f => f.Name == field.Name);
            if (match is null)
            {
                differences.Add($"field {field.Name} is in {thisSide} but not in {otherSide}");
            }
            else if (match != field)
            {
                differences.Add($"field {field.Name} is {field} in {thisSide} but {match} in {otherSide}");
            }
        }
        foreach (FieldDescription field in other.Fields.Where(f => Fields.All(mine => mine.Name != f.Name)))
        {
            differences.Add($"field {field.Name} is in {otherSide} but not in {thisSide}");
        }
        return differences;
    }
}
