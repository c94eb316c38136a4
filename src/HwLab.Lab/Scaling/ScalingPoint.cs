namespace HwLab.Lab.Scaling;

/// <summary>One point of a scaling curve: a worker count and the throughput of all those workers together.</summary>
/// <param name="Workers">Workers running together, 1 or more.</param>
/// <param name="Throughput">Operations per second of all of them together.</param>
public readonly record struct ScalingPoint(int Workers, double Throughput);
