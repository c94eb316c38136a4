/*
 * The queued spinlock (qspinlock) as x86_64 compiles it: spinlock_t since 4.2. Three things live
 * here, each laid out as the kernel lays it out and checked against the managed mirrors in
 * src/HwLab.Layout/Kernel by the layout probe (src/layout_probe.c):
 *
 *   struct qspinlock      the 4-byte lock word of include/asm-generic/qspinlock_types.h, with the
 *                         union of byte and half-word views the kernel reads and writes it through
 *                         (read at 4.19.20, torvalds/linux commit 60a5825e9cbe; little-endian order)
 *   struct mcs_spinlock   one queue node of kernel/locking/mcs_spinlock.h
 *   struct qspinlock_cpu  one CPU's share of kernel/locking/qspinlock.c: its MAX_NODES queue nodes,
 *                         then the two counters CONFIG_QUEUED_LOCK_STAT keeps for the paths below
 *
 * The _Q_* names and MAX_NODES keep the kernel's names and values.
 */
#ifndef HWLAB_QSPINLOCK_TYPES_H
#define HWLAB_QSPINLOCK_TYPES_H

#include <stdint.h>

/*
 * The lock word when NR_CPUS < 16K (every x86_64 configuration up to 8192 CPUs):
 *
 *   31 .............. 18 | 17 .. 16 | 15 ...... 9 | 8       | 7 ............ 0
 *   tail CPU + 1         | tail idx | unused      | pending | locked byte
 *   \______________ tail: u16 _______/ \__________ locked_pending: u16 ________/
 *
 * locked   1 while the lock is held. The holder releases with one byte store of 0.
 * pending  the first waiter spins on the word itself instead of queueing. Only bit 8 is used,
 *          but the whole second byte is the pending field, so that taking over (pending 1 -> 0,
 *          locked 0 -> 1) is one 16-bit store and clearing pending one byte store.
 * tail     the last queued waiter's node, as (CPU + 1, nesting index); 0 means nobody is queued,
 *          which is why the CPU is stored plus one.
 */
struct qspinlock {
    union {
        uint32_t val;
        struct {
            uint8_t locked;
            uint8_t pending;
        };
        struct {
            uint16_t locked_pending;
            uint16_t tail;
        };
    };
};

#define _Q_LOCKED_OFFSET 0
#define _Q_LOCKED_BITS 8
#define _Q_LOCKED_MASK (((1U << _Q_LOCKED_BITS) - 1) << _Q_LOCKED_OFFSET)

#define _Q_PENDING_OFFSET (_Q_LOCKED_OFFSET + _Q_LOCKED_BITS)
#define _Q_PENDING_BITS 8
#define _Q_PENDING_MASK (((1U << _Q_PENDING_BITS) - 1) << _Q_PENDING_OFFSET)

#define _Q_TAIL_IDX_OFFSET (_Q_PENDING_OFFSET + _Q_PENDING_BITS)
#define _Q_TAIL_IDX_BITS 2
#define _Q_TAIL_IDX_MASK (((1U << _Q_TAIL_IDX_BITS) - 1) << _Q_TAIL_IDX_OFFSET)

#define _Q_TAIL_CPU_OFFSET (_Q_TAIL_IDX_OFFSET + _Q_TAIL_IDX_BITS)
#define _Q_TAIL_CPU_BITS (32 - _Q_TAIL_CPU_OFFSET)
#define _Q_TAIL_CPU_MASK (((1U << _Q_TAIL_CPU_BITS) - 1) << _Q_TAIL_CPU_OFFSET)

#define _Q_TAIL_OFFSET _Q_TAIL_IDX_OFFSET
#define _Q_TAIL_MASK (_Q_TAIL_IDX_MASK | _Q_TAIL_CPU_MASK)

#define _Q_LOCKED_VAL (1U << _Q_LOCKED_OFFSET)
#define _Q_PENDING_VAL (1U << _Q_PENDING_OFFSET)
/* qspinlock.c: the bits a queue head waits to see clear */
#define _Q_LOCKED_PENDING_MASK (_Q_LOCKED_MASK | _Q_PENDING_MASK)

/*
 * How many times a waiter that finds the word exactly pending (a take-over in flight) reads it
 * again before queueing: x86's value (arch/x86/include/asm/qspinlock.h); the generic one is 1.
 */
#define _Q_PENDING_LOOPS (1 << 9)

/* Nodes per CPU: one per context that can nest a spin_lock slow path (task, softirq, hardirq, NMI). */
#define MAX_NODES 4

/* A waiter's place in the queue. Its owner spins on locked; the waiter ahead sets it. */
struct mcs_spinlock {
    struct mcs_spinlock *next; /* the waiter queued behind this one; written by that waiter */
    int locked;                /* 1 once this waiter heads the queue */
    int count;                 /* node 0 only: how many of its CPU's nodes are in use */
};

/*
 * One CPU's queue nodes, 64 bytes (one line, as the kernel's per-CPU aligned qnodes[] array),
 * then how often its lock calls took the pending path and the queue. Only the owning CPU writes
 * the counters. A table of these is page-aligned with a stride of whole cache lines, so no two
 * CPUs' nodes share a line.
 */
struct qspinlock_cpu {
    struct mcs_spinlock qnodes[MAX_NODES];
    uint64_t lock_pending;
    uint64_t lock_slowpath;
};

#endif
