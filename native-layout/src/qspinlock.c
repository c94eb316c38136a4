/*
 * The kernel's queued spinlock, exported as the reference the managed QueuedSpinLock is measured
 * against. The model follows kernel/locking/qspinlock.c, queued_spin_lock_slowpath(), as it
 * reads in the torvalds/linux tree at commit 0200fbdd4315 (whose Makefile says 4.19.0), with
 * x86's choices from arch/x86/include/asm/qspinlock.h: _Q_PENDING_LOOPS of 512, the pending bit
 * set with `lock bts` (queued_fetch_set_pending_acquire) and release as a byte store of 0
 * (native_queued_spin_unlock). The fast path is queued_spin_lock() of
 * include/asm-generic/qspinlock.h: one cmpxchg of 0 to locked.
 *
 * What changed since 4.2, the first x86 kernel with it (4.2's form as copies of that era's file
 * show it): 4.2's slow path took the lock or the pending bit with a cmpxchg retry loop and waited
 * without bound for a pending take-over in flight; by 4.19 one atomic OR sets pending (undone if
 * someone else had it) and that wait is bounded by _Q_PENDING_LOOPS. The MCS queue is the same.
 *
 * User space differences, none of which changes the algorithm:
 * - "CPU" is a slot of a node table (struct qspinlock_cpu[]) that one thread owns while it is
 *   attached, not the CPU it runs on. The kernel may use the running CPU's nodes because
 *   spin_lock() disables preemption, so nothing else runs there until the slow path is done; a
 *   user thread can be preempted in the middle of it, and another thread on the same CPU would
 *   then take the same nodes. The caller passes the table, its stride and its slot.
 * - Only one nesting level is ever used: a thread's slow path is not interrupted by another
 *   slow path of the same thread. The MAX_NODES nodes and the count stay, so the tail and the
 *   node addresses are encoded as the kernel encodes them.
 * - Paravirtual spinlocks and virt_spin_lock() (the test-and-set fallback x86 kernels use on
 *   hypervisors without PV spinlocks) are left out: this is the native path, as on bare metal.
 * - Memory orders are C11's. Where the kernel orders by an address dependency or smp_wmb(), the
 *   node hand-offs here are release/acquire; on x86 both compile to plain moves.
 */
#include "hwlab_native.h"

#include <stdbool.h>
#include <stddef.h>

#include "cpu_relax.h"
#include "qspinlock_types.h"

static inline struct qspinlock_cpu *cpu_nodes(struct qspinlock_cpu *cpus, int32_t stride, int32_t cpu)
{
    return (struct qspinlock_cpu *)((unsigned char *)cpus + (size_t)cpu * (size_t)stride);
}

/* The tail code of node idx of cpu: the CPU is stored plus one so that 0 can mean "no queue". */
static inline uint32_t encode_tail(int32_t cpu, int idx)
{
    return ((uint32_t)(cpu + 1) << _Q_TAIL_CPU_OFFSET) | ((uint32_t)idx << _Q_TAIL_IDX_OFFSET);
}

static inline struct mcs_spinlock *decode_tail(uint32_t tail, struct qspinlock_cpu *cpus, int32_t stride)
{
    int32_t cpu = (int32_t)(tail >> _Q_TAIL_CPU_OFFSET) - 1;
    uint32_t idx = (tail & _Q_TAIL_IDX_MASK) >> _Q_TAIL_IDX_OFFSET;
    return &cpu_nodes(cpus, stride, cpu)->qnodes[idx];
}

