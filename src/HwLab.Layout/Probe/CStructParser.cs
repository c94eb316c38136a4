using System.Text;
using System.Text.RegularExpressions;

namespace HwLab.Layout.Probe;

/// <summary>
/// Finds a struct in preprocessed C and names its members, which is all a probe needs: the
/// compiler itself measures them. A small declaration splitter, not a C parser: members split at
/// ';' at brace depth 0, a member's name is the last identifier of its declarator (before '[',
/// before a bitfield's ':', inside '(*name)' for a function pointer), anonymous struct and union
/// members are flattened because offsetof reaches their fields by name, and attributes are dropped.
/// </summary>
internal static partial class CStructParser
{
    // The word lists are read where they are used, not kept in static fields: the parser runs once
    // per probe, a linear look through a few dozen words costs nothing next to the compiler's run,
    // and a list a test reaches through a method is a list the test can check.

    /// <summary>Words that can end a member's specifiers but never name it.</summary>
    internal static bool IsKeyword(string word)
        => ((ReadOnlySpan<string>)[
            "auto", "bool", "char", "const", "double", "enum", "extern", "float", "inline", "int", "long", "register",
            "restrict", "short", "signed", "static", "struct", "typedef", "union", "unsigned", "void", "volatile",
            "_Atomic", "_Bool", "_Complex", "__const", "__extension__", "__int128", "__restrict", "__restrict__",
            "__signed__", "__volatile__", "__typeof__", "__typeof", "typeof",
        ]).Contains(word);

    /// <summary>The struct called <paramref name="name"/> (its tag, or a typedef of it), or null when the text declares no such struct.</summary>
    public static CStructDeclaration? Find(string preprocessed, string name)
    {
        string text = Clean(preprocessed);
        foreach (Match match in StructHead().Matches(text))
        {
            int open = match.Index + match.Length - 1;
            int close = MatchingClose(text, open);
            if (close < 0)
            {
                continue;
            }
            string tag = match.Groups["tag"].Value;
            string body = text[(open + 1)..close];
            if (tag == name)
            {
                return new CStructDeclaration($"struct {name}", Members(body));
            }
            if (IsTypedef(text, match.Index) && Declarators(After(text, close)).Contains(name))
            {
                return new CStructDeclaration(name, Members(body));
            }
        }
        // typedef struct tag NAME; with the body declared on its own.
        Match alias = Regex.Match(text, $@"\btypedef\s+struct\s+(?<tag>[A-Za-z_]\w*)\s+{Regex.Escape(name)}\s*;");
        if (alias.Success)
        {
            CStructDeclaration? tagged = Find(preprocessed, alias.Groups["tag"].Value);
            return tagged is null ? null : tagged with { TypeExpression = name };
        }
        return null;
    }

    /// <summary>The members of a struct body, anonymous struct and union members flattened.</summary>
    internal static IReadOnlyList<CStructMember> Members(string body)
    {
        var members = new List<CStructMember>();
        foreach (string raw in SplitTopLevel(body, ';'))
        {
            string statement = raw.Trim();
            if (statement.Length == 0 || statement.StartsWith("_Static_assert", StringComparison.Ordinal) || statement.StartsWith("static_assert", StringComparison.Ordinal))
            {
                continue;
            }
            int open = TopLevelIndexOf(statement, '{');
            if (open >= 0)
            {
                int close = MatchingClose(statement, open);
                string head = statement[..open];
                string rest = statement[(close + 1)..];
                if (rest.Trim().Length == 0 && Regex.IsMatch(head, @"\b(struct|union)\b"))
                {
                    members.AddRange(Members(statement[(open + 1)..close]));
                    continue;
                }
                // A named member of a type declared in place: its declarators follow the body.
                foreach (string declarator in SplitTopLevel(rest, ','))
                {
                    AddDeclarator(members, declarator, specifiers: null, statement);
                }
                continue;
            }
            List<string> declarators = SplitTopLevel(statement, ',');
            string? specifiers = null;
            for (int i = 0; i < declarators.Count; i++)
            {
                specifiers = AddDeclarator(members, declarators[i], i == 0 ? null : specifiers ?? string.Empty, statement);
            }
        }
        return members;
    }

    /// <summary>
    /// Adds the member one declarator declares; returns the specifiers (the type before the name)
    /// that later declarators of the same statement share. <paramref name="specifiers"/> is null for
    /// a statement's first declarator, which carries them.
    /// </summary>
    private static string? AddDeclarator(List<CStructMember> members, string declarator, string? specifiers, string statement)
    {
        int colon = TopLevelIndexOf(declarator, ':');
        if (colon >= 0)
        {
            // A bitfield: the name is the last identifier before the width; an unnamed one is padding.
            string before = declarator[..colon];
            List<Match> words = [.. Identifier().Matches(before).Cast<Match>()];
            if (specifiers is null)
            {
                Match? last = words.Count >= 2 && !IsKeyword(words[^1].Value) ? words[^1] : null;
                string type = TypeBefore(before[..(last?.Index ?? before.Length)]);
                if (last is not null)
                {
                    if (type.Contains('{', StringComparison.Ordinal) || statement.Contains('{', StringComparison.Ordinal))
                    {
                        throw new StructProbeException($"cannot probe bitfield {last.Value}: its type is declared in place, and a probe needs a type it can name");
                    }
                    members.Add(new CStructMember(last.Value, type));
                }
                return type;
            }
            if (words.Count > 0)
            {
                if (specifiers.Length == 0)
                {
                    throw new StructProbeException($"cannot probe bitfield {words[^1].Value}: its type is declared in place, and a probe needs a type it can name");
                }
                members.Add(new CStructMember(words[^1].Value, specifiers));
            }
            return specifiers;
        }
        string? name = DeclaratorName(declarator, needsType: specifiers is null && !statement.Contains('{', StringComparison.Ordinal));
        if (name is not null)
        {
            bool flexible = Regex.IsMatch(declarator, @"\[\s*\]\s*$");
            members.Add(new CStructMember(name, IsFlexibleArray: flexible));
            int at = declarator.LastIndexOf(name, StringComparison.Ordinal);
            return specifiers ?? TypeBefore(declarator[..at]);
        }
        return specifiers;
    }

