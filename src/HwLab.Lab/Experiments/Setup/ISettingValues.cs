using System.Diagnostics.CodeAnalysis;

namespace HwLab.Lab.Experiments.Setup;

/// <summary>The values given for an experiment's options (on the command line, say); an option not given has none.</summary>
public interface ISettingValues
{
    /// <summary>The value given for <paramref name="option"/>; false when it was not given.</summary>
    bool TryGet<T>(SettingOption<T> option, [MaybeNullWhen(false)] out T value);
}

/// <summary>Reading given values.</summary>
public static class SettingValues
{
    /// <summary>No option given: every experiment's profile settings as they are.</summary>
    public static ISettingValues None { get; } = new NoValues();

    /// <summary>The value given for <paramref name="option"/>, or <paramref name="fallback"/>.</summary>
    public static T Or<T>(this ISettingValues given, SettingOption<T> option, T fallback)
    {
        ArgumentNullException.ThrowIfNull(given);
        return given.TryGet(option, out T? value) ? value : fallback;
    }

    private sealed class NoValues : ISettingValues
    {
        public bool TryGet<T>(SettingOption<T> option, [MaybeNullWhen(false)] out T value)
        {
            value = default;
            return false;
        }
    }
}
