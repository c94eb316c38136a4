using HwLab.PagePool.Swap;

namespace HwLab.Lab.Experiments.Swap;

/// <summary>One device configuration the swap experiments measure: lock mode, free-cluster order, layout size.</summary>
public sealed record SwapCombo(SwapLockMode Mode, FreeClusterOrder Order, int LayoutBytes)
{
    public string ModeName => SwapDeviceFactory.Name(Mode);

    public string OrderName => SwapDeviceFactory.OrderName(Order);

    /// <summary>Every supported combination of the lists, and the pairs left out because no kernel had them.</summary>
    /// <exception cref="ExperimentSettingsException">No requested mode runs on any requested layout, or a name that is not a mode or order.</exception>
    public static (IReadOnlyList<SwapCombo> Combos, IReadOnlyList<string> Skipped) Expand(IReadOnlyList<string> modes, IReadOnlyList<string> orders, IReadOnlyList<int> layouts)
    {
        var combos = new List<SwapCombo>();
        var skipped = new List<string>();
        SwapLockMode[] parsedModes = [.. modes.Distinct().Select(ParseMode)];
        FreeClusterOrder[] parsedOrders = [.. orders.Distinct().Select(ParseOrder)];
        foreach (int layout in layouts.Distinct())
        {
            foreach (SwapLockMode mode in parsedModes)
            {
                if (!SwapDeviceFactory.LayoutsByMode[mode].Contains(layout))
                {
                    skipped.Add($"{SwapDeviceFactory.Name(mode)} with the {layout}-byte layout");
                    continue;
                }
                foreach (FreeClusterOrder order in parsedOrders)
                {
                    if (SwapDeviceFactory.OrdersFor(mode, layout).Contains(order))
                    {
                        combos.Add(new SwapCombo(mode, order, layout));
                    }
                    else
                    {
                        skipped.Add($"{SwapDeviceFactory.Name(mode)} with the {layout}-byte layout in {(order == FreeClusterOrder.Columns ? "column" : "sequential")} order");
                    }
                }
            }
        }
        // The lists cross; combinations no kernel had are left out, and only a cross with none left is an
        // error, named by its first combination (the profiles' layouts hold 4 bytes for device beside 8
        // for the cluster locks).
        if (combos.Count == 0 && parsedModes.Length > 0 && layouts.Count > 0 && parsedOrders.Length > 0)
        {
            try
            {
                SwapDeviceFactory.EnsureSupported(parsedModes[0], layouts[0]);
                SwapDeviceFactory.EnsureSupported(parsedModes[0], layouts[0], parsedOrders[0]);
            }
            catch (SwapDeviceConfigurationException e)
            {
                throw new ExperimentSettingsException(e.Message, e);
            }
        }
        return (combos, skipped);
    }

    private static SwapLockMode ParseMode(string name)
    {
        try
        {
            return SwapDeviceFactory.ParseMode(name);
        }
        catch (SwapDeviceConfigurationException e)
        {
            throw new ExperimentSettingsException(e.Message, e);
        }
    }

    private static FreeClusterOrder ParseOrder(string name) => name switch
    {
        "sequential" => FreeClusterOrder.Sequential,
        "columns" => FreeClusterOrder.Columns,
        _ => throw new ExperimentSettingsException($"There is no free-cluster order {name}; the orders are sequential and columns."),
    };
}
