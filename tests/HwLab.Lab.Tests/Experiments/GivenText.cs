using System.Diagnostics.CodeAnalysis;
using HwLab.Lab.Experiments.Setup;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>Option values given as text by option name, read through each option's own parser, as the command line gives them.</summary>
internal sealed class GivenText(params (string Option, string Text)[] given) : ISettingValues
{
    public bool TryGet<T>(SettingOption<T> option, [MaybeNullWhen(false)] out T value)
    {
        foreach ((string name, string text) in given)
        {
            if (name == option.Name)
            {
                return option.TryParse(text, out value, out string? refusal) ? true : throw new ArgumentException(refusal);
            }
        }
        value = default;
        return false;
    }
}
