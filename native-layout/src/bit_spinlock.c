/*
 * The kernel's bit spinlock, exported as the reference the managed BitSpinLock is measured
 * against: test_and_set_bit_lock is `lock bts`, the wait is a plain read of the word with
 * cpu_relax() (`pause`) until the bit clears, then the atomic is tried again
 * (test-and-test-and-set); release is clear_bit_unlock, an atomic clear. Preemption is not
 * disabled, as user space cannot; everything else is as the kernel does it.
 */
#include "hwlab_native.h"

#include "bit_spinlock.h"

void hwlab_bit_spin_lock(unsigned long *addr, int32_t bitnum)
{
    bit_spin_lock(bitnum, addr);
}

int32_t hwlab_bit_spin_trylock(unsigned long *addr, int32_t bitnum)
{
    return bit_spin_trylock(bitnum, addr);
}

void hwlab_bit_spin_unlock(unsigned long *addr, int32_t bitnum)
{
    bit_spin_unlock(bitnum, addr);
}
