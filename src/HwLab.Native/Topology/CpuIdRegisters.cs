using System.Globalization;

namespace HwLab.Native.Topology;

/// <summary>
/// What one CPUID instruction returned. Its text form, used in captures, is
/// <c>eax=0x00000000 ebx=0x00000000 ecx=0x00000000 edx=0x00000000</c>.
/// </summary>
public readonly record struct CpuIdRegisters(uint Eax, uint Ebx, uint Ecx, uint Edx)
{
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"eax=0x{Eax:x8} ebx=0x{Ebx:x8} ecx=0x{Ecx:x8} edx=0x{Edx:x8}");

    /// <summary>Parses the text form: each of eax, ebx, ecx and edx exactly once, in any order, separated by spaces.</summary>
    public static bool TryParse(string text, out CpuIdRegisters registers)
    {
        registers = default;
        ArgumentNullException.ThrowIfNull(text);
        var values = new uint?[4];
        foreach (string part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                return false;
            }
            int index = part[..equals] switch
            {
                "eax" => 0,
                "ebx" => 1,
                "ecx" => 2,
                "edx" => 3,
                _ => -1,
            };
            if (index < 0 || values[index] is not null || !CpuIdLeaf.TryParseHex(part.AsSpan(equals + 1), out uint value))
            {
                return false;
            }
            values[index] = value;
        }
        if (values.Any(v => v is null))
        {
            return false;
        }
        registers = new CpuIdRegisters(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value);
        return true;
    }
}
