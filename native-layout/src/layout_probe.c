/*
 * The layout probe: what the C compiler makes of every struct in swap_cluster_info.h and
 * qspinlock_types.h, as JSON.
 * Offsets and sizes come from offsetof and sizeof. Bitfields have no offsetof, so each one is
 * set to all ones in a zeroed struct and the bits that light up are reported: the first bit
 * (counted from the struct's first byte, bit 0 of byte 0 first) and how many. Nothing here is
 * a number typed by hand; the managed mirrors are tested against this output.
 */
#include "hwlab_native.h"
#include "qspinlock_types.h"
#include "swap_cluster_info.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct json {
    char *buffer;
    size_t capacity;
    size_t length; /* what the whole document needs, even past capacity */
    int fields;    /* fields written in the current struct */
    int structs;   /* structs written so far */
};

static void emit(struct json *j, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    size_t room = j->length < j->capacity ? j->capacity - j->length : 0;
    int n = vsnprintf(room > 0 ? j->buffer + j->length : NULL, room, format, args);
    va_end(args);
    if (n > 0) {
        j->length += (size_t)n;
    }
}

static void begin_struct(struct json *j, const char *name, size_t size, size_t align)
{
    emit(j, "%s\n    {\"name\": \"%s\", \"size\": %zu, \"align\": %zu, \"fields\": [",
         j->structs++ > 0 ? "," : "", name, size, align);
    j->fields = 0;
}

static void end_struct(struct json *j)
{
    emit(j, "]}");
}

static void field(struct json *j, const char *name, size_t offset, size_t size)
{
    emit(j, "%s\n      {\"name\": \"%s\", \"offset\": %zu, \"size\": %zu}", j->fields++ > 0 ? "," : "", name, offset,
         size);
}

/* bytes: a zeroed struct with one bitfield set to all ones; storage: the declared type's size. */
static void bitfield(struct json *j, const char *name, const unsigned char *bytes, size_t length, size_t storage)
{
    int first = -1, width = 0;
    for (size_t bit = 0; bit < length * 8; bit++) {
        if (bytes[bit / 8] & (1u << (bit % 8))) {
            if (first < 0) {
                first = (int)bit;
            }
            width++;
        }
    }
    size_t offset = first < 0 ? 0 : (size_t)first / (8 * storage) * storage;
    emit(j, "%s\n      {\"name\": \"%s\", \"offset\": %zu, \"size\": %zu, \"bit_offset\": %d, \"bit_width\": %d}",
         j->fields++ > 0 ? "," : "", name, offset, storage, first, width);
}

#define STRUCT(S) begin_struct(j, #S, sizeof(struct S), _Alignof(struct S))
#define FIELD(S, f) field(j, #f, offsetof(struct S, f), sizeof(((struct S *)0)->f))
/* A volatile source keeps the compiler from folding (and warning about) the truncation. */
#define BITFIELD(S, f, type)                                                       \
    do {                                                                           \
        struct S probe;                                                            \
        volatile type ones = (type)~(type)0;                                       \
        memset(&probe, 0, sizeof(probe));                                          \
        probe.f = ones;                                                            \
        bitfield(j, #f, (const unsigned char *)&probe, sizeof(probe), sizeof(type)); \
    } while (0)
#define CONSTANT(name) emit(j, "%s\n    \"%s\": %lld", constants++ > 0 ? "," : "", #name, (long long)(name))

static void describe(struct json *j)
{
    int constants = 0;
    emit(j, "{\n  \"abi_version\": %d,\n", HWLAB_NATIVE_ABI_VERSION);
#if defined(__clang__)
    emit(j, "  \"compiler\": \"clang %d.%d.%d\",\n", __clang_major__, __clang_minor__, __clang_patchlevel__);
#elif defined(__GNUC__)
    emit(j, "  \"compiler\": \"gcc %d.%d.%d\",\n", __GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__);
#else
    emit(j, "  \"compiler\": \"unknown\",\n");
#endif
    emit(j, "  \"pointer_size\": %zu,\n  \"long_size\": %zu,\n  \"structs\": [", sizeof(void *), sizeof(long));

    STRUCT(swap_cluster_info_bitfield);
    BITFIELD(swap_cluster_info_bitfield, data, unsigned int);
    BITFIELD(swap_cluster_info_bitfield, flags, unsigned int);
    end_struct(j);

    STRUCT(swap_cluster_info_seed);
    FIELD(swap_cluster_info_seed, data);
    end_struct(j);

    STRUCT(swap_cluster_info_spinlock);
    FIELD(swap_cluster_info_spinlock, lock);
    BITFIELD(swap_cluster_info_spinlock, data, unsigned int);
    BITFIELD(swap_cluster_info_spinlock, flags, unsigned int);
    end_struct(j);

    STRUCT(swap_cluster_info_list);
    FIELD(swap_cluster_info_list, lock);
    FIELD(swap_cluster_info_list, count);
    FIELD(swap_cluster_info_list, flags);
    FIELD(swap_cluster_info_list, order);
    FIELD(swap_cluster_info_list, list);
    end_struct(j);

    STRUCT(swap_cluster_info_table);
    FIELD(swap_cluster_info_table, lock);
    FIELD(swap_cluster_info_table, count);
    FIELD(swap_cluster_info_table, flags);
    FIELD(swap_cluster_info_table, order);
    FIELD(swap_cluster_info_table, table);
    FIELD(swap_cluster_info_table, list);
    end_struct(j);

    STRUCT(swap_cluster_info_padded);
    FIELD(swap_cluster_info_padded, data);
    FIELD(swap_cluster_info_padded, pad);
    end_struct(j);

    STRUCT(percpu_cluster);
    FIELD(percpu_cluster, index);
    FIELD(percpu_cluster, next);
    end_struct(j);

    STRUCT(swap_cluster_list);
    FIELD(swap_cluster_list, head);
    FIELD(swap_cluster_list, tail);
    end_struct(j);

    STRUCT(list_head);
    FIELD(list_head, next);
    FIELD(list_head, prev);
    end_struct(j);

    /* The queued spinlock: its word's views overlap, as the union puts them. */
    STRUCT(qspinlock);
    FIELD(qspinlock, val);
    FIELD(qspinlock, locked);
    FIELD(qspinlock, pending);
    FIELD(qspinlock, locked_pending);
    FIELD(qspinlock, tail);
    end_struct(j);

    STRUCT(mcs_spinlock);
    FIELD(mcs_spinlock, next);
    FIELD(mcs_spinlock, locked);
    FIELD(mcs_spinlock, count);
    end_struct(j);

    STRUCT(qspinlock_cpu);
    FIELD(qspinlock_cpu, qnodes);
    FIELD(qspinlock_cpu, lock_pending);
    FIELD(qspinlock_cpu, lock_slowpath);
    end_struct(j);

    emit(j, "\n  ],\n  \"constants\": {");
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
    emit(j, "\n  }\n}\n");
}

int32_t hwlab_layout_probe_json(char *buffer, int32_t capacity)
{
    struct json j = {buffer, capacity > 0 ? (size_t)capacity : 0, 0, 0, 0};
    describe(&j);
    return (int32_t)(j.length + 1); /* with the terminating NUL */
}
