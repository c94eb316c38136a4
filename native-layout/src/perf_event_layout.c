/*
 * Reports struct perf_event_attr as the compiler lays it out from <linux/perf_event.h>, so the
 * managed mirror is tested against the C it mirrors. Bitfields have no offsetof: each one is
 * set alone in a zeroed struct and the bit that lights up in the flags word is reported, which
 * also follows the compiler on a big-endian target, where bitfields fill from the top.
 */
#include "hwlab_native.h"

#include <string.h>

#if defined(__linux__)
#include <linux/perf_event.h>
#include <stddef.h>
#include <sys/syscall.h>
#endif

#if defined(__linux__) && defined(PERF_ATTR_SIZE_VER7)

/* The unnamed bitfield word follows read_format and precedes the wakeup_events union. */
#define FLAGS_OFFSET (offsetof(struct perf_event_attr, read_format) + sizeof(__u64))
_Static_assert(offsetof(struct perf_event_attr, wakeup_events) == FLAGS_OFFSET + sizeof(__u64),
               "the bitfield word of perf_event_attr is not the one 64-bit word after read_format");

static __u64 flags_word(const struct perf_event_attr *attr)
{
    __u64 word;
    memcpy(&word, (const char *)attr + FLAGS_OFFSET, sizeof(word));
    return word;
}

/* The lowest bit the field occupies when set to 1, or -1 if it does not land in the word. */
#define BIT_OF(field)                                          \
    do {                                                       \
        struct perf_event_attr attr;                           \
        memset(&attr, 0, sizeof(attr));                        \
        attr.field = 1;                                        \
        __u64 word = flags_word(&attr);                        \
        layout->bit_##field = word != 0 ? __builtin_ctzll(word) : -1; \
    } while (0)

#define OFFSET_OF(field) (layout->off_##field = (int32_t)offsetof(struct perf_event_attr, field))

static void fill(struct hwlab_perf_event_attr_layout *layout)
{
    layout->attr_size = (int32_t)sizeof(struct perf_event_attr);

    OFFSET_OF(type);
    OFFSET_OF(size);
    OFFSET_OF(config);
    OFFSET_OF(sample_period);
    OFFSET_OF(sample_freq);
    OFFSET_OF(sample_type);
    OFFSET_OF(read_format);
    layout->off_flags = (int32_t)FLAGS_OFFSET;
    OFFSET_OF(wakeup_events);
    OFFSET_OF(wakeup_watermark);
    OFFSET_OF(bp_type);
    OFFSET_OF(bp_addr);
    OFFSET_OF(config1);
    OFFSET_OF(bp_len);
    OFFSET_OF(config2);
    OFFSET_OF(branch_sample_type);
    OFFSET_OF(sample_regs_user);
    OFFSET_OF(sample_stack_user);
    OFFSET_OF(clockid);
    OFFSET_OF(sample_regs_intr);
    OFFSET_OF(aux_watermark);
    OFFSET_OF(sample_max_stack);
    layout->off_reserved_2 = (int32_t)offsetof(struct perf_event_attr, __reserved_2);
    OFFSET_OF(aux_sample_size);
    layout->off_reserved_3 = (int32_t)offsetof(struct perf_event_attr, __reserved_3);
    OFFSET_OF(sig_data);

    BIT_OF(disabled);
    BIT_OF(inherit);
    BIT_OF(pinned);
    BIT_OF(exclusive);
    BIT_OF(exclude_user);
    BIT_OF(exclude_kernel);
    BIT_OF(exclude_hv);
    BIT_OF(exclude_idle);
    BIT_OF(mmap);
    BIT_OF(comm);
    BIT_OF(freq);
    BIT_OF(inherit_stat);
    BIT_OF(enable_on_exec);
    BIT_OF(task);
    BIT_OF(watermark);
    BIT_OF(precise_ip);
    BIT_OF(mmap_data);
    BIT_OF(sample_id_all);
    BIT_OF(exclude_host);
    BIT_OF(exclude_guest);
    BIT_OF(exclude_callchain_kernel);
    BIT_OF(exclude_callchain_user);
    BIT_OF(mmap2);
    BIT_OF(comm_exec);
    BIT_OF(use_clockid);
    BIT_OF(context_switch);
    BIT_OF(write_backward);
    BIT_OF(namespaces);
    BIT_OF(ksymbol);
    BIT_OF(bpf_event);
    BIT_OF(aux_output);
    BIT_OF(cgroup);
    BIT_OF(text_poke);
    BIT_OF(build_id);
    BIT_OF(inherit_thread);
    BIT_OF(remove_on_exec);
    BIT_OF(sigtrap);

    /* The width of precise_ip: wrap it below zero so every bit it has is set, and count them. */
    struct perf_event_attr wide;
    memset(&wide, 0, sizeof(wide));
    wide.precise_ip -= 1;
    layout->width_precise_ip = __builtin_popcountll(flags_word(&wide));

    layout->perf_attr_size_ver0 = PERF_ATTR_SIZE_VER0;
    layout->perf_attr_size_ver5 = PERF_ATTR_SIZE_VER5;
    layout->perf_attr_size_ver7 = PERF_ATTR_SIZE_VER7;
    layout->perf_type_hardware = PERF_TYPE_HARDWARE;
    layout->perf_type_software = PERF_TYPE_SOFTWARE;
    layout->perf_count_hw_cpu_cycles = PERF_COUNT_HW_CPU_CYCLES;
    layout->perf_count_hw_instructions = PERF_COUNT_HW_INSTRUCTIONS;
    layout->perf_count_hw_cache_misses = PERF_COUNT_HW_CACHE_MISSES;
    layout->perf_count_sw_task_clock = PERF_COUNT_SW_TASK_CLOCK;
    layout->perf_count_sw_context_switches = PERF_COUNT_SW_CONTEXT_SWITCHES;
    layout->perf_count_sw_cpu_migrations = PERF_COUNT_SW_CPU_MIGRATIONS;
    layout->perf_format_total_time_enabled = PERF_FORMAT_TOTAL_TIME_ENABLED;
    layout->perf_format_total_time_running = PERF_FORMAT_TOTAL_TIME_RUNNING;
    layout->perf_flag_fd_cloexec = (int32_t)PERF_FLAG_FD_CLOEXEC;
    layout->sys_perf_event_open = SYS_perf_event_open;
}

#endif

int32_t hwlab_perf_event_attr_layout(struct hwlab_perf_event_attr_layout *layout)
{
    memset(layout, 0, sizeof(*layout));
    layout->layout_size = (int32_t)sizeof(*layout);
#if defined(__linux__) && defined(PERF_ATTR_SIZE_VER7)
    fill(layout);
    return 1;
#elif defined(__linux__)
    return -1;
#else
    return 0;
#endif
}
