using HwLab.Layout.Probe;

namespace HwLab.Layout.Tests.Check;

/// <summary>
/// Each header is probed and, apart, measured by a checker program built from offsetof and
/// sizeof: every size, alignment, offset and bit must agree, and the probe must find exactly the
/// fields the test names.
/// </summary>
public sealed class CStructProbeTests : IDisposable
{
    private static readonly string? s_compiler = CCompiler.OnPath("cc") ?? CCompiler.OnPath("gcc");
    private static readonly IReadOnlyDictionary<string, string?> s_noDefines = new Dictionary<string, string?>();

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hwlab-probe-tests-");

    public static TheoryData<string, string, string, string[]> Headers => new()
    {
        {
            "flags", "struct flags",
            "struct flags { unsigned int a : 3; unsigned int b : 5, c : 9; int : 4; unsigned long long d : 40; unsigned char e; signed char s : 2; };",
            ["a:unsigned int", "b:unsigned int", "c:unsigned int", "d:unsigned long long", "e", "s:signed char"]
        },
        {
            "packed_s", "struct packed_s",
            "struct __attribute__((packed)) packed_s { char c; int i; long long l; short s; };",
            ["c", "i", "l", "s"]
        },
        {
            "outer", "struct outer",
            "struct inner { int a; char b; };\nstruct outer { char tag; struct inner in; struct { short x; double y; } named; long tail; };",
            ["tag", "in", "named", "tail"]
        },
        {
            "with_array", "struct with_array",
            "struct with_array { char c; int values[7]; char name[3][5]; double d; };",
            ["c", "values", "name", "d"]
        },
        {
            "with_union", "struct with_union",
            "struct with_union { char kind; union { int i; double d; char bytes[12]; } u; short after; };",
            ["kind", "u", "after"]
        },
        {
            "anon", "struct anon",
            "struct anon { int type; union { long l; float f; struct { short lo; short hi; }; }; char end; };",
            ["type", "l", "f", "lo", "hi", "end"]
        },
        {
            "ops", "struct ops",
            "struct ops { const char *name; void (*open)(int, const char *); int (*read)(void *buf, unsigned long len); void *(*alloc)(unsigned long); int flags; };",
            ["name", "open", "read", "alloc", "flags"]
        },
        {
            "point_t", "point_t",
            "typedef struct { char tag; double x, y; _Alignas(16) int z; } point_t;",
            ["tag", "x", "y", "z"]
        },
        {
            "multi", "struct multi",
            "struct multi { char *a, **b, c[3]; int (*handlers[4])(void); _Static_assert(1, \"fits\"); unsigned x : 1, : 0, y : 7; const volatile long cv; short tail[]; };",
            ["a", "b", "c", "handlers", "x:unsigned", "y:unsigned", "cv", "tail[]"]
        },
        {
            "paren", "struct paren",
            "struct paren { char c; int (w) : 3; char buf[4 > 2 ? 4 : 2]; };",
            ["c", "w:int", "buf"]
        },
        {
            "alias_t", "alias_t",
            "struct tagged { int a; char b; };\ntypedef struct tagged alias_t;",
            ["a", "b"]
        },
    };

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(Headers))]
    public void Every_offset_and_size_equals_offsetof_and_sizeof(string name, string type, string declarations, string[] fields)
    {
        string compiler = RequireCompiler();
        string header = Write($"{name}.h", $"#include <stddef.h>\n{declarations}\n");

        StructDescription probed = CStructProbe.Describe(header, name, [], s_noDefines, compiler);
        StructDescription measured = OffsetofChecker.Measure(compiler, header, name, type, [.. fields.Select(CheckedField.Parse)], []);

        Assert.Equal(measured.Size, probed.Size);
        Assert.Equal(measured.Align, probed.Align);
        Assert.Equal(measured.Fields, probed.Fields);
    }

    [Theory]
    [InlineData("sys/stat.h", "stat")]
    [InlineData("signal.h", "sigaction")]
    [InlineData("time.h", "timespec")]
    public void A_system_struct_measures_as_offsetof_and_sizeof_say(string systemHeader, string name)
    {
        string compiler = RequireCompiler();
        string header = Write($"uses_{name}.h", $"#define _GNU_SOURCE\n#include <{systemHeader}>\n");

        StructDescription probed = CStructProbe.Describe(header, name, [], s_noDefines, compiler);
        // The C library decides the names; the checker measures whatever the probe found.
        StructDescription measured = OffsetofChecker.Measure(compiler, header, name, $"struct {name}", [.. probed.Fields.Select(f => new CheckedField(f.Name))], []);

        Assert.NotEmpty(probed.Fields);
        Assert.Equal(measured, probed with { Fields = measured.Fields });
        Assert.Equal(measured.Fields, probed.Fields);
    }

    [Fact]
    public void Include_directories_and_defines_reach_the_compiler()
    {
        string compiler = RequireCompiler();
        DirectoryInfo include = _dir.CreateSubdirectory("include");
        File.WriteAllText(Path.Combine(include.FullName, "counter_t.h"), "#ifdef WIDE_COUNTER\ntypedef long long counter_t;\n#else\ntypedef char counter_t;\n#endif\n");
        string header = Write("uses_include.h", "#include \"counter_t.h\"\nstruct stats { char c; counter_t n; CAPACITY_T spare[CAPACITY]; };\n");
        var defines = new Dictionary<string, string?> { ["WIDE_COUNTER"] = null, ["CAPACITY"] = "3", ["CAPACITY_T"] = "short" };
        List<string> flags = [$"-I{include.FullName}", "-DWIDE_COUNTER", "-DCAPACITY=3", "-DCAPACITY_T=short"];

        StructDescription probed = CStructProbe.Describe(header, "stats", [include.FullName], defines, compiler);
        StructDescription measured = OffsetofChecker.Measure(compiler, header, "stats", "struct stats", [new("c"), new("n"), new("spare")], flags);

        Assert.Equal(measured, probed with { Fields = measured.Fields }); // name, size, align
        Assert.Equal(measured.Fields, probed.Fields);
        Assert.Equal(sizeof(long), probed.Fields.Single(f => f.Name == "n").Size);
    }

    [Fact]
    public void A_header_that_does_not_compile_reports_the_compilers_first_error_on_one_line()
    {
        string compiler = RequireCompiler();
        string header = Write("broken.h", "struct broken {\n    int a\n    int b;\n};\nstruct also_broken { nope x; };\n");
        CCompiler.ProcessResult direct = CCompiler.Run(compiler, ["-fsyntax-only", "-x", "c", header], TimeSpan.FromMinutes(1));
        string firstError = direct.StandardError.Split('\n').Select(l => l.Trim()).First(l => l.Contains("error", StringComparison.Ordinal));

        var e = Assert.Throws<StructProbeException>(() => CStructProbe.Describe(header, "broken", [], s_noDefines, compiler));

        Assert.Contains(firstError, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
    }

    [Fact]
    public void A_probe_that_fails_when_run_reports_its_exit_code_and_first_message()
    {
        string compiler = RequireCompiler();
        // A header may carry code: this one's constructor stops every program that includes it before main.
        string header = Write(
            "refuses.h",
            "#include <stdio.h>\n#include <stdlib.h>\nstruct refuses { int a; };\n"
            + "__attribute__((constructor)) static void refuse(void) { fputs(\"refuses.h: not on this machine\\nsecond line\\n\", stderr); exit(3); }\n");

        var e = Assert.Throws<StructProbeException>(() => CStructProbe.Describe(header, "refuses", [], s_noDefines, compiler));

        Assert.Equal("the probe for struct refuses exited with code 3: refuses.h: not on this machine", e.Message);
    }

    [Fact]
    public void A_missing_struct_is_named()
    {
        string compiler = RequireCompiler();
        string header = Write("present.h", "struct present { int a; };\nstruct absent;\n");

        var e = Assert.Throws<StructProbeException>(() => CStructProbe.Describe(header, "absent", [], s_noDefines, compiler));

        Assert.Equal($"{header} declares no struct absent", e.Message);
    }

    [Fact]
    public void A_compiler_path_that_does_not_exist_is_reported()
    {
        string header = Write("fine.h", "struct fine { int a; };\n");
        string missing = Path.Combine(_dir.FullName, "no-such-dir", "cc");

        var e = Assert.Throws<StructProbeException>(() => CStructProbe.Describe(header, "fine", [], s_noDefines, missing));

        Assert.Equal($"no compiler at {missing}", e.Message);
    }

    [Fact]
    public void A_compiler_name_not_on_path_is_reported()
    {
        string header = Write("fine.h", "struct fine { int a; };\n");

        var e = Assert.Throws<StructProbeException>(() => CStructProbe.Describe(header, "fine", [], s_noDefines, "hwlab-no-such-cc"));

        Assert.Equal("no compiler named hwlab-no-such-cc on PATH", e.Message);
    }

    [Fact]
    public void No_compiler_on_the_search_path_is_reported()
    {
        DirectoryInfo empty = _dir.CreateSubdirectory("empty-bin");

        var e = Assert.Throws<StructProbeException>(() => CCompiler.Find(null, [], empty.FullName));

        Assert.Equal("no C compiler on PATH (looked for cc, gcc and clang): install gcc or clang", e.Message);
    }

    [Fact]
    public void The_default_compiler_is_cc_then_gcc_then_clang()
    {
        DirectoryInfo bin = _dir.CreateSubdirectory("search-bin");
        foreach (string name in new[] { "clang", "gcc" })
        {
            File.WriteAllText(Path.Combine(bin.FullName, name), string.Empty);
        }

        Assert.Equal(Path.Combine(bin.FullName, "gcc"), CCompiler.Find(null, [], bin.FullName).Path);
    }

    [Fact]
    public void A_define_without_a_value_is_defined_as_one()
    {
        string compiler = RequireCompiler();
        string header = Write("defined.h", "struct defined { char bytes[FLAG + 1]; };\n");

        StructDescription probed = CStructProbe.Describe(header, "defined", [], new Dictionary<string, string?> { ["FLAG"] = null }, compiler);

        Assert.Equal(2, probed.Size);
    }

    [Fact]
    public void A_missing_header_or_one_a_probe_cannot_include_is_reported()
    {
        string missing = Path.Combine(_dir.FullName, "missing.h");
        string quoted = Write("quote\"d.h", "struct fine { int a; };\n");

        Assert.Equal($"no header at {missing}", Assert.Throws<StructProbeException>(() => CStructProbe.Describe(missing, "fine", [], s_noDefines, null)).Message);
        Assert.Equal(
            $"cannot #include {quoted}: its path holds a quote or a line break",
            Assert.Throws<StructProbeException>(() => CStructProbe.Describe(quoted, "fine", [], s_noDefines, null)).Message);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        string header = Write("fine.h", "struct fine { int a; };\n");

        Assert.Throws<ArgumentNullException>(() => CStructProbe.Describe(null!, "fine", [], s_noDefines, null));
        Assert.Throws<ArgumentException>(() => CStructProbe.Describe(" ", "fine", [], s_noDefines, null));
        Assert.Throws<ArgumentException>(() => CStructProbe.Describe(header, "", [], s_noDefines, null));
        Assert.Throws<ArgumentNullException>(() => CStructProbe.Describe(header, "fine", null!, s_noDefines, null));
        Assert.Throws<ArgumentNullException>(() => CStructProbe.Describe(header, "fine", [], null!, null));
    }

    [Fact]
    public void A_struct_with_nothing_to_name_is_reported()
    {
        string compiler = RequireCompiler();
        string header = Write("unnamed.h", "struct unnamed { int : 4; };\n");

        var e = Assert.Throws<StructProbeException>(() => CStructProbe.Describe(header, "unnamed", [], s_noDefines, compiler));

        Assert.Equal($"struct unnamed in {header} has no named members to probe", e.Message);
    }

    [Fact]
    public void A_probe_whose_output_is_not_its_layout_is_reported()
    {
        string compiler = RequireCompiler();
        // A header's destructor writes after the probe's JSON, so what the probe prints no longer parses.
        string header = Write(
            "chatty.h",
            "#include <stdio.h>\nstruct chatty { int a; };\n__attribute__((destructor)) static void chat(void) { fputs(\"and more\\n\", stdout); }\n");

        var e = Assert.Throws<StructProbeException>(() => CStructProbe.Describe(header, "chatty", [], s_noDefines, compiler));

        Assert.StartsWith("the probe for struct chatty printed what is not its layout: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.IsType<System.Text.Json.JsonException>(e.InnerException);
    }

    [Fact]
    public void A_header_that_compiles_but_does_not_check_is_reported_as_not_compiling()
    {
        string compiler = RequireCompiler();
        // Preprocessing alone accepts this; only the syntax check sees the error.
        string header = Write("syntax.h", "struct syntax { int a; } oops oops;\n");

        var e = Assert.Throws<StructProbeException>(() => CStructProbe.Describe(header, "syntax", [], s_noDefines, compiler));

        Assert.StartsWith("the header does not compile: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_probe_leaves_no_temporary_directory_behind()
    {
        string compiler = RequireCompiler();
        string header = Write("fine.h", "struct fine { int a; };\n");
        string[] before = ProbeDirectories();

        CStructProbe.Describe(header, "fine", [], s_noDefines, compiler);
        Assert.Throws<StructProbeException>(() => CStructProbe.Describe(header, "missing", [], s_noDefines, compiler));

        Assert.Empty(ProbeDirectories().Except(before));
    }

    private static string[] ProbeDirectories() => Directory.GetDirectories(Path.GetTempPath(), "hwlab-probe-*").Where(d => !d.Contains("tests", StringComparison.Ordinal)).ToArray();

    private static string RequireCompiler()
    {
        Assert.SkipWhen(s_compiler is null, "no cc or gcc on PATH: the probe tests compile C");
        return s_compiler!;
    }

    private string Write(string fileName, string text)
    {
        string path = Path.Combine(_dir.FullName, fileName);
        File.WriteAllText(path, text);
        return path;
    }
}
