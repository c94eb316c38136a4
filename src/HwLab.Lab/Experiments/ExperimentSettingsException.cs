namespace HwLab.Lab.Experiments;

/// <summary>Settings an experiment cannot run with (the user's input): one sentence that names the setting and the limit.</summary>
public sealed class ExperimentSettingsException : Exception
{
    public ExperimentSettingsException()
    {
    }

    public ExperimentSettingsException(string message)
        : base(message)
    {
    }

    public ExperimentSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
