using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using HwLab.Layout.Kernel;
using HwLab.Layout.Locks;

namespace HwLab.Layout.Tests.Locks;

/// <summary>
/// What the JIT really emits for the managed locks, read from its own disassembly
/// (DOTNET_JitDisasm) in a child process that runs <see cref="Lock_primitives_called_out_of_line_still_lock"/>,
/// where every primitive is called through a delegate and so compiled as a method of its own.
/// </summary>
public sealed partial class JitCodegenTests
{
    private delegate bool TryBitLock(ref ulong word, int bit);

    private delegate void BitLockOp(ref ulong word, int bit);

    private delegate void TicketOp(ref uint word);

    private delegate void QueuedOp(ref qspinlock word);

    [Fact]
    public void Lock_primitives_called_out_of_line_still_lock()
    {
        TryBitLock tryLock = BitSpinLock.TryLock;
        BitLockOp lockBit = BitSpinLock.Lock;
        BitLockOp unlockBit = BitSpinLock.Unlock;
        BitLockOp lockFetchFirst = BitSpinLock.LockFetchFirst;
        BitLockOp lockCompareExchange = BitSpinLock.LockCompareExchange;
        BitLockOp lockBackoff = BitSpinLock.LockBackoff;
        BitLockOp unlockNonAtomic = BitSpinLock.UnlockNonAtomic;
        TicketOp lockTicket = TicketLock.Lock;
        TicketOp unlockTicket = TicketLock.Unlock;
        QueuedOp lockQueued = QueuedSpinLock.Lock;
        QueuedOp unlockQueued = QueuedSpinLock.Unlock;

        ulong word = 0xff00;
        lockBit(ref word, 2);
        Assert.False(tryLock(ref word, 2));
        unlockBit(ref word, 2);
        Assert.True(tryLock(ref word, 2));
        unlockBit(ref word, 2);
        Assert.Equal(0xff00UL, word);
        lockFetchFirst(ref word, 2);
        Assert.False(tryLock(ref word, 2));
        unlockBit(ref word, 2);
        Assert.Equal(0xff00UL, word);
        lockCompareExchange(ref word, 2);
        Assert.False(tryLock(ref word, 2));
        unlockBit(ref word, 2);
        lockBackoff(ref word, 2);
        Assert.False(tryLock(ref word, 2));
        unlockNonAtomic(ref word, 2);
        Assert.Equal(0xff00UL, word);

        uint ticket = 0;
        lockTicket(ref ticket);
        Assert.Equal(0x0001_0000u, ticket);
        unlockTicket(ref ticket);
        Assert.Equal(0x0001_0001u, ticket);

        qspinlock queued = default;
        lockQueued(ref queued);
        Assert.Equal(QspinlockTypes._Q_LOCKED_VAL, queued.val);
        unlockQueued(ref queued);
        Assert.Equal(0u, queued.val);
    }

