using HwLab.Lab.Engine;

namespace HwLab.Lab.Workloads;

/// <summary>A workload that owns native memory: disposed when its experiment is done with it.</summary>
internal interface IClusterWorkload : IWorkload, IDisposable;
