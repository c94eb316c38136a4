namespace HwLab.Lab.Decisions;

/// <summary>Which side of its threshold a claim puts its deciding figure.</summary>
public enum Direction
{
    /// <summary>The figure is above the threshold: an effect, such as a penalty over 1.10x.</summary>
    Above,

    /// <summary>The figure is at most the threshold: a bound, such as managed/native at most 1.10x.</summary>
    AtMost,

    /// <summary>The figure is within the margin either side of the threshold: no effect, such as 64-byte padding within 5% of 128 bytes.</summary>
    Within,
}
