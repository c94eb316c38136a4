using System.CommandLine;
using HwLab.Lab.Experiments;

namespace HwLab.Cli.Commands;

/// <summary>--quick and --full, shared by `suite` and `run`.</summary>
internal sealed class ProfileOptions
{
    public Option<bool> Quick { get; } = new("--quick") { Description = "Short runs: the whole suite within a minute." };

    public Option<bool> Full { get; } = new("--full") { Description = "Long runs: more samples and operations, every lock kind, every pair of up to 64 CPUs in c2c." };

    public void AddTo(Command command)
    {
        command.Add(Quick);
        command.Add(Full);
    }

    public SuiteProfile Read(ParseResult parsed)
    {
        bool quick = parsed.GetValue(Quick);
        bool full = parsed.GetValue(Full);
        if (quick && full)
        {
            throw new UsageException("--quick and --full cannot be used together");
        }
        return quick ? SuiteProfile.Quick : full ? SuiteProfile.Full : SuiteProfile.Default;
    }
}
