namespace HwLab.PagePool.Swap;

/// <summary>Options or a mode/layout pair a swap device cannot be built with.</summary>
public sealed class SwapDeviceConfigurationException : ArgumentException
{
    public SwapDeviceConfigurationException()
    {
    }

    public SwapDeviceConfigurationException(string message)
        : base(message)
    {
    }

    public SwapDeviceConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