static inline bool queued_spin_trylock(struct qspinlock *lock)
{
    uint32_t val = __atomic_load_n(&lock->val, __ATOMIC_RELAXED);
    return val == 0 && __atomic_compare_exchange_n(&lock->val, &val, _Q_LOCKED_VAL, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Sets pending and returns the word as it was. x86: `lock bts` on bit 8, then a read of the rest. */
static inline uint32_t fetch_set_pending_acquire(struct qspinlock *lock)
{
#if defined(__x86_64__) || defined(__i386__)
    bool was_pending;
    __asm__ __volatile__("lock btsl %2, %1" : "=@ccc"(was_pending), "+m"(lock->val) : "I"(_Q_PENDING_OFFSET) : "memory");
    return (was_pending ? _Q_PENDING_VAL : 0) | (__atomic_load_n(&lock->val, __ATOMIC_RELAXED) & ~_Q_PENDING_MASK);
#else
    return __atomic_fetch_or(&lock->val, _Q_PENDING_VAL, __ATOMIC_ACQUIRE);
#endif
}

/* Spins until none of mask's bits is set; returns the word that showed it. */
static inline uint32_t wait_until_clear(struct qspinlock *lock, uint32_t mask)
{
    uint32_t val;
    while ((val = __atomic_load_n(&lock->val, __ATOMIC_ACQUIRE)) & mask) {
        cpu_relax();
    }
    return val;
}

/*
 * The queue: take a node, publish it as the tail, wait behind the node that was the tail (if
 * any) until it hands over, then wait as queue head for the owner and the pending waiter to
 * leave, take the lock and hand the head on.
 */
static void queue_and_lock(struct qspinlock *lock, struct qspinlock_cpu *cpus, int32_t stride, int32_t cpu)
{
    struct qspinlock_cpu *mine = cpu_nodes(cpus, stride, cpu);
    mine->lock_slowpath++;

    int idx = mine->qnodes[0].count++;
    struct mcs_spinlock *node = &mine->qnodes[idx];
    uint32_t tail = encode_tail(cpu, idx);
    __atomic_store_n(&node->locked, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&node->next, NULL, __ATOMIC_RELAXED);

    /* Touching the node may have taken a while: the lock may be free by now. */
    if (queued_spin_trylock(lock)) {
        goto release;
    }

    /* Publish: the tail half alone is exchanged, locked and pending are left as they are. */
    uint32_t old = (uint32_t)__atomic_exchange_n(&lock->tail, (uint16_t)(tail >> _Q_TAIL_OFFSET), __ATOMIC_ACQ_REL)
                   << _Q_TAIL_OFFSET;
    struct mcs_spinlock *next = NULL;
    if (old & _Q_TAIL_MASK) {
        struct mcs_spinlock *prev = decode_tail(old, cpus, stride);
        __atomic_store_n(&prev->next, node, __ATOMIC_RELEASE);
        while (!__atomic_load_n(&node->locked, __ATOMIC_ACQUIRE)) {
            cpu_relax();
        }
        /* Whoever queued behind while this node waited is handed the head below. */
        next = __atomic_load_n(&node->next, __ATOMIC_ACQUIRE);
    }

    /* Queue head: the owner and any pending waiter go first. */
    uint32_t val = wait_until_clear(lock, _Q_LOCKED_PENDING_MASK);

    /* Alone in the queue: take the lock and empty the queue in one step, unless someone just joined. */
    if ((val & _Q_TAIL_MASK) == tail &&
        __atomic_compare_exchange_n(&lock->val, &val, _Q_LOCKED_VAL, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
        goto release;
    }

    /* Others are queued (or pending was set and will see the tail): take the lock, hand the head on. */
    __atomic_store_n(&lock->locked, _Q_LOCKED_VAL, __ATOMIC_RELAXED);
    while (next == NULL) {
        cpu_relax();
        next = __atomic_load_n(&node->next, __ATOMIC_ACQUIRE);
    }
    __atomic_store_n(&next->locked, 1, __ATOMIC_RELEASE);

release:
    mine->qnodes[0].count--;
}

static void queued_spin_lock_slowpath(struct qspinlock *lock, uint32_t val, struct qspinlock_cpu *cpus, int32_t stride,
                                      int32_t cpu)
{
    /* 0,1,0: a pending waiter is taking the lock over; give it a bounded number of reads. */
    for (int spins = _Q_PENDING_LOOPS; val == _Q_PENDING_VAL && spins > 0; spins--) {
        cpu_relax();
        val = __atomic_load_n(&lock->val, __ATOMIC_RELAXED);
    }

    /* Anything but the locked byte (pending, a queue) means others are ahead: queue. */
    if (!(val & ~_Q_LOCKED_MASK)) {
        val = fetch_set_pending_acquire(lock);
        if (!(val & ~_Q_LOCKED_MASK)) {
            /* Pending: wait for the owner alone, then clear pending and set locked in one store. */
            if (val & _Q_LOCKED_MASK) {
                wait_until_clear(lock, _Q_LOCKED_MASK);
            }
            __atomic_store_n(&lock->locked_pending, (uint16_t)_Q_LOCKED_VAL, __ATOMIC_RELAXED);
            cpu_nodes(cpus, stride, cpu)->lock_pending++;
            return;
        }
        /* Someone got there first. Clear pending only if this call was the one that set it. */
        if (!(val & _Q_PENDING_MASK)) {
            __atomic_store_n(&lock->pending, 0, __ATOMIC_RELAXED);
        }
    }
    queue_and_lock(lock, cpus, stride, cpu);
}

void hwlab_queued_spin_lock(struct qspinlock *lock, struct qspinlock_cpu *cpus, int32_t stride, int32_t cpu)
{
    uint32_t val = 0;
    if (__builtin_expect(__atomic_compare_exchange_n(&lock->val, &val, _Q_LOCKED_VAL, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED), 1)) {
        return;
    }
    queued_spin_lock_slowpath(lock, val, cpus, stride, cpu);
}

int32_t hwlab_queued_spin_trylock(struct qspinlock *lock)
{
    return queued_spin_trylock(lock);
}

void hwlab_queued_spin_unlock(struct qspinlock *lock)
{
    __atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}
