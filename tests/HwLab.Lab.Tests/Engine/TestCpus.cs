using HwLab.Native.Threading;

namespace HwLab.Lab.Tests.Engine;

/// <summary>CPUs a test may pin workers to.</summary>
internal static class TestCpus
{
    /// <summary>The first two CPUs this process may use; the test is skipped where there is only one.</summary>
    public static IReadOnlyList<int> Two()
    {
        Assert.SkipWhen(ThreadPinning.AllowedCpus.Count < 2, "needs 2 allowed CPUs");
        return [ThreadPinning.AllowedCpus[0], ThreadPinning.AllowedCpus[1]];
    }
}
