/*
 * The layout probe: what the C compiler makes of every struct in swap_cluster_info.h and
 * qspinlock_types.h, as JSON, written by layout_probe_json.h (how bitfields are found is
 * described there). Nothing here is a number typed by hand; the managed mirrors are tested
 * against this output.
 */
#include "layout_probe_json.h"
#include "qspinlock_types.h"
#include "swap_cluster_info.h"

#define STRUCT(S) JSON_STRUCT(j, #S, struct S)
#define FIELD(S, f) JSON_FIELD(j, struct S, f)
#define BITFIELD(S, f, type) JSON_BITFIELD(j, struct S, f, type)
#define CONSTANT(name) json_constant(j, #name, (long long)(name))

static void describe(struct json *j)
{
    json_begin_document(j);

    STRUCT(swap_cluster_info_bitfield);
    BITFIELD(swap_cluster_info_bitfield, data, unsigned int);
    BITFIELD(swap_cluster_info_bitfield, flags, unsigned int);
    json_end_struct(j);

    STRUCT(swap_cluster_info_seed);
    FIELD(swap_cluster_info_seed, data);
    json_end_struct(j);

    STRUCT(swap_cluster_info_spinlock);
    FIELD(swap_cluster_info_spinlock, lock);
    BITFIELD(swap_cluster_info_spinlock, data, unsigned int);
    BITFIELD(swap_cluster_info_spinlock, flags, unsigned int);
    json_end_struct(j);

    STRUCT(swap_cluster_info_list);
    FIELD(swap_cluster_info_list, lock);
    FIELD(swap_cluster_info_list, count);
    FIELD(swap_cluster_info_list, flags);
    FIELD(swap_cluster_info_list, order);
    FIELD(swap_cluster_info_list, list);
    json_end_struct(j);

    STRUCT(swap_cluster_info_table);
    FIELD(swap_cluster_info_table, lock);
    FIELD(swap_cluster_info_table, count);
    FIELD(swap_cluster_info_table, flags);
    FIELD(swap_cluster_info_table, order);
    FIELD(swap_cluster_info_table, table);
    FIELD(swap_cluster_info_table, list);
    json_end_struct(j);

    STRUCT(swap_cluster_info_padded);
    FIELD(swap_cluster_info_padded, data);
    FIELD(swap_cluster_info_padded, pad);
    json_end_struct(j);

    STRUCT(percpu_cluster);
    FIELD(percpu_cluster, index);
    FIELD(percpu_cluster, next);
    json_end_struct(j);

    STRUCT(swap_cluster_list);
    FIELD(swap_cluster_list, head);
    FIELD(swap_cluster_list, tail);
    json_end_struct(j);

    STRUCT(list_head);
    FIELD(list_head, next);
    FIELD(list_head, prev);
    json_end_struct(j);

    /* The queued spinlock: its word's views overlap, as the union puts them. */
    STRUCT(qspinlock);
    FIELD(qspinlock, val);
    FIELD(qspinlock, locked);
    FIELD(qspinlock, pending);
    FIELD(qspinlock, locked_pending);
    FIELD(qspinlock, tail);
    json_end_struct(j);

    STRUCT(mcs_spinlock);
    FIELD(mcs_spinlock, next);
    FIELD(mcs_spinlock, locked);
    FIELD(mcs_spinlock, count);
    json_end_struct(j);

    STRUCT(qspinlock_cpu);
    FIELD(qspinlock_cpu, qnodes);
    FIELD(qspinlock_cpu, lock_pending);
    FIELD(qspinlock_cpu, lock_slowpath);
    json_end_struct(j);

    json_begin_constants(j);
    CONSTANT(SWAPFILE_CLUSTER);
    CONSTANT(HPAGE_PMD_NR);
    CONSTANT(CLUSTER_FLAG_FREE);
    CONSTANT(CLUSTER_FLAG_NEXT_NULL);
    CONSTANT(CLUSTER_COUNT_SHIFT);
    CONSTANT(CLUSTER_FLAG_MASK);
    CONSTANT(CLUSTER_FLAG_LOCK_BIT);
    CONSTANT(CLUSTER_FLAG_LOCK);
    CONSTANT(_Q_LOCKED_OFFSET);
    CONSTANT(_Q_LOCKED_BITS);
    CONSTANT(_Q_LOCKED_MASK);
    CONSTANT(_Q_PENDING_OFFSET);
    CONSTANT(_Q_PENDING_BITS);
    CONSTANT(_Q_PENDING_MASK);
    CONSTANT(_Q_TAIL_IDX_OFFSET);
    CONSTANT(_Q_TAIL_IDX_BITS);
    CONSTANT(_Q_TAIL_IDX_MASK);
    CONSTANT(_Q_TAIL_CPU_OFFSET);
    CONSTANT(_Q_TAIL_CPU_BITS);
    CONSTANT(_Q_TAIL_CPU_MASK);
    CONSTANT(_Q_TAIL_OFFSET);
    CONSTANT(_Q_TAIL_MASK);
    CONSTANT(_Q_LOCKED_VAL);
    CONSTANT(_Q_PENDING_VAL);
    CONSTANT(_Q_LOCKED_PENDING_MASK);
    CONSTANT(_Q_PENDING_LOOPS);
    CONSTANT(MAX_NODES);
    json_end_document(j);
}

int32_t hwlab_layout_probe_json(char *buffer, int32_t capacity)
{
    struct json j = {buffer, capacity > 0 ? (size_t)capacity : 0, 0, 0, 0, 0};
    describe(&j);
    return (int32_t)(j.length + 1); /* with the terminating NUL */
}
