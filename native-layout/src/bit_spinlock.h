/*
 * The kernel's bit spinlock primitives (include/linux/bit_spinlock.h, arch/x86/include/asm/bitops.h)
 * as inline functions, shared by the exported lock (bit_spinlock.c) and the measurement loops
 * (cache_line_loops.c), so both run exactly the same instructions.
 */
#ifndef HWLAB_BIT_SPINLOCK_H
#define HWLAB_BIT_SPINLOCK_H

#include <stdbool.h>

#include "cpu_relax.h"

/* The seed's CLUSTER_FLAG_LOCK_BIT, the constant the v4.10-width forms below are assembled for. */
#define CLUSTER_LOCK_BIT_V4_10 2

static inline bool test_and_set_bit_lock(long nr, volatile unsigned long *addr)
{
#if defined(__x86_64__)
    bool oldbit;
    __asm__ __volatile__("lock btsq %2, %1" : "=@ccc"(oldbit), "+m"(*addr) : "Ir"(nr) : "memory");
    return oldbit;
#else
    unsigned long mask = 1UL << nr;
    return (__atomic_fetch_or(addr, mask, __ATOMIC_ACQUIRE) & mask) != 0;
#endif
}

static inline bool test_bit(long nr, const volatile unsigned long *addr)
{
    return (*addr >> nr) & 1UL;
}

static inline void clear_bit_unlock(long nr, volatile unsigned long *addr)
{
    /* x86: `lock and`; the lock prefix orders the stores of the critical section before it. */
    __atomic_fetch_and(addr, ~(1UL << nr), __ATOMIC_RELEASE);
}

static inline void bit_spin_lock(int bitnum, volatile unsigned long *addr)
{
    while (__builtin_expect(test_and_set_bit_lock(bitnum, addr), 0)) {
        do {
            cpu_relax();
        } while (test_bit(bitnum, addr));
    }
}

/*
 * The same lock with the operand widths v4.10's arch/x86/include/asm/bitops.h gets from the
 * assembler for a constant bit number: test_and_set_bit() writes "lock bts" with no size suffix and
 * an immediate, which assembles as btsl; clear_bit() with a constant number is "lock andb" on the
 * byte that holds the bit (CONST_MASK_ADDR). The suffixes came with "x86/asm: Add instruction
 * suffixes to bitops" (btsq since); the byte-wide clear is still there.
 */
static inline bool test_and_set_bit_lock_v4_10(volatile unsigned long *addr)
{
#if defined(__x86_64__)
    bool oldbit;
    __asm__ __volatile__("lock btsl %2, %1" : "=@ccc"(oldbit), "+m"(*(volatile unsigned int *)addr) : "I"(CLUSTER_LOCK_BIT_V4_10) : "memory");
    return oldbit;
#else
    return test_and_set_bit_lock(CLUSTER_LOCK_BIT_V4_10, addr);
#endif
}

static inline void clear_bit_unlock_v4_10(volatile unsigned long *addr)
{
#if defined(__x86_64__)
    __asm__ __volatile__("lock andb %1, %0" : "+m"(*(volatile unsigned char *)addr) : "iq"((unsigned char)~(1u << CLUSTER_LOCK_BIT_V4_10)) : "memory");
#else
    clear_bit_unlock(CLUSTER_LOCK_BIT_V4_10, addr);
#endif
}

static inline void bit_spin_lock_v4_10(volatile unsigned long *addr)
{
    while (__builtin_expect(test_and_set_bit_lock_v4_10(addr), 0)) {
        do {
            cpu_relax();
        } while (test_bit(CLUSTER_LOCK_BIT_V4_10, addr));
    }
}

static inline bool bit_spin_trylock(int bitnum, volatile unsigned long *addr)
{
    return !test_and_set_bit_lock(bitnum, addr);
}

static inline void bit_spin_unlock(int bitnum, volatile unsigned long *addr)
{
    clear_bit_unlock(bitnum, addr);
}

#endif
