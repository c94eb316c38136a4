using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class HwLabNative
    {
        /// <summary>
        /// struct hwlab_perf_event_attr_layout (native-layout/include/hwlab_native.h): what the C
        /// compiler makes of struct perf_event_attr and the perf constants, all as int32, in the
        /// header's order. layout_size guards this mirror itself.
        /// </summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct hwlab_perf_event_attr_layout
        {
            internal int layout_size;
            internal int attr_size;

            internal int off_type;
            internal int off_size;
            internal int off_config;
            internal int off_sample_period;
            internal int off_sample_freq;
            internal int off_sample_type;
            internal int off_read_format;
            internal int off_flags;
            internal int off_wakeup_events;
            internal int off_wakeup_watermark;
            internal int off_bp_type;
            internal int off_bp_addr;
            internal int off_config1;
            internal int off_bp_len;
            internal int off_config2;
            internal int off_branch_sample_type;
            internal int off_sample_regs_user;
            internal int off_sample_stack_user;
            internal int off_clockid;
            internal int off_sample_regs_intr;
            internal int off_aux_watermark;
            internal int off_sample_max_stack;
            internal int off_reserved_2;
            internal int off_aux_sample_size;
            internal int off_reserved_3;
            internal int off_sig_data;

            internal int bit_disabled;
            internal int bit_inherit;
            internal int bit_pinned;
            internal int bit_exclusive;
            internal int bit_exclude_user;
            internal int bit_exclude_kernel;
            internal int bit_exclude_hv;
            internal int bit_exclude_idle;
            internal int bit_mmap;
            internal int bit_comm;
            internal int bit_freq;
            internal int bit_inherit_stat;
            internal int bit_enable_on_exec;
            internal int bit_task;
            internal int bit_watermark;
            internal int bit_precise_ip;
            internal int width_precise_ip;
            internal int bit_mmap_data;
            internal int bit_sample_id_all;
            internal int bit_exclude_host;
            internal int bit_exclude_guest;
            internal int bit_exclude_callchain_kernel;
            internal int bit_exclude_callchain_user;
            internal int bit_mmap2;
            internal int bit_comm_exec;
            internal int bit_use_clockid;
            internal int bit_context_switch;
            internal int bit_write_backward;
            internal int bit_namespaces;
            internal int bit_ksymbol;
            internal int bit_bpf_event;
            internal int bit_aux_output;
            internal int bit_cgroup;
            internal int bit_text_poke;
            internal int bit_build_id;
            internal int bit_inherit_thread;
            internal int bit_remove_on_exec;
            internal int bit_sigtrap;

            internal int perf_attr_size_ver0;
            internal int perf_attr_size_ver5;
            internal int perf_attr_size_ver7;
            internal int perf_type_hardware;
            internal int perf_type_software;
            internal int perf_count_hw_cpu_cycles;
            internal int perf_count_hw_instructions;
            internal int perf_count_hw_cache_misses;
            internal int perf_count_sw_task_clock;
            internal int perf_count_sw_context_switches;
            internal int perf_count_sw_cpu_migrations;
            internal int perf_format_total_time_enabled;
            internal int perf_format_total_time_running;
            internal int perf_flag_fd_cloexec;
            internal int sys_perf_event_open;
        }
    }
}
