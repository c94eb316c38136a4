namespace HwLab.Layout.Probe;

/// <summary>
/// Why <see cref="CStructProbe"/> could not describe a struct: no compiler, a header that does not
/// compile, no such struct, or a probe that failed. The message is one line, fit to print after "hwlab: ".
/// </summary>
public sealed class StructProbeException : Exception
{
    public StructProbeException()
    {
    }

    public StructProbeException(string message)
        : base(message)
    {
    }

    public StructProbeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
