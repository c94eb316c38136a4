using System.Numerics;
using System.Runtime.InteropServices;
using static Interop.Libc;

namespace HwLab.Native.Tests.Counters;

/// <summary>The managed perf_event_attr and perf constants against what the C compiler makes of &lt;linux/perf_event.h&gt;.</summary>
public sealed unsafe class PerfEventAttrLayoutTests
{
    [Fact]
    public void Layout_report_struct_matches_its_managed_mirror()
    {
        Interop.HwLabNative.hwlab_perf_event_attr_layout c = CompiledLayout();
        Assert.Equal(c.layout_size, sizeof(Interop.HwLabNative.hwlab_perf_event_attr_layout));
    }

    [Fact]
    public void Every_mirrored_field_sits_at_the_C_offset()
    {
        Interop.HwLabNative.hwlab_perf_event_attr_layout c = CompiledLayout();
        perf_event_attr attr = default;
        byte* start = (byte*)&attr;

        (string Name, long C, long Managed)[] fields =
        [
            ("type", c.off_type, (int)((byte*)&attr.type - start)),
            ("size", c.off_size, (int)((byte*)&attr.size - start)),
            ("config", c.off_config, (int)((byte*)&attr.config - start)),
            ("sample_period", c.off_sample_period, (int)((byte*)&attr.sample_period - start)),
            ("sample_freq", c.off_sample_freq, (int)((byte*)&attr.sample_freq - start)),
            ("sample_type", c.off_sample_type, (int)((byte*)&attr.sample_type - start)),
            ("read_format", c.off_read_format, (int)((byte*)&attr.read_format - start)),
            ("flags (bitfield word)", c.off_flags, (int)((byte*)&attr.flags - start)),
            ("wakeup_events", c.off_wakeup_events, (int)((byte*)&attr.wakeup_events - start)),
            ("wakeup_watermark", c.off_wakeup_watermark, (int)((byte*)&attr.wakeup_watermark - start)),
            ("bp_type", c.off_bp_type, (int)((byte*)&attr.bp_type - start)),
            ("bp_addr", c.off_bp_addr, (int)((byte*)&attr.bp_addr - start)),
            ("config1", c.off_config1, (int)((byte*)&attr.config1 - start)),
            ("bp_len", c.off_bp_len, (int)((byte*)&attr.bp_len - start)),
            ("config2", c.off_config2, (int)((byte*)&attr.config2 - start)),
            ("branch_sample_type", c.off_branch_sample_type, (int)((byte*)&attr.branch_sample_type - start)),
            ("sample_regs_user", c.off_sample_regs_user, (int)((byte*)&attr.sample_regs_user - start)),
            ("sample_stack_user", c.off_sample_stack_user, (int)((byte*)&attr.sample_stack_user - start)),
            ("clockid", c.off_clockid, (int)((byte*)&attr.clockid - start)),
            ("sample_regs_intr", c.off_sample_regs_intr, (int)((byte*)&attr.sample_regs_intr - start)),
            ("aux_watermark", c.off_aux_watermark, (int)((byte*)&attr.aux_watermark - start)),
            ("sample_max_stack", c.off_sample_max_stack, (int)((byte*)&attr.sample_max_stack - start)),
            ("__reserved_2", c.off_reserved_2, (int)((byte*)&attr.__reserved_2 - start)),
            ("aux_sample_size", c.off_aux_sample_size, (int)((byte*)&attr.aux_sample_size - start)),
            ("__reserved_3", c.off_reserved_3, (int)((byte*)&attr.__reserved_3 - start)),
            ("sig_data", c.off_sig_data, (int)((byte*)&attr.sig_data - start)),
        ];

        Assert.Equal(Describe(fields, f => f.C), Describe(fields, f => f.Managed));
    }

