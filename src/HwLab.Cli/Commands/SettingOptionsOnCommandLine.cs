using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using HwLab.Lab.Experiments.Setup;

namespace HwLab.Cli.Commands;

/// <summary>
/// An experiment's <see cref="SettingOption"/>s as options of its command: each takes its text,
/// which the setting's own parser checks while the command line is parsed (so a bad value is a
/// parse error: one line, exit code 2, before anything runs), and reads back as the setting's value.
/// A switch takes no text: given, it reads as on.
/// </summary>
internal sealed class SettingOptionsOnCommandLine
{
    private readonly Dictionary<SettingOption, Option> _options = [];

    public SettingOptionsOnCommandLine(IEnumerable<SettingOption> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (SettingOption setting in settings)
        {
            _options.Add(setting, setting.TakesValue ? Valued(setting) : Switch(setting));
        }
    }

    private static Option<string?> Valued(SettingOption setting) => new(setting.Name)
    {
        Description = setting.Description,
        HelpName = setting.HelpName,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }
            string text = result.Tokens[0].Value;
            if (setting.Refusal(text) is string refusal)
            {
                result.AddError(refusal);
                return null;
            }
            return text;
        },
    };

    // Present or absent, nothing more: a word after it is an argument of its own, which the command refuses.
    private static Option<bool> Switch(SettingOption setting) => new(setting.Name)
    {
        Description = setting.Description,
        Arity = ArgumentArity.Zero,
    };

    /// <summary>Adds every option to <paramref name="command"/>, in the order the settings came.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in _options.Values)
        {
            command.Add(option);
        }
    }

    /// <summary>The values <paramref name="parsed"/> gives, read through each setting's parser.</summary>
    public ISettingValues Read(ParseResult parsed) => new Given(parsed, _options);

    private sealed class Given(ParseResult parsed, Dictionary<SettingOption, Option> options) : ISettingValues
    {
        public bool TryGet<T>(SettingOption<T> option, [MaybeNullWhen(false)] out T value)
        {
            if (options.TryGetValue(option, out Option? onCommandLine) && Text(onCommandLine) is string text)
            {
                // Refused text never gets here: it is a parse error, and the command does not run.
                return option.TryParse(text, out value, out _);
            }
            value = default;
            return false;
        }

        // A switch that was given reads as the text its setting takes for "on"; one not given, as nothing.
        private string? Text(Option onCommandLine) => onCommandLine switch
        {
            Option<bool> flag => parsed.GetValue(flag) ? SettingOption.FlagGiven : null,
            Option<string?> valued => parsed.GetValue(valued),
            _ => throw new InvalidOperationException($"{onCommandLine.Name} is neither a switch nor takes a value."),
        };
    }
}