    // The type in the text before a member's name: without the pointer stars and the '(' of a
    // parenthesised name ("int (w) : 3", "void (*fn)(void)"), which belong to the declarator.
    private static string TypeBefore(string textBeforeName) => textBeforeName.TrimEnd('*', ' ', '\t', '\n', '(').Trim();

    /// <summary>The name a declarator declares: the last identifier before '[' or '(', looking inside '(*...)' first.</summary>
    internal static string? DeclaratorName(string declarator, bool needsType)
    {
        for (int i = 0; i < declarator.Length; i++)
        {
            if (declarator[i] != '(')
            {
                continue;
            }
            string inside = declarator[(i + 1)..].TrimStart();
            if (inside.StartsWith('*') || inside.StartsWith('^'))
            {
                int close = MatchingClose(declarator, i);
                return close < 0 ? null : DeclaratorName(declarator[(i + 1)..close], needsType: false);
            }
        }
        int cut = declarator.IndexOfAny(['[', '(']);
        string head = cut < 0 ? declarator : declarator[..cut];
        List<string> words = [.. Identifier().Matches(head).Select(m => m.Value)];
        if (words.Count == 0 || IsKeyword(words[^1]) || (needsType && words.Count < 2))
        {
            return null;
        }
        return words[^1];
    }

    /// <summary>Drops line markers and the attributes, alignments and asm labels no name lives in.</summary>
    internal static string Clean(string preprocessed)
    {
        var text = new StringBuilder(preprocessed.Length);
        foreach (string line in preprocessed.Split('\n'))
        {
            if (!line.TrimStart().StartsWith('#'))
            {
                text.Append(line).Append('\n');
            }
        }
        string result = text.ToString();
        // Function-like words whose parenthesised argument says nothing about a member's name.
        foreach (string word in (ReadOnlySpan<string>)["__attribute__", "__attribute", "_Alignas", "alignas", "__declspec", "__asm__", "__asm", "asm"])
        {
            result = DropCalls(result, word, keepWord: false);
        }
        // Function-like words that stand for a type: the word stays so that the declarator still has a type before its name.
        foreach (string word in (ReadOnlySpan<string>)["__typeof__", "__typeof", "typeof", "_Atomic"])
        {
            result = DropCalls(result, word, keepWord: true);
        }
        return result;
    }

    private static string DropCalls(string text, string word, bool keepWord)
    {
        var pattern = new Regex($@"\b{Regex.Escape(word)}\s*\(");
        Match match = pattern.Match(text);
        while (match.Success)
        {
            int open = match.Index + match.Length - 1;
            int close = MatchingClose(text, open);
            if (close < 0)
            {
                break;
            }
            string replacement = keepWord ? $" {word} " : " ";
            text = string.Concat(text.AsSpan(0, match.Index), replacement, text.AsSpan(close + 1));
            match = pattern.Match(text, match.Index + replacement.Length);
        }
        return text;
    }

    // Only the words just before "struct" matter; looking no further keeps a long preprocessed header linear.
    private static bool IsTypedef(string text, int structAt)
        => Regex.IsMatch(text[Math.Max(0, structAt - 64)..structAt], @"\btypedef(\s+(const|volatile))*\s*$");

    // What follows a closing brace up to the end of its declaration.
    private static string After(string text, int close)
    {
        int end = text.IndexOf(';', close);
        return end < 0 ? text[(close + 1)..] : text[(close + 1)..end];
    }

    private static List<string> Declarators(string list)
        => [.. SplitTopLevel(list, ',').Select(d => DeclaratorName(d, needsType: false)).OfType<string>()];

    /// <summary>Splits at <paramref name="separator"/> outside every (), [] and {} pair.</summary>
    internal static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private static int TopLevelIndexOf(string text, char wanted)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == wanted && depth == 0)
            {
                return i;
            }
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
        }
        return -1;
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, or -1.</summary>
    private static int MatchingClose(string text, int open)
    {
        char opening = text[open];
        char closing = opening switch { '(' => ')', '[' => ']', _ => '}' };
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            if (text[i] == opening)
            {
                depth++;
            }
            else if (text[i] == closing && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    [GeneratedRegex(@"\bstruct\b\s*(?<tag>[A-Za-z_]\w*)?\s*\{")]
    private static partial Regex StructHead();

    [GeneratedRegex(@"\b[A-Za-z_]\w*")]
    private static partial Regex Identifier();
}