    [Fact]
    public void Every_named_flag_is_the_bit_the_C_bitfield_occupies()
    {
        Interop.HwLabNative.hwlab_perf_event_attr_layout c = CompiledLayout();

        (string Name, long C, long Managed)[] bits =
        [
            ("disabled", c.bit_disabled, Bit(perf_event_attr.disabled)),
            ("inherit", c.bit_inherit, Bit(perf_event_attr.inherit)),
            ("pinned", c.bit_pinned, Bit(perf_event_attr.pinned)),
            ("exclusive", c.bit_exclusive, Bit(perf_event_attr.exclusive)),
            ("exclude_user", c.bit_exclude_user, Bit(perf_event_attr.exclude_user)),
            ("exclude_kernel", c.bit_exclude_kernel, Bit(perf_event_attr.exclude_kernel)),
            ("exclude_hv", c.bit_exclude_hv, Bit(perf_event_attr.exclude_hv)),
            ("exclude_idle", c.bit_exclude_idle, Bit(perf_event_attr.exclude_idle)),
            ("mmap", c.bit_mmap, Bit(perf_event_attr.mmap)),
            ("comm", c.bit_comm, Bit(perf_event_attr.comm)),
            ("freq", c.bit_freq, Bit(perf_event_attr.freq)),
            ("inherit_stat", c.bit_inherit_stat, Bit(perf_event_attr.inherit_stat)),
            ("enable_on_exec", c.bit_enable_on_exec, Bit(perf_event_attr.enable_on_exec)),
            ("task", c.bit_task, Bit(perf_event_attr.task)),
            ("watermark", c.bit_watermark, Bit(perf_event_attr.watermark)),
            ("precise_ip (lowest bit)", c.bit_precise_ip, perf_event_attr.precise_ip_shift),
            ("precise_ip (width)", c.width_precise_ip, BitOperations.PopCount(perf_event_attr.precise_ip_mask)),
            ("precise_ip (mask)", c.bit_precise_ip, Bit(perf_event_attr.precise_ip_mask)),
            ("mmap_data", c.bit_mmap_data, Bit(perf_event_attr.mmap_data)),
            ("sample_id_all", c.bit_sample_id_all, Bit(perf_event_attr.sample_id_all)),
            ("exclude_host", c.bit_exclude_host, Bit(perf_event_attr.exclude_host)),
            ("exclude_guest", c.bit_exclude_guest, Bit(perf_event_attr.exclude_guest)),
            ("exclude_callchain_kernel", c.bit_exclude_callchain_kernel, Bit(perf_event_attr.exclude_callchain_kernel)),
            ("exclude_callchain_user", c.bit_exclude_callchain_user, Bit(perf_event_attr.exclude_callchain_user)),
            ("mmap2", c.bit_mmap2, Bit(perf_event_attr.mmap2)),
            ("comm_exec", c.bit_comm_exec, Bit(perf_event_attr.comm_exec)),
            ("use_clockid", c.bit_use_clockid, Bit(perf_event_attr.use_clockid)),
            ("context_switch", c.bit_context_switch, Bit(perf_event_attr.context_switch)),
            ("write_backward", c.bit_write_backward, Bit(perf_event_attr.write_backward)),
            ("namespaces", c.bit_namespaces, Bit(perf_event_attr.namespaces)),
            ("ksymbol", c.bit_ksymbol, Bit(perf_event_attr.ksymbol)),
            ("bpf_event", c.bit_bpf_event, Bit(perf_event_attr.bpf_event)),
            ("aux_output", c.bit_aux_output, Bit(perf_event_attr.aux_output)),
            ("cgroup", c.bit_cgroup, Bit(perf_event_attr.cgroup)),
            ("text_poke", c.bit_text_poke, Bit(perf_event_attr.text_poke)),
            ("build_id", c.bit_build_id, Bit(perf_event_attr.build_id)),
            ("inherit_thread", c.bit_inherit_thread, Bit(perf_event_attr.inherit_thread)),
            ("remove_on_exec", c.bit_remove_on_exec, Bit(perf_event_attr.remove_on_exec)),
            ("sigtrap", c.bit_sigtrap, Bit(perf_event_attr.sigtrap)),
        ];

        Assert.Equal(Describe(bits, b => b.C), Describe(bits, b => b.Managed));
    }

    [Fact]
    public void Struct_size_is_PERF_ATTR_SIZE_VER7_and_no_larger_than_the_header_struct()
    {
        Interop.HwLabNative.hwlab_perf_event_attr_layout c = CompiledLayout();
        int managed = sizeof(perf_event_attr);

        Assert.Equal(c.perf_attr_size_ver7, managed);
        Assert.Equal(c.off_sig_data + sizeof(ulong), managed); // nothing after the last mirrored field
        // A header newer than Linux 5.13 appends fields after sig_data (config3 in 6.3); the size
        // passed to the kernel says which version HwLab speaks, so that is not a mismatch.
        if (c.attr_size != managed)
        {
            Assert.True(c.attr_size > managed, $"<linux/perf_event.h> has sizeof(struct perf_event_attr) = {c.attr_size}, smaller than the mirror's {managed}.");
        }
    }

