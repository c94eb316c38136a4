using HwLab.Layout.Probe;

namespace HwLab.Layout.Tests.Probe;

/// <summary>
/// The declaration splitter on its own, on preprocessed text as a compiler's -E prints it: which
/// struct it finds, which names it gives the probe, and what it leaves out. The probe tests
/// (Check/CStructProbeTests) show the same parser against the compiler's offsetof.
/// </summary>
public sealed class CStructParserTests
{
    // Every word that may end a member's specifiers in C or GNU C; none of them is ever a member's name.
    public static TheoryData<string> Keywords =>
    [
        "auto", "bool", "char", "const", "double", "enum", "extern", "float", "inline", "int", "long", "register",
        "restrict", "short", "signed", "static", "struct", "typedef", "union", "unsigned", "void", "volatile",
        "_Atomic", "_Bool", "_Complex", "__const", "__extension__", "__int128", "__restrict", "__restrict__",
        "__signed__", "__volatile__", "__typeof__", "__typeof", "typeof",
    ];

    public static TheoryData<string> DroppedCalls => ["__attribute__", "__attribute", "_Alignas", "alignas", "__declspec", "__asm__", "__asm", "asm"];

    public static TheoryData<string> TypeCalls => ["__typeof__", "__typeof", "typeof", "_Atomic"];

    [Theory]
    [MemberData(nameof(Keywords))]
    public void A_keyword_at_the_end_of_a_declarator_names_nothing(string keyword)
    {
        Assert.Null(CStructParser.DeclaratorName($"unsigned {keyword}", needsType: false));
        Assert.Empty(CStructParser.Members($"unsigned short {keyword} : 3;"));
    }

    [Theory]
    [InlineData("unsigned counter", true, "counter")]
    [InlineData("counter", false, "counter")]
    [InlineData("counter", true, null)]
    [InlineData("", false, null)]
    [InlineData("integer", false, "integer")]
    [InlineData("int values[COUNT]", true, "values")]
    [InlineData("char name[3][5]", true, "name")]
    [InlineData("void (*open)(int, const char *)", true, "open")]
    [InlineData("void *(*alloc)(unsigned long)", true, "alloc")]
    [InlineData("int (*handlers[4])(void)", true, "handlers")]
    [InlineData("void (^block)(void)", true, "block")]
    [InlineData("void (*broken", true, null)]
    public void A_declarators_name_is_its_last_identifier_before_brackets(string declarator, bool needsType, string? name)
        => Assert.Equal(name, CStructParser.DeclaratorName(declarator, needsType));

    [Theory]
    [MemberData(nameof(DroppedCalls))]
    public void Attributes_alignments_and_asm_labels_are_dropped_with_their_argument(string word)
    {
        string cleaned = CStructParser.Clean($"int {word}((aligned(8))) a;\n");

        Assert.Equal("int   a;\n\n", cleaned);
    }

    [Theory]
    [MemberData(nameof(TypeCalls))]
    public void A_word_that_stands_for_a_type_stays_without_its_argument(string word)
    {
        string cleaned = CStructParser.Clean($"{word}(struct other) (*handler)(void);\n");

        Assert.Equal($" {word}  (*handler)(void);\n\n", cleaned);
        Assert.Equal(["handler"], CStructParser.Members(cleaned).Select(m => m.Name));
    }

    [Fact]
    public void Line_markers_go_and_an_unclosed_attribute_stays_as_it_was()
    {
        Assert.Equal("int a;\n\n", CStructParser.Clean("# 1 \"probe.h\"\n  # 2 \"probe.h\" 3\nint a;\n"));
        Assert.Equal("int __attribute__((packed) a;\n", CStructParser.Clean("int __attribute__((packed) a;"));
    }

    [Fact]
    public void Statements_that_declare_no_member_are_skipped()
    {
        IReadOnlyList<CStructMember> members = CStructParser.Members(
            " int a;; _Static_assert(sizeof(int) == 4, \"int\"); static_assert(1, \"one\"); enum { RED, GREEN }; int b; ");

        Assert.Equal(["a", "b"], members.Select(m => m.Name));
    }

