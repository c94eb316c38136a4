/*
 * The exported surface of libhwlab_native. Every function the managed side calls is
 * declared here with HWLAB_EXPORT; the managed declarations live in
 * src/HwLab.Native/Interop/HwLabNative/.
 */
#ifndef HWLAB_NATIVE_H
#define HWLAB_NATIVE_H

#include <stdint.h>

#if defined(_WIN32)
#define HWLAB_EXPORT __declspec(dllexport)
#else
#define HWLAB_EXPORT __attribute__((visibility("default")))
#endif

/*
 * Bumped whenever an exported signature or a mirrored layout changes, so that a managed
 * build never runs against a stale library without saying so.
 */
#define HWLAB_NATIVE_ABI_VERSION 6

/* The ABI version this library was built with (HWLAB_NATIVE_ABI_VERSION). */
HWLAB_EXPORT int32_t hwlab_native_abi_version(void);

/* The library's version string, "major.minor.patch", static storage. */
HWLAB_EXPORT const char *hwlab_native_version(void);

/*
 * struct perf_event_attr as the build machine's <linux/perf_event.h> compiles it, and the
 * perf ABI constants HwLab uses, so the managed mirror (Interop.Libc.perf_event_attr) is
 * checked against the compiler rather than against numbers typed by hand. Every member is
 * an int32_t so the managed side mirrors this struct as a plain run of ints;
 * src/HwLab.Native/Interop/HwLabNative/Interop.PerfEventAttrLayout.cs follows this order.
 *
 *   layout_size  sizeof(struct hwlab_perf_event_attr_layout), to catch a stale mirror of it
 *   attr_size    sizeof(struct perf_event_attr)
 *   off_*        offsetof(struct perf_event_attr, *); off_flags is the 64-bit bitfield word
 *                after read_format, which C leaves unnamed
 *   bit_*        the bit each 1-bit field of that word occupies (its lowest bit for precise_ip)
 *   width_precise_ip  how many bits precise_ip spans
 *   the rest     the value of the constant of the same name in capitals (the names
 *                cannot be the same: most of those constants are macros)
 */
struct hwlab_perf_event_attr_layout {
    int32_t layout_size;
    int32_t attr_size;

    int32_t off_type;
    int32_t off_size;
    int32_t off_config;
    int32_t off_sample_period;
    int32_t off_sample_freq;
    int32_t off_sample_type;
    int32_t off_read_format;
    int32_t off_flags;
    int32_t off_wakeup_events;
    int32_t off_wakeup_watermark;
    int32_t off_bp_type;
    int32_t off_bp_addr;
    int32_t off_config1;
    int32_t off_bp_len;
    int32_t off_config2;
    int32_t off_branch_sample_type;
    int32_t off_sample_regs_user;
    int32_t off_sample_stack_user;
    int32_t off_clockid;
    int32_t off_sample_regs_intr;
    int32_t off_aux_watermark;
    int32_t off_sample_max_stack;
    int32_t off_reserved_2;
    int32_t off_aux_sample_size;
    int32_t off_reserved_3;
    int32_t off_sig_data;

    int32_t bit_disabled;
    int32_t bit_inherit;
    int32_t bit_pinned;
    int32_t bit_exclusive;
    int32_t bit_exclude_user;
    int32_t bit_exclude_kernel;
    int32_t bit_exclude_hv;
    int32_t bit_exclude_idle;
    int32_t bit_mmap;
    int32_t bit_comm;
    int32_t bit_freq;
    int32_t bit_inherit_stat;
    int32_t bit_enable_on_exec;
    int32_t bit_task;
    int32_t bit_watermark;
    int32_t bit_precise_ip;
    int32_t width_precise_ip;
    int32_t bit_mmap_data;
    int32_t bit_sample_id_all;
    int32_t bit_exclude_host;
    int32_t bit_exclude_guest;
    int32_t bit_exclude_callchain_kernel;
    int32_t bit_exclude_callchain_user;
    int32_t bit_mmap2;
    int32_t bit_comm_exec;
    int32_t bit_use_clockid;
    int32_t bit_context_switch;
    int32_t bit_write_backward;
    int32_t bit_namespaces;
    int32_t bit_ksymbol;
    int32_t bit_bpf_event;
    int32_t bit_aux_output;
    int32_t bit_cgroup;
    int32_t bit_text_poke;
    int32_t bit_build_id;
    int32_t bit_inherit_thread;
    int32_t bit_remove_on_exec;
    int32_t bit_sigtrap;

