/*
 * An array of 4-byte spinlocks, one per bucket, each with the 4-byte count it guards beside it:
 * x86's spinlock_t without lock debugging is one 32-bit word (a queued spinlock since 4.2), so
 * eight buckets, eight locks, share a 64-byte line.
 *
 *   hwlab check examples/spinlock_array.h --struct bucket_lock --lock val:spinlock
 */
#ifndef HWLAB_EXAMPLE_SPINLOCK_ARRAY_H
#define HWLAB_EXAMPLE_SPINLOCK_ARRAY_H

struct bucket_lock {
    unsigned int val;   /* the spinlock_t */
    unsigned int count; /* what it guards */
};

#endif
