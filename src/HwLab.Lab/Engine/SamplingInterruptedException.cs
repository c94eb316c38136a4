using HwLab.Lab.Results;

namespace HwLab.Lab.Engine;

/// <summary>Sampling was cancelled; <see cref="Points"/> holds what was measured before it stopped.</summary>
public sealed class SamplingInterruptedException : OperationCanceledException
{
    public SamplingInterruptedException()
    {
        Points = [];
    }

    public SamplingInterruptedException(string message)
        : base(message)
    {
        Points = [];
    }

    public SamplingInterruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Points = [];
    }

    public SamplingInterruptedException(IReadOnlyList<PointResult> points, OperationCanceledException cause)
        : base("Sampling was interrupted.", cause)
    {
        Points = points;
    }

    public IReadOnlyList<PointResult> Points { get; }
}
