using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Libc
    {
        // <linux/perf_event.h>, the values PerfEventAttrLayoutTests checks against the compiled header.
        internal const uint PERF_TYPE_HARDWARE = 0;
        internal const uint PERF_TYPE_SOFTWARE = 1;

        internal const ulong PERF_COUNT_HW_CPU_CYCLES = 0;
        internal const ulong PERF_COUNT_HW_INSTRUCTIONS = 1;
        internal const ulong PERF_COUNT_HW_CACHE_MISSES = 3;

        internal const ulong PERF_COUNT_SW_TASK_CLOCK = 1;
        internal const ulong PERF_COUNT_SW_CONTEXT_SWITCHES = 3;
        internal const ulong PERF_COUNT_SW_CPU_MIGRATIONS = 4;

        internal const ulong PERF_FORMAT_TOTAL_TIME_ENABLED = 1UL << 0;
        internal const ulong PERF_FORMAT_TOTAL_TIME_RUNNING = 1UL << 1;

        internal const uint PERF_ATTR_SIZE_VER0 = 64;
        internal const uint PERF_ATTR_SIZE_VER5 = 112;
        internal const uint PERF_ATTR_SIZE_VER7 = 128;

        /// <summary>
        /// struct perf_event_attr from &lt;linux/perf_event.h&gt;, up to sig_data (PERF_ATTR_SIZE_VER7, Linux 5.13).
        /// The kernel versions the struct by its size field: a newer header appends fields after
        /// sig_data, which a caller that passes this size simply does not use.
        /// </summary>
        [StructLayout(LayoutKind.Explicit)]
        internal struct perf_event_attr
        {
            // The bitfield word C declares after read_format without a name; each constant below
            // is the mask of the C bitfield of the same name:
            //
            //  63 ........ 38 | 37 sigtrap | 36 remove_on_exec | 35 inherit_thread | 34 build_id
            //  33 text_poke | 32 cgroup | 31 aux_output | 30 bpf_event | 29 ksymbol | 28 namespaces
            //  27 write_backward | 26 context_switch | 25 use_clockid | 24 comm_exec | 23 mmap2
            //  22 exclude_callchain_user | 21 exclude_callchain_kernel | 20 exclude_guest
            //  19 exclude_host | 18 sample_id_all | 17 mmap_data | 16..15 precise_ip | 14 watermark
            //  13 task | 12 enable_on_exec | 11 inherit_stat | 10 freq | 9 comm | 8 mmap
            //  7 exclude_idle | 6 exclude_hv | 5 exclude_kernel | 4 exclude_user | 3 exclusive
            //  2 pinned | 1 inherit | 0 disabled
            //
            // Bits 63..38 are __reserved_1 and must stay zero. This is the order GCC and Clang give
            // little-endian targets; the layout test checks every bit against the compiler.
            internal const ulong disabled = 1UL << 0;
            internal const ulong inherit = 1UL << 1;
            internal const ulong pinned = 1UL << 2;
            internal const ulong exclusive = 1UL << 3;
            internal const ulong exclude_user = 1UL << 4;
            internal const ulong exclude_kernel = 1UL << 5;
            internal const ulong exclude_hv = 1UL << 6;
            internal const ulong exclude_idle = 1UL << 7;
            internal const ulong mmap = 1UL << 8;
            internal const ulong comm = 1UL << 9;
            internal const ulong freq = 1UL << 10;
            internal const ulong inherit_stat = 1UL << 11;
            internal const ulong enable_on_exec = 1UL << 12;
            internal const ulong task = 1UL << 13;
            internal const ulong watermark = 1UL << 14;
            internal const int precise_ip_shift = 15;
            internal const ulong precise_ip_mask = 3UL << precise_ip_shift;
            internal const ulong mmap_data = 1UL << 17;
            internal const ulong sample_id_all = 1UL << 18;
            internal const ulong exclude_host = 1UL << 19;
            internal const ulong exclude_guest = 1UL << 20;
            internal const ulong exclude_callchain_kernel = 1UL << 21;
            internal const ulong exclude_callchain_user = 1UL << 22;
            internal const ulong mmap2 = 1UL << 23;
            internal const ulong comm_exec = 1UL << 24;
            internal const ulong use_clockid = 1UL << 25;
            internal const ulong context_switch = 1UL << 26;
            internal const ulong write_backward = 1UL << 27;
            internal const ulong namespaces = 1UL << 28;
            internal const ulong ksymbol = 1UL << 29;
            internal const ulong bpf_event = 1UL << 30;
            internal const ulong aux_output = 1UL << 31;
            internal const ulong cgroup = 1UL << 32;
            internal const ulong text_poke = 1UL << 33;
            internal const ulong build_id = 1UL << 34;
            internal const ulong inherit_thread = 1UL << 35;
            internal const ulong remove_on_exec = 1UL << 36;
            internal const ulong sigtrap = 1UL << 37;

            [FieldOffset(0)] internal uint type;          // PERF_TYPE_*
            [FieldOffset(4)] internal uint size;          // sizeof the struct the caller speaks, for forward/backward compatibility
            [FieldOffset(8)] internal ulong config;       // PERF_COUNT_* within the type

            [FieldOffset(16)] internal ulong sample_period; // union with sample_freq
            [FieldOffset(16)] internal ulong sample_freq;

            [FieldOffset(24)] internal ulong sample_type;
            [FieldOffset(32)] internal ulong read_format; // PERF_FORMAT_*: what read(2) returns
            [FieldOffset(40)] internal ulong flags;       // the bitfield word drawn above

            [FieldOffset(48)] internal uint wakeup_events; // union with wakeup_watermark
            [FieldOffset(48)] internal uint wakeup_watermark;

            [FieldOffset(52)] internal uint bp_type;

            [FieldOffset(56)] internal ulong bp_addr;     // union with config1 (and kprobe_func, uprobe_path)
            [FieldOffset(56)] internal ulong config1;

            [FieldOffset(64)] internal ulong bp_len;      // union with config2 (and kprobe_addr, probe_offset)
            [FieldOffset(64)] internal ulong config2;

            [FieldOffset(72)] internal ulong branch_sample_type;
            [FieldOffset(80)] internal ulong sample_regs_user;
            [FieldOffset(88)] internal uint sample_stack_user;
            [FieldOffset(92)] internal int clockid;
            [FieldOffset(96)] internal ulong sample_regs_intr;
            [FieldOffset(104)] internal uint aux_watermark;
            [FieldOffset(108)] internal ushort sample_max_stack;
            [FieldOffset(110)] internal ushort __reserved_2;
            [FieldOffset(112)] internal uint aux_sample_size;
            [FieldOffset(116)] internal uint __reserved_3;
            [FieldOffset(120)] internal ulong sig_data;
        }
    }
}
