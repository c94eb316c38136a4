namespace HwLab.PagePool.Zones;

/// <summary>Zone or scenario settings that cannot work: one sentence naming the setting and the limit.</summary>
public sealed class ZoneConfigurationException : ArgumentException
{
    public ZoneConfigurationException()
    {
    }

    public ZoneConfigurationException(string message)
        : base(message)
    {
    }

    public ZoneConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