    [Fact]
    public void Perf_constants_match_the_header()
    {
        Interop.HwLabNative.hwlab_perf_event_attr_layout c = CompiledLayout();

        (string Name, long C, long Managed)[] constants =
        [
            ("PERF_ATTR_SIZE_VER0", c.perf_attr_size_ver0, PERF_ATTR_SIZE_VER0),
            ("PERF_ATTR_SIZE_VER5", c.perf_attr_size_ver5, PERF_ATTR_SIZE_VER5),
            ("PERF_ATTR_SIZE_VER7", c.perf_attr_size_ver7, PERF_ATTR_SIZE_VER7),
            ("PERF_TYPE_HARDWARE", c.perf_type_hardware, PERF_TYPE_HARDWARE),
            ("PERF_TYPE_SOFTWARE", c.perf_type_software, PERF_TYPE_SOFTWARE),
            ("PERF_COUNT_HW_CPU_CYCLES", c.perf_count_hw_cpu_cycles, (long)PERF_COUNT_HW_CPU_CYCLES),
            ("PERF_COUNT_HW_INSTRUCTIONS", c.perf_count_hw_instructions, (long)PERF_COUNT_HW_INSTRUCTIONS),
            ("PERF_COUNT_HW_CACHE_MISSES", c.perf_count_hw_cache_misses, (long)PERF_COUNT_HW_CACHE_MISSES),
            ("PERF_COUNT_SW_TASK_CLOCK", c.perf_count_sw_task_clock, (long)PERF_COUNT_SW_TASK_CLOCK),
            ("PERF_COUNT_SW_CONTEXT_SWITCHES", c.perf_count_sw_context_switches, (long)PERF_COUNT_SW_CONTEXT_SWITCHES),
            ("PERF_COUNT_SW_CPU_MIGRATIONS", c.perf_count_sw_cpu_migrations, (long)PERF_COUNT_SW_CPU_MIGRATIONS),
            ("PERF_FORMAT_TOTAL_TIME_ENABLED", c.perf_format_total_time_enabled, (long)PERF_FORMAT_TOTAL_TIME_ENABLED),
            ("PERF_FORMAT_TOTAL_TIME_RUNNING", c.perf_format_total_time_running, (long)PERF_FORMAT_TOTAL_TIME_RUNNING),
            ("PERF_FLAG_FD_CLOEXEC", c.perf_flag_fd_cloexec, (long)PERF_FLAG_FD_CLOEXEC),
        ];

        Assert.Equal(Describe(constants, k => k.C), Describe(constants, k => k.Managed));
    }

    [Fact]
    public void Syscall_number_is_the_one_in_sys_syscall_h()
    {
        Interop.HwLabNative.hwlab_perf_event_attr_layout c = CompiledLayout();
        // The library was built on this machine, so <sys/syscall.h> is for this architecture.
        Assert.True(SYS_perf_event_open > 0, $"HwLab carries no perf_event_open syscall number for {RuntimeInformation.ProcessArchitecture}.");
        Assert.Equal(c.sys_perf_event_open, (long)SYS_perf_event_open);
    }

    private static Interop.HwLabNative.hwlab_perf_event_attr_layout CompiledLayout()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "perf_event_attr exists on Linux only.");
        Interop.HwLabNative.hwlab_perf_event_attr_layout layout;
        int described = Interop.HwLabNative.PerfEventAttrLayout(&layout);
        Assert.SkipWhen(described == -1, "<linux/perf_event.h> on the build machine predates Linux 5.13 (no PERF_ATTR_SIZE_VER7), so the mirror cannot be checked against it; install newer kernel headers (linux-libc-dev).");
        Assert.Equal(1, described);
        return layout;
    }

    private static int Bit(ulong mask) => BitOperations.TrailingZeroCount(mask);

    // "name: value" lines, so a mismatch shows every field that differs at once, by name.
    private static string[] Describe((string Name, long C, long Managed)[] rows, Func<(string Name, long C, long Managed), long> value)
        => [.. rows.Select(r => $"{r.Name}: {value(r)}")];
}