    [Fact]
    public void The_jit_turns_interlocked_or_with_its_result_used_into_a_cmpxchg_loop_and_unused_and_into_lock_and()
    {
        Assert.SkipUnless(RuntimeInformation.ProcessArchitecture == Architecture.X64, "the instructions asserted are x64's");
        IReadOnlyDictionary<string, string> code = DisassembleInChild(
            "*BitSpinLock:Lock *BitSpinLock:TryLock *BitSpinLock:Unlock *BitSpinLock:UnlockNonAtomic *BitSpinLock:LockFetchFirst *BitSpinLock:LockCompareExchange *BitSpinLock:LockBackoff "
            + "*TicketLock:Lock *TicketLock:Unlock *QueuedSpinLock:Lock *QueuedSpinLock:Unlock");

        // The default acquire, instruction by instruction: the word is loaded, the bit ORed into a
        // copy, lock cmpxchg retried until the word did not change under it, the old bit tested;
        // the wait is a call out of line. No lock bts: Interlocked.Or has no fetch-or instruction.
        string acquire = Instructions(code["BitSpinLock:Lock"]);
        Assert.Matches(
            new Regex(@"^mov\s+rax, qword ptr \[(?<w>\w+)\]\n(?<loop>G_M\w+):\nmov\s+(?<n>\w+), rax\nor\s+\k<n>, \w+\nlock cmpxchg\s+qword ptr \[\k<w>\], \k<n>\njne\s+SHORT \k<loop>\ntest\s+rax, \w+\nje\s", RegexOptions.Multiline),
            acquire);
        Assert.Matches(@"call\s+\[\S*WaitUntilClear", acquire);
        Assert.DoesNotMatch(@"\bbts\b|\bpause\b", acquire);
        Assert.Matches(@"lock\s+cmpxchg", code["BitSpinLock:TryLock"]);
        Assert.DoesNotMatch(@"\bbts\b", code["BitSpinLock:TryLock"]);
        // The default release, Interlocked.And with the result unused: one lock and.
        Assert.Matches(@"^lock and\s+qword ptr \[\w+\], \w+$", Instructions(code["BitSpinLock:Unlock"]).Split('\n').Single(i => i.StartsWith("lock ", StringComparison.Ordinal)));
        Assert.DoesNotMatch("cmpxchg", code["BitSpinLock:Unlock"]);
        // The non-atomic release: no lock prefix; the JIT folds the read and the store into one
        // unlocked and on memory, as __clear_bit_unlock() is one unlocked btr.
        Assert.DoesNotMatch(@"\block\b", code["BitSpinLock:UnlockNonAtomic"]);
        Assert.Matches(@"(and|mov)\s+qword ptr \[\w+\], \w+", code["BitSpinLock:UnlockNonAtomic"]);
        // The compare-and-swap acquire: one lock cmpxchg, no retry loop of its own.
        Assert.Single(Regex.Matches(Instructions(code["BitSpinLock:LockCompareExchange"]), "lock cmpxchg"));
        // The fetch-first form: lock xadd takes the line with its value, then lock cmpxchg sets the bit.
        Assert.Matches(@"lock\s+xadd[\s\S]*lock\s+cmpxchg", code["BitSpinLock:LockFetchFirst"]);
        // Backoff: the default's atomic, and the wait out of line.
        Assert.Matches(@"lock cmpxchg[\s\S]*call\s+\[\S*WaitWithBackoff", Instructions(code["BitSpinLock:LockBackoff"]));
        // The ticket: one lock xadd to take it; an unlocked 16-bit write of the head to hand it on.
        Assert.Matches(@"lock\s+xadd", code["TicketLock:Lock"]);
        Assert.DoesNotMatch(@"\block\b", code["TicketLock:Unlock"]);
        Assert.Matches(@"(inc|add|mov)\s+word\s+ptr", code["TicketLock:Unlock"]);
        // The queued spinlock: one lock cmpxchg on the fast path; release is a plain byte store of 0.
        Assert.Matches(@"lock\s+cmpxchg", code["QueuedSpinLock:Lock"]);
        Assert.DoesNotMatch(@"\block\b", code["QueuedSpinLock:Unlock"]);
        Assert.Matches(@"mov\s+byte\s+ptr\s+\[\w+\],\s*0\b", code["QueuedSpinLock:Unlock"]);
    }

    // A listing as one instruction (or block label) per line, comments and blanks dropped, the
    // lock prefix (which the JIT prints on a line of its own) joined to its instruction.
    private static string Instructions(string listing)
    {
        var lines = new List<string>();
        foreach (string raw in listing.Split('\n'))
        {
            string line = raw.Trim();
            int comment = line.IndexOf(';', StringComparison.Ordinal);
            line = (comment >= 0 ? line[..comment] : line).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            line = Whitespace().Replace(line, " ");
            if (lines.Count > 0 && lines[^1] == "lock")
            {
                lines[^1] = "lock " + line;
            }
            else
            {
                lines.Add(line);
            }
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Runs this test assembly again with the JIT's disassembly on, for the one test above that
    // calls the primitives out of line, and splits the listing by method.
    private static IReadOnlyDictionary<string, string> DisassembleInChild(string methods)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(JitCodegenTests).Assembly.Location);
        start.ArgumentList.Add("-method");
        start.ArgumentList.Add($"{typeof(JitCodegenTests).FullName}.{nameof(Lock_primitives_called_out_of_line_still_lock)}");
        start.Environment["DOTNET_JitDisasm"] = methods;
        start.Environment["DOTNET_TieredCompilation"] = "0"; // straight to fully optimized code
        using Process child = Process.Start(start)!;
        Task<string> output = child.StandardOutput.ReadToEndAsync();
        Task<string> error = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            // Not left running past the test, spinning on the CPUs of every later one.
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            Assert.Fail("the disassembly child did not finish in 2 minutes");
        }
        Assert.True(child.ExitCode == 0, $"the disassembly child failed: {output.Result}{error.Result}");
        IReadOnlyDictionary<string, string> listings = SplitByMethod(output.Result);
        Assert.True(listings.Count > 0, $"the JIT printed no disassembly: {output.Result}");
        return listings;
    }

    // "; Assembly listing for method HwLab.Layout.Locks.BitSpinLock:TryLock(byref,int):bool (FullOpts)"
    private static Dictionary<string, string> SplitByMethod(string listing)
    {
        var methods = new Dictionary<string, string>();
        foreach (string section in listing.Split("; Assembly listing for method ").Skip(1))
        {
            Match name = MethodName().Match(section);
            if (name.Success)
            {
                methods[name.Groups[1].Value] = section;
            }
        }
        return methods;
    }

    [GeneratedRegex(@"^HwLab\.Layout\.Locks\.(\w+:\w+)\(")]
    private static partial Regex MethodName();
}