    int32_t perf_attr_size_ver0;
    int32_t perf_attr_size_ver5;
    int32_t perf_attr_size_ver7;
    int32_t perf_type_hardware;
    int32_t perf_type_software;
    int32_t perf_count_hw_cpu_cycles;
    int32_t perf_count_hw_instructions;
    int32_t perf_count_hw_cache_misses;
    int32_t perf_count_sw_task_clock;
    int32_t perf_count_sw_context_switches;
    int32_t perf_count_sw_cpu_migrations;
    int32_t perf_format_total_time_enabled;
    int32_t perf_format_total_time_running;
    int32_t perf_flag_fd_cloexec;
    /* SYS_perf_event_open: the syscall number on the architecture the library was built for. */
    int32_t sys_perf_event_open;
};

/*
 * Fills *layout. Returns 1 when it describes <linux/perf_event.h>; 0 on an OS without
 * perf_event_open (everything but layout_size is then 0); -1 on Linux when the installed
 * header predates PERF_ATTR_SIZE_VER7 (Linux 5.13), older than the managed mirror.
 */
HWLAB_EXPORT int32_t hwlab_perf_event_attr_layout(struct hwlab_perf_event_attr_layout *layout);

/*
 * The layout probe (src/layout_probe.c): every struct of swap_cluster_info.h and
 * qspinlock_types.h as the compiler lays it out, with their constants, as JSON. Writes at most capacity bytes, NUL included, to buffer (which may be
 * NULL when capacity is 0) and returns the size the whole document needs, NUL included.
 */
HWLAB_EXPORT int32_t hwlab_layout_probe_json(char *buffer, int32_t capacity);

/*
 * The kernel's bit spinlock on one bit of an unsigned long (src/bit_spinlock.c): lock bts to
 * acquire, spin on a plain read with pause, atomic clear to release. trylock returns 1 when it
 * took the lock.
 */
HWLAB_EXPORT void hwlab_bit_spin_lock(unsigned long *addr, int32_t bitnum);
HWLAB_EXPORT int32_t hwlab_bit_spin_trylock(unsigned long *addr, int32_t bitnum);
HWLAB_EXPORT void hwlab_bit_spin_unlock(unsigned long *addr, int32_t bitnum);

struct qspinlock;
struct qspinlock_cpu;

/*
 * The kernel's queued spinlock on a 4-byte lock word (src/qspinlock.c, types in qspinlock_types.h):
 * cmpxchg 0 -> locked on the fast path; the pending bit, then an MCS queue, on the slow path;
 * release is a byte store of 0. The slow path queues on node table cpus (stride bytes from one
 * CPU's struct qspinlock_cpu to the next) as CPU cpu, a slot the calling thread must own alone
 * for as long as it may lock: every thread taking one lock must use the same table. trylock
 * returns 1 when it took the lock.
 */
HWLAB_EXPORT void hwlab_queued_spin_lock(struct qspinlock *lock, struct qspinlock_cpu *cpus, int32_t stride, int32_t cpu);
HWLAB_EXPORT int32_t hwlab_queued_spin_trylock(struct qspinlock *lock);
HWLAB_EXPORT void hwlab_queued_spin_unlock(struct qspinlock *lock);

struct swap_cluster_info_seed;

/*
 * The falseshare worker's loop (src/cache_line_loops.c): `iterations` times, take the cluster's
 * bit lock (bit CLUSTER_FLAG_LOCK_BIT), add one to its count as cluster_set_count does, release.
 * Returns the count after the last update.
 */
HWLAB_EXPORT uint64_t hwlab_cluster_lock_loop(struct swap_cluster_info_seed *ci, uint64_t iterations);

/*
 * The same loop with the lock's instructions at the widths v4.10's x86 bitops.h assembles for the
 * seed's constant lock bit: `lock btsl` to take it, `lock andb` to release it (src/bit_spinlock.h).
 */
HWLAB_EXPORT uint64_t hwlab_cluster_lock_loop_v4_10(struct swap_cluster_info_seed *ci, uint64_t iterations);

/*
 * One side of the core-to-core ping-pong on *line: role 0 pings, role 1 pongs, for rounds
 * first_round .. first_round + rounds - 1 (both sides must pass the same numbers). Returns the
 * line's value at the end: 2 * (first_round + rounds) once both sides are done.
 */
HWLAB_EXPORT uint64_t hwlab_pingpong(uint64_t *line, int32_t role, uint64_t first_round, uint64_t rounds);

#endif
