using BenchmarkDotNet.Running;

namespace HwLab.Benchmarks;

internal static class Program
{
    // dotnet run -c Release --project bench/HwLab.Benchmarks -- --filter '*'
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new HwLabBenchmarkConfig());
}
