using System.Globalization;
using HwLab.Layout.Probe;

namespace HwLab.Lab.Experiments.Check;

/// <summary>
/// What `hwlab check` measures: a struct's layout, the lock one of its words holds, and the fields
/// the critical section updates, all checked against each other.
/// </summary>
public sealed record CheckTarget
{
    private CheckTarget(StructDescription layout, FieldDescription lockField, CheckLockKind kind, int bit, IReadOnlyList<CheckTouch> touches, string spec)
    {
        Layout = layout;
        LockField = lockField;
        Kind = kind;
        Bit = bit;
        Touches = touches;
        LockSpec = spec;
    }

    public StructDescription Layout { get; }

    public FieldDescription LockField { get; }

    public CheckLockKind Kind { get; }

    /// <summary>The lock bit within the lock's word, for a bit lock; -1 otherwise.</summary>
    public int Bit { get; }

    public IReadOnlyList<CheckTouch> Touches { get; }

    /// <summary>The lock as given: FIELD:bit=N, FIELD:spinlock or FIELD:ticket.</summary>
    public string LockSpec { get; }

    /// <summary>The lock's word in bytes: the lock field's size.</summary>
    public int WordSize => LockField.Size;

    /// <summary>Whether libhwlab_native has this lock: lock bts on an 8-byte word, the queued spinlock; not a 4-byte bit lock or the ticket lock.</summary>
    public bool HasNative => Kind == CheckLockKind.SpinLock || (Kind == CheckLockKind.Bit && WordSize == sizeof(ulong));

