/*
 * The native halves of the cache-line experiments: the same loops as the managed workers, in C,
 * so that each experiment compares the managed code with what the kernel's own primitives do on
 * the same memory, in the same run. A loop runs a whole batch per call, so the call itself (and
 * its GC transition) is paid once per batch, not per operation.
 */
#include "hwlab_native.h"

#include "bit_spinlock.h"
#include "swap_cluster_info.h"

uint64_t hwlab_cluster_lock_loop(struct swap_cluster_info_seed *ci, uint64_t iterations)
{
    volatile unsigned long *data = &ci->data;
    for (uint64_t i = 0; i < iterations; i++) {
        bit_spin_lock(CLUSTER_FLAG_LOCK_BIT, data);
        /* cluster_set_count(ci, cluster_count(ci) + 1), keeping the flags and the lock bit */
        unsigned long word = *data;
        *data = (((word >> CLUSTER_COUNT_SHIFT) + 1) << CLUSTER_COUNT_SHIFT) | (word & CLUSTER_FLAG_MASK);
        bit_spin_unlock(CLUSTER_FLAG_LOCK_BIT, data);
    }
    return *data >> CLUSTER_COUNT_SHIFT;
}

uint64_t hwlab_cluster_lock_loop_v4_10(struct swap_cluster_info_seed *ci, uint64_t iterations)
{
    _Static_assert(CLUSTER_LOCK_BIT_V4_10 == CLUSTER_FLAG_LOCK_BIT, "the v4.10 forms are assembled for the seed's lock bit");
    volatile unsigned long *data = &ci->data;
    for (uint64_t i = 0; i < iterations; i++) {
        bit_spin_lock_v4_10(data);
        unsigned long word = *data;
        *data = (((word >> CLUSTER_COUNT_SHIFT) + 1) << CLUSTER_COUNT_SHIFT) | (word & CLUSTER_FLAG_MASK);
        clear_bit_unlock_v4_10(data);
    }
    return *data >> CLUSTER_COUNT_SHIFT;
}

uint64_t hwlab_pingpong(uint64_t *line, int32_t role, uint64_t first_round, uint64_t rounds)
{
    /*
     * Round r: the ping side turns 2r into 2r + 1, the pong side turns 2r + 1 into 2r + 2. Each
     * side spins on compare-and-swap until the value it waits for is there, as the established
     * core-to-core latency tools do, so every hand-over is one cache-line transfer each way.
     */
    uint64_t offset = role == 0 ? 0 : 1;
    for (uint64_t r = first_round; r < first_round + rounds; r++) {
        uint64_t expected = 2 * r + offset;
        while (!__atomic_compare_exchange_n(line, &expected, expected + 1, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            expected = 2 * r + offset;
        }
    }
    return __atomic_load_n(line, __ATOMIC_ACQUIRE);
}