    [Fact]
    public void Anonymous_members_are_flattened_and_named_ones_kept()
    {
        IReadOnlyList<CStructMember> members = CStructParser.Members(
            "union { int i; struct { short lo, hi; }; }; struct { int v; } inner, *outer; char c;");

        Assert.Equal(["i", "lo", "hi", "inner", "outer", "c"], members.Select(m => m.Name));
    }

    [Fact]
    public void Later_declarators_share_the_first_ones_type()
    {
        IReadOnlyList<CStructMember> members = CStructParser.Members(
            "unsigned char x, y, z : 3; unsigned a : 3, b : 5; int : 4; u8 : 5; u8 c : 2; char *p, **q, r[3];");

        Assert.Equal(
            [
                new CStructMember("x"), new CStructMember("y"), new CStructMember("z", "unsigned char"),
                new CStructMember("a", "unsigned"), new CStructMember("b", "unsigned"), new CStructMember("c", "u8"),
                new CStructMember("p"), new CStructMember("q"), new CStructMember("r"),
            ],
            members);
    }

    [Fact]
    public void Only_an_array_without_a_length_at_the_end_is_flexible()
    {
        IReadOnlyList<CStructMember> members = CStructParser.Members("int n; char fixed[4]; int (*fn[2])(void); char data[ ];");

        Assert.Equal([false, false, false, true], members.Select(m => m.IsFlexibleArray));
    }

    [Fact]
    public void A_bitfield_whose_type_is_declared_in_place_cannot_be_probed()
    {
        var e = Assert.Throws<StructProbeException>(() => CStructParser.Members("enum color { RED, BLUE } volatile c : 2;"));

        Assert.Equal("cannot probe bitfield c: its type is declared in place, and a probe needs a type it can name", e.Message);
    }

    [Fact]
    public void Splitting_ignores_separators_inside_any_bracket_pair()
    {
        Assert.Equal(
            ["a", " f(b, c)", " d[e, f]", " {g, (h, i)}", " j"],
            CStructParser.SplitTopLevel("a, f(b, c), d[e, f], {g, (h, i)}, j", ','));
    }

    [Theory]
    [InlineData("struct other { long l; };\nstruct wanted { int a; char b; };\n", "wanted", "struct wanted", "a b")]
    [InlineData("typedef struct { int a; } first_t, *first_p;", "first_t", "first_t", "a")]
    [InlineData("typedef struct { int a; } first_t, *first_p;", "first_p", "first_p", "a")]
    [InlineData("typedef const struct { int a; } ro_t;", "ro_t", "ro_t", "a")]
    [InlineData("typedef struct { int a; } last_t", "last_t", "last_t", "a")]
    [InlineData("struct tagged { int a; char b; };\ntypedef struct tagged alias_t;\n", "alias_t", "alias_t", "a b")]
    public void A_struct_is_found_by_its_tag_or_a_typedef_of_it(string text, string name, string typeExpression, string members)
    {
        CStructDeclaration? found = CStructParser.Find(text, name);

        Assert.NotNull(found);
        Assert.Equal(typeExpression, found.TypeExpression);
        Assert.Equal(members.Split(' '), found.Members.Select(m => m.Name));
    }

    [Theory]
    [InlineData("struct { int a; } variable;", "variable")]
    [InlineData("typedef struct nowhere alias_t;", "alias_t")]
    [InlineData("struct unclosed { int a;", "unclosed")]
    [InlineData("struct present { int a; };", "absent")]
    public void A_name_that_is_no_struct_type_finds_nothing(string text, string name)
        => Assert.Null(CStructParser.Find(text, name));

    [Fact]
    public void A_colon_or_brace_inside_brackets_or_parentheses_is_not_the_members_own()
    {
        // A conditional in an array's length, as a macro like MAX(a, b) expands to, is no bitfield;
        // a parenthesised declarator may still carry a width after it.
        IReadOnlyList<CStructMember> members = CStructParser.Members("char buf[4 > 2 ? 4 : 2]; int (w) : 3; int sizes[(1 ? 2 : 3)];");

        Assert.Equal([new CStructMember("buf"), new CStructMember("w", "int"), new CStructMember("sizes")], members);
    }
}
