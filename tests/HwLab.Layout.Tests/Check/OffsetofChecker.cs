using System.Globalization;
using System.Text;
using HwLab.Layout.Probe;

namespace HwLab.Layout.Tests.Check;

/// <summary>
/// A tiny C program, compiled apart from any probe, that prints a struct's layout from offsetof,
/// sizeof and _Alignof for fields the test names. A bitfield is found the other way round from the
/// probe: the struct filled with ones, the field set to zero, the bits that went dark.
/// </summary>
internal static class OffsetofChecker
{
    public static StructDescription Measure(string compiler, string header, string name, string type, IReadOnlyList<CheckedField> fields, IReadOnlyList<string> flags)
    {
        DirectoryInfo work = Directory.CreateTempSubdirectory("hwlab-checker-");
        try
        {
            string source = Path.Combine(work.FullName, "checker.c");
            string executable = Path.Combine(work.FullName, "checker");
            File.WriteAllText(source, Source(header, type, fields));
            Run(compiler, [.. flags, source, "-o", executable]);
            return Parse(name, Run(executable, []));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Source(string header, string type, IReadOnlyList<CheckedField> fields)
    {
        var c = new StringBuilder();
        c.AppendLine(CultureInfo.InvariantCulture, $"#include \"{header}\"");
        c.AppendLine("#include <stddef.h>\n#include <stdio.h>\n#include <string.h>");
        c.AppendLine("int main(void)\n{");
        c.AppendLine(CultureInfo.InvariantCulture, $"    printf(\"size %zu\\nalign %zu\\n\", sizeof({type}), _Alignof({type}));");
        foreach (CheckedField field in fields)
        {
            if (field.IsFlexibleArray)
            {
                c.AppendLine(CultureInfo.InvariantCulture, $"    printf(\"field {field.Name} %zu 0\\n\", offsetof({type}, {field.Name}));");
                continue;
            }
            if (field.BitfieldType is null)
            {
                c.AppendLine(CultureInfo.InvariantCulture, $"    printf(\"field {field.Name} %zu %zu\\n\", offsetof({type}, {field.Name}), sizeof((({type} *)0)->{field.Name}));");
                continue;
            }
            c.AppendLine("    {");
            c.AppendLine(CultureInfo.InvariantCulture, $"        {type} s;\n        unsigned char *b = (unsigned char *)&s;\n        int first = -1, width = 0;");
            c.AppendLine(CultureInfo.InvariantCulture, $"        memset(&s, 0xff, sizeof(s));\n        s.{field.Name} = 0;");
            c.AppendLine("        for (size_t i = 0; i < sizeof(s) * 8; i++) {\n            if (!(b[i / 8] & (1u << (i % 8)))) {\n                if (first < 0) first = (int)i;\n                width++;\n            }\n        }");
            c.AppendLine(CultureInfo.InvariantCulture, $"        printf(\"bits {field.Name} %d %d %zu\\n\", first, width, sizeof({field.BitfieldType}));");
            c.AppendLine("    }");
        }
        c.AppendLine("    return 0;\n}");
        return c.ToString();
    }

    private static StructDescription Parse(string name, string output)
    {
        int size = 0, align = 0;
        var fields = new List<FieldDescription>();
        foreach (string[] words in output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')))
        {
            int At(int i) => int.Parse(words[i], CultureInfo.InvariantCulture);
            switch (words[0])
            {
                case "size":
                    size = At(1);
                    break;
                case "align":
                    align = At(1);
                    break;
                case "field":
                    fields.Add(new FieldDescription(words[1], At(2), At(3)));
                    break;
                default:
                    int first = At(2), width = At(3), storage = At(4);
                    fields.Add(new FieldDescription(words[1], first / (8 * storage) * storage, storage, first, width));
                    break;
            }
        }
        return new StructDescription(name, size, align, fields);
    }

    private static string Run(string file, IReadOnlyList<string> arguments)
    {
        CCompiler.ProcessResult result = CCompiler.Run(file, arguments, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"{file} failed: {result.StandardError}");
        return result.StandardOutput;
    }
}

/// <summary>A field the checker measures; a bitfield names the type it was declared with; a flexible array member has no sizeof.</summary>
internal sealed record CheckedField(string Name, string? BitfieldType = null, bool IsFlexibleArray = false)
{
    /// <summary>"name", "name:type" for a bitfield, or "name[]" for a flexible array member.</summary>
    public static CheckedField Parse(string text)
        => text.Split(':') is [string name, string type] ? new(name, type)
           : text.EndsWith("[]", StringComparison.Ordinal) ? new(text[..^2], IsFlexibleArray: true)
           : new(text);
}
