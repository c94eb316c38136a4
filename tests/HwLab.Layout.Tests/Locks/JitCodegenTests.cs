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
        IReadOnlyDictionary<string, string> code = DisassembleInChild("*BitSpinLock:TryLock *BitSpinLock:Unlock *BitSpinLock:LockFetchFirst *TicketLock:Lock *TicketLock:Unlock *QueuedSpinLock:Lock *QueuedSpinLock:Unlock");

        // Interlocked.Or whose result is used: no fetch-or instruction exists, so a cmpxchg retry loop, not lock bts.
        Assert.Matches(@"lock\s+cmpxchg", code["BitSpinLock:TryLock"]);
        Assert.DoesNotMatch(@"\bbts\b", code["BitSpinLock:TryLock"]);
        // Interlocked.And whose result is unused: one lock and.
        Assert.Matches(@"lock\s+and\b", code["BitSpinLock:Unlock"]);
        Assert.DoesNotMatch("cmpxchg", code["BitSpinLock:Unlock"]);
        // The fetch-first form: lock xadd takes the line with its value, then lock cmpxchg sets the bit.
        Assert.Matches(@"lock\s+xadd[\s\S]*lock\s+cmpxchg", code["BitSpinLock:LockFetchFirst"]);
        // The ticket: one lock xadd to take it; an unlocked 16-bit write of the head to hand it on.
        Assert.Matches(@"lock\s+xadd", code["TicketLock:Lock"]);
        Assert.DoesNotMatch(@"\block\b", code["TicketLock:Unlock"]);
        Assert.Matches(@"(inc|add|mov)\s+word\s+ptr", code["TicketLock:Unlock"]);
        // The queued spinlock: one lock cmpxchg on the fast path; release is a plain byte store of 0.
        Assert.Matches(@"lock\s+cmpxchg", code["QueuedSpinLock:Lock"]);
        Assert.DoesNotMatch(@"\block\b", code["QueuedSpinLock:Unlock"]);
        Assert.Matches(@"mov\s+byte\s+ptr\s+\[\w+\],\s*0\b", code["QueuedSpinLock:Unlock"]);
    }

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
        Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)), "the disassembly child did not finish");
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