    /// <summary>
    /// The lock <paramref name="spec"/> in <paramref name="layout"/>, with <paramref name="touched"/>
    /// updated inside it (none given: the lock's word for a bit lock, the first field after the lock for a spinlock or ticket lock).
    /// </summary>
    /// <exception cref="ExperimentSettingsException">A lock or field the layout cannot hold, in one line.</exception>
    public static CheckTarget Create(StructDescription layout, string spec, IReadOnlyList<string>? touched)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(spec);
        int colon = spec.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new ExperimentSettingsException($"--lock {spec}: expected FIELD:bit=N, FIELD:spinlock or FIELD:ticket");
        }
        FieldDescription field = FieldOf(layout, spec[..colon], "--lock");
        string form = spec[(colon + 1)..];
        (CheckLockKind kind, int bit) = form switch
        {
            "spinlock" => (CheckLockKind.SpinLock, -1),
            "ticket" => (CheckLockKind.Ticket, -1),
            _ when form.StartsWith("bit=", StringComparison.Ordinal) && int.TryParse(form.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int n) => (CheckLockKind.Bit, n),
            _ => throw new ExperimentSettingsException($"--lock {spec}: the lock is bit=N, spinlock or ticket, not {form}"),
        };
        EnsureLockWord(layout, field, kind, bit, spec);
        IReadOnlyList<CheckTouch> touches = touched is { Count: > 0 }
            ? [.. touched.Distinct().Select(name => Touch(layout, field, kind, bit, FieldOf(layout, name, "--touch")))]
            : DefaultTouches(layout, field, kind, bit);
        return new CheckTarget(layout, field, kind, bit, touches, spec);
    }

    private static void EnsureLockWord(StructDescription layout, FieldDescription field, CheckLockKind kind, int bit, string spec)
    {
        if (field.IsBitfield)
        {
            throw new ExperimentSettingsException($"--lock {spec}: {field.Name} is a bitfield; a lock takes a whole 4- or 8-byte word");
        }
        if (field.Size > sizeof(ulong))
        {
            throw new ExperimentSettingsException($"--lock {spec}: {field.Name} is {field.Size} bytes; a lock word is at most 8 bytes (one atomic instruction)");
        }
        int need = kind == CheckLockKind.Bit ? field.Size : sizeof(uint);
        if (kind == CheckLockKind.Bit ? field.Size is not (4 or 8) : field.Size != sizeof(uint))
        {
            throw new ExperimentSettingsException($"--lock {spec}: {field.Name} is {field.Size} bytes; a {(kind == CheckLockKind.Bit ? "bit lock needs a 4- or 8-byte word" : "spinlock or ticket lock is a 4-byte word")}");
        }
        if (field.Offset % need != 0 || layout.Size % need != 0)
        {
            throw new ExperimentSettingsException($"--lock {spec}: {field.Name} at offset {field.Offset} in a {layout.Size}-byte struct is not {need}-byte aligned in every element of an array; atomics need it aligned");
        }
        if (kind == CheckLockKind.Bit && (bit < 0 || bit >= field.Size * 8))
        {
            throw new ExperimentSettingsException($"--lock {spec}: bit {bit} is outside the {field.Size}-byte word (bits 0 to {(field.Size * 8) - 1})");
        }
    }

    private static List<CheckTouch> DefaultTouches(StructDescription layout, FieldDescription lockField, CheckLockKind kind, int bit)
    {
        if (kind == CheckLockKind.Bit)
        {
            return [Touch(layout, lockField, kind, bit, lockField)];
        }
        FieldDescription? next = layout.Fields.Where(f => CheckLayoutJson.Bits(f).First >= CheckLayoutJson.Bits(lockField).End).MinBy(f => CheckLayoutJson.Bits(f).First);
        return next is null ? [] : [Touch(layout, lockField, kind, bit, next)];
    }

    private static CheckTouch Touch(StructDescription layout, FieldDescription lockField, CheckLockKind kind, int bit, FieldDescription field)
    {
        if (field == lockField)
        {
            if (kind != CheckLockKind.Bit)
            {
                throw new ExperimentSettingsException($"--touch {field.Name}: it is the lock itself; the critical section updates other fields");
            }
            // The count lives in the bits above the lock bit (the seed's data >> 8 sits above bit 2), or below it when the lock is the top bit.
            int bits = field.Size * 8;
            ulong all = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            ulong below = (1UL << bit) - 1;
            ulong above = all & ~below & ~(1UL << bit);
            return new CheckTouch(field.Name, field.Offset, field.Size, above != 0 ? above : below);
        }
        (int first, int end) = CheckLayoutJson.Bits(field);
        (int lockFirst, int lockEnd) = CheckLayoutJson.Bits(lockField);
        if (field.IsBitfield)
        {
            if (field.Size is not (1 or 2 or 4 or 8) || field.Offset % field.Size != 0)
            {
                throw new ExperimentSettingsException($"--touch {field.Name}: its storage unit ({field.Size} bytes at offset {field.Offset}) is not one aligned word");
            }
            if (first < lockEnd && lockFirst < end && kind != CheckLockKind.Bit)
            {
                throw new ExperimentSettingsException($"--touch {field.Name}: it shares bytes with the {kind.ToString().ToLowerInvariant()} word {lockField.Name}");
            }
            int low = first - (field.Offset * 8);
            ulong mask = (field.BitWidth == 64 ? ulong.MaxValue : (1UL << field.BitWidth!.Value) - 1) << low;
            return new CheckTouch(field.Name, field.Offset, field.Size, mask);
        }
        int width = field.Size >= 8 ? 8 : field.Size >= 4 ? 4 : field.Size >= 2 ? 2 : 1;
        ulong whole = width == 8 ? ulong.MaxValue : (1UL << (width * 8)) - 1;
        return new CheckTouch(field.Name, field.Offset, width, whole);
    }

    private static FieldDescription FieldOf(StructDescription layout, string name, string option)
        => layout.Fields.FirstOrDefault(f => f.Name == name)
            ?? throw new ExperimentSettingsException($"{option}: {layout.Name} has no field {name} (it has {string.Join(", ", layout.Fields.Select(f => f.Name))})");
}
