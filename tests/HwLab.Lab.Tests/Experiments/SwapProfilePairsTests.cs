using HwLab.Lab.Experiments;
using HwLab.Lab.Experiments.Swap;
using HwLab.PagePool.Swap;

namespace HwLab.Lab.Tests.Experiments;

public sealed class SwapProfilePairsTests
{
    public static TheoryData<SuiteProfile> Profiles => [SuiteProfile.Quick, SuiteProfile.Default, SuiteProfile.Full];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Each_profile_measures_only_pairs_a_kernel_had_with_the_device_baseline_at_4_bytes(SuiteProfile profile)
    {
        SwapSettings settings = SwapSettings.ForProfile(profile, [0, 1]);
        (IReadOnlyList<SwapCombo> combos, _) = SwapCombo.Expand(settings.Modes, settings.Orders, settings.Layouts);
        Assert.All(combos, c => SwapDeviceFactory.EnsureSupported(c.Mode, c.LayoutBytes));
        Assert.Contains(combos, c => c.Mode == SwapLockMode.Device && c.LayoutBytes == 4);
        Assert.Contains(combos, c => c.Mode == SwapLockMode.BitLock && c.LayoutBytes == 8);
        Assert.Contains(combos, c => c.Mode == SwapLockMode.SpinLock && c.LayoutBytes == 8);
        Assert.DoesNotContain(combos, c => c.Mode == SwapLockMode.Device && c.LayoutBytes != 4);
    }

    [Fact]
    public void Device_alone_on_a_layout_with_a_cluster_lock_is_refused()
    {
        var error = Assert.Throws<ExperimentSettingsException>(() => SwapCombo.Expand(["device"], ["columns"], [8]));
        Assert.Contains("device runs only on the 4-byte layout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_layout_only_some_modes_run_is_left_out_for_the_others()
    {
        (IReadOnlyList<SwapCombo> combos, IReadOnlyList<string> skipped) = SwapCombo.Expand(["bitlock"], ["columns"], [4, 8]);
        Assert.Equal([new SwapCombo(SwapLockMode.BitLock, FreeClusterOrder.Columns, 8)], combos);
        Assert.Equal(["bitlock with the 4-byte layout"], skipped);
    }
}
