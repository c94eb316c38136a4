using System.Text.RegularExpressions;
using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Experiments;

/// <summary>
/// Which claims speak for someone else: they name the seed patch, its review, a mail, upstream, a
/// proposal, what the kernel did or merged (a version such as 4.11, or a year), or quote words.
/// Each must say where it comes from; a claim about the kernel's code that HwLab itself puts
/// forward ("as the kernel's lock bts does") needs none.
/// </summary>
internal static partial class CitedClaims
{
    [GeneratedRegex("""seed|review|mail|upstream|proposal|merged|kernel did|Morton|\b[2-6]\.\d{1,2}\b|\b(19|20)\d\d\b|["\u201c]""", RegexOptions.IgnoreCase)]
    private static partial Regex Cites();

    public static bool NamesAnotherSource(string claim) => Cites().IsMatch(claim);

    public static void AssertEachNamesItsSource(ExperimentResult result)
    {
        Assert.All(
            result.Verdicts.Where(v => NamesAnotherSource(v.Claim)),
            v => Assert.False(string.IsNullOrWhiteSpace(v.Source), $"{result.Name}: \"{v.Claim}\" cites upstream but names no source"));
    }
}
