namespace HwLab.PagePool.Swap;

/// <summary>
/// Which cache lines a cluster's swap_cluster_info covers in an array that starts on a line
/// boundary. A 24-byte entry does not divide a 64-byte line, so some entries straddle two lines
/// and share each with a different neighbour; looking at the first line alone misses half of it.
/// </summary>
internal static class ClusterLines
{
    public static long First(long index, int entryBytes, int lineBytes) => index * entryBytes / lineBytes;

    public static long Last(long index, int entryBytes, int lineBytes) => ((index * entryBytes) + entryBytes - 1) / lineBytes;

    /// <summary>Whether the two entries have any line in common.</summary>
    public static bool ShareALine(long a, long b, int entryBytes, int lineBytes) =>
        First(a, entryBytes, lineBytes) <= Last(b, entryBytes, lineBytes)
        && First(b, entryBytes, lineBytes) <= Last(a, entryBytes, lineBytes);
}
