/*
 * The kernel's bit spinlock (include/linux/bit_spinlock.h) for x86_64, as the reference the
 * managed BitSpinLock is measured against: test_and_set_bit_lock is `lock bts`, the wait is a
 * plain read of the word with cpu_relax() (`pause`) until the bit clears, then the atomic is
 * tried again (test-and-test-and-set); release is clear_bit_unlock, an atomic clear. Preemption
 * is not disabled, as user space cannot; everything else is as the kernel does it.
 */
#include "hwlab_native.h"

#include <stdbool.h>

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield" ::: "memory");
#endif
}

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
    /* x86: a compiler barrier and `lock and`; the release store order comes with the lock prefix. */
    __atomic_fetch_and(addr, ~(1UL << nr), __ATOMIC_RELEASE);
}

void hwlab_bit_spin_lock(unsigned long *addr, int32_t bitnum)
{
    while (__builtin_expect(test_and_set_bit_lock(bitnum, addr), 0)) {
        do {
            cpu_relax();
        } while (test_bit(bitnum, addr));
    }
}

int32_t hwlab_bit_spin_trylock(unsigned long *addr, int32_t bitnum)
{
    return !test_and_set_bit_lock(bitnum, addr);
}

void hwlab_bit_spin_unlock(unsigned long *addr, int32_t bitnum)
{
    clear_bit_unlock(bitnum, addr);
}
