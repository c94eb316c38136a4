namespace HwLab.Cli;

internal static class Program
{
    private static int Main(string[] args) => HwLabCommandLine.Run(args, Console.Out, Console.Error);
}
