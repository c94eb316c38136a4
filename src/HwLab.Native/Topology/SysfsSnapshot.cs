using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace HwLab.Native.Topology;

/// <summary>
/// An immutable record of the /sys and /proc files the topology parser reads (path to text, the
/// text without its final newline) and of the CPUID leaves executed on the machine. It is the
/// boundary between the thin live reader (<see cref="ReadLive"/>) and the pure parser
/// (<see cref="TopologyParser"/>): what the parser sees can be saved, kept as a test fixture and
/// loaded again (<see cref="ToCaptureText"/>, <see cref="Parse"/>).
/// </summary>
public sealed partial class SysfsSnapshot : IEquatable<SysfsSnapshot>
{
    private readonly ImmutableSortedDictionary<string, string> _files;
    private readonly ImmutableSortedDictionary<CpuIdLeaf, CpuIdRegisters> _cpuIdLeaves;
    private readonly ImmutableArray<string> _comments;

    /// <param name="files">Path to file text. A path is not empty and holds no ':' or line break (the capture format relies on it).</param>
    /// <param name="cpuIdLeaves">The CPUID leaves recorded, if any.</param>
    /// <param name="comments">Free text kept with the capture (where and when it was taken); one line each.</param>
    public SysfsSnapshot(
        IEnumerable<KeyValuePair<string, string>> files,
        IEnumerable<KeyValuePair<CpuIdLeaf, CpuIdRegisters>>? cpuIdLeaves = null,
        IEnumerable<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var fileBuilder = ImmutableSortedDictionary.CreateBuilder<string, string>(NaturalPathComparer.Instance, StringComparer.Ordinal);
        foreach ((string path, string text) in files)
        {
            ValidatePath(path);
            ArgumentNullException.ThrowIfNull(text, nameof(files));
            if (text.Contains('\r', StringComparison.Ordinal))
            {
                // The capture format is line based and drops carriage returns that a Windows checkout adds.
                throw new ArgumentException($"The text of {path} holds a carriage return, which a capture cannot keep.", nameof(files));
            }
            if (!fileBuilder.TryAdd(path, text))
            {
                throw new ArgumentException($"{path} is given twice.", nameof(files));
            }
        }

        var leafBuilder = ImmutableSortedDictionary.CreateBuilder<CpuIdLeaf, CpuIdRegisters>();
        foreach ((CpuIdLeaf leaf, CpuIdRegisters registers) in cpuIdLeaves ?? [])
        {
            if (!leafBuilder.TryAdd(leaf, registers))
            {
                throw new ArgumentException($"CPUID leaf {leaf} is given twice.", nameof(cpuIdLeaves));
            }
        }

        ImmutableArray<string> commentArray = [.. comments ?? []];
        foreach (string comment in commentArray)
        {
            ArgumentNullException.ThrowIfNull(comment, nameof(comments));
            if (comment.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException("A comment is one line.", nameof(comments));
            }
        }

        _files = fileBuilder.ToImmutable();
        _cpuIdLeaves = leafBuilder.ToImmutable();
        _comments = commentArray;
    }

    public static SysfsSnapshot Empty { get; } = new([]);

    /// <summary>Path to text, in path order with numbers compared as numbers (cpu2 before cpu10).</summary>
    public IReadOnlyDictionary<string, string> Files => _files;

    /// <summary>The recorded CPUID leaves, in leaf then subleaf order.</summary>
    public IReadOnlyDictionary<CpuIdLeaf, CpuIdRegisters> CpuIdLeaves => _cpuIdLeaves;

    /// <summary>The capture's comment lines, without their leading '#'.</summary>
    public IReadOnlyList<string> Comments => _comments;

    public bool Contains(string path) => _files.ContainsKey(path);

    public bool TryGet(string path, [NotNullWhen(true)] out string? text) => _files.TryGetValue(path, out text);

    public bool TryGetCpuId(uint leaf, uint subleaf, out CpuIdRegisters registers)
        => _cpuIdLeaves.TryGetValue(new CpuIdLeaf(leaf, subleaf), out registers);

    /// <summary>The recorded paths below <paramref name="directory"/> (without a trailing '/'), at any depth.</summary>
    public IEnumerable<string> PathsUnder(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string prefix = directory + "/";
        return _files.Keys.Where(path => path.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>A copy with <paramref name="path"/> set to <paramref name="text"/>.</summary>
    public SysfsSnapshot With(string path, string text)
        => new(_files.SetItem(path, text), _cpuIdLeaves, _comments);

    /// <summary>A copy without <paramref name="path"/>; no change when it is not recorded.</summary>
    public SysfsSnapshot Without(string path) => new(_files.Remove(path), _cpuIdLeaves, _comments);

    /// <summary>A copy without the files whose path <paramref name="match"/> accepts.</summary>
    public SysfsSnapshot Without(Func<string, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new(_files.Where(file => !match(file.Key)), _cpuIdLeaves, _comments);
    }

    /// <summary>A copy whose CPUID leaves are <paramref name="cpuIdLeaves"/> (empty for a machine without CPUID).</summary>
    public SysfsSnapshot WithCpuIdLeaves(IEnumerable<KeyValuePair<CpuIdLeaf, CpuIdRegisters>> cpuIdLeaves)
        => new(_files, cpuIdLeaves, _comments);

    /// <summary>A copy whose comment lines are <paramref name="comments"/>.</summary>
    public SysfsSnapshot WithComments(IEnumerable<string> comments) => new(_files, _cpuIdLeaves, comments);

    /// <summary>Equal when everything a capture writes is equal: files, CPUID leaves and comments.</summary>
    public bool Equals(SysfsSnapshot? other)
        => other is not null
            && _files.Count == other._files.Count
            && _files.All(file => other._files.TryGetValue(file.Key, out string? text) && text == file.Value)
            && _cpuIdLeaves.Count == other._cpuIdLeaves.Count
            && _cpuIdLeaves.All(leaf => other._cpuIdLeaves.TryGetValue(leaf.Key, out CpuIdRegisters registers) && registers == leaf.Value)
            && _comments.SequenceEqual(other._comments);

    public override bool Equals(object? obj) => Equals(obj as SysfsSnapshot);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach ((string path, string text) in _files)
        {
            hash.Add(path, StringComparer.Ordinal);
            hash.Add(text, StringComparer.Ordinal);
        }
        foreach ((CpuIdLeaf leaf, CpuIdRegisters registers) in _cpuIdLeaves)
        {
            hash.Add(leaf);
            hash.Add(registers);
        }
        hash.Add(_comments.Length);
        return hash.ToHashCode();
    }

    private static void ValidatePath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.AsSpan().IndexOfAny(':', '\n', '\r') >= 0 || path[0] == '#' || path.StartsWith(SysfsPaths.CpuIdPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' cannot be a file path in a capture: it holds ':' or a line break, starts with '#', or names a CPUID leaf.", nameof(path));
        }
    }
}
