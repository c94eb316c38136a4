/*
 * struct swap_cluster_info as the kernel laid it out over the years, for x86_64, field for
 * field. The kernel has one struct of that name at a time; here every generation lives side by
 * side, so each carries a suffix saying which it is:
 *
 *   _bitfield   include/linux/swap.h up to 4.10: 4 bytes, 16 per 64-byte line
 *   _seed       "[PATCH v5 2/9] mm/swap: Add cluster lock": 8 bytes, the lock in bit 2
 *   _spinlock   merged in 4.11 (commit 235b62176712): spinlock_t + the 4.10 bitfield, 8 bytes
 *   _list       6.12 "swap cluster switch to double link list": 24 bytes
 *   _table      2025 swap table: the 6.12 form plus a pointer to the cluster's table, 32 bytes
 *   _padded     a control no kernel shipped: the seed's word alone in a 64-byte line
 *
 * The managed mirrors in src/HwLab.Layout are checked against what the C compiler makes of
 * these (src/layout_probe.c), never against numbers typed by hand.
 */
#ifndef HWLAB_SWAP_CLUSTER_INFO_H
#define HWLAB_SWAP_CLUSTER_INFO_H

#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;

/*
 * spinlock_t without lock debugging on x86_64 is one 32-bit word: spinlock_t wraps
 * raw_spinlock_t, which wraps arch_spinlock_t, a struct qspinlock (qspinlock_types.h)
 * (a ticket lock, head and tail in two 16-bit halves, before 4.2).
 */
typedef struct spinlock {
    unsigned int val;
} spinlock_t;

/* include/linux/types.h */
struct list_head {
    struct list_head *next, *prev;
};

/* include/linux/types.h on 64-bit: atomic64_t */
typedef struct {
    long counter;
} atomic_long_t;

/* Pages per cluster (mm/swapfile.c): one cluster covers 1 MiB of swap with 4 KiB pages. */
#define SWAPFILE_CLUSTER 256

/*
 * With CONFIG_THP_SWAP (4.13 on; x86_64 kernels with transparent huge pages) SWAPFILE_CLUSTER is
 * HPAGE_PMD_NR instead, one cluster per huge page: include/linux/huge_mm.h 1 << HPAGE_PMD_ORDER,
 * with x86_64's PMD_SHIFT 21 and PAGE_SHIFT 12.
 */
#define HPAGE_PMD_NR (1 << (21 - 12))

/* Flags, shared by every generation that has them. */
#define CLUSTER_FLAG_FREE 1      /* This cluster is free */
#define CLUSTER_FLAG_NEXT_NULL 2 /* This cluster has no next cluster */

/*
 * (a) Up to 4.10. data is the count of used slots while the cluster is in use, or the index of
 * the next free cluster while it is on the free list. Everything is protected by
 * swap_info_struct.lock; there is no lock of its own.
 */
struct swap_cluster_info_bitfield {
    unsigned int data : 24;
    unsigned int flags : 8;
};

/*
 * (b) The seed patch: one unsigned long so that a bit of it can be a bit spinlock.
 *   63 .................................. 8 | 7 .. 3 | 2     | 1         | 0
 *   count, or next free cluster           | unused | LOCK  | NEXT_NULL | FREE
 * The lock bit protects the other bits and this cluster's part of si->swap_map.
 */
struct swap_cluster_info_seed {
    unsigned long data;
};
#define CLUSTER_COUNT_SHIFT 8
#define CLUSTER_FLAG_MASK ((1UL << CLUSTER_COUNT_SHIFT) - 1)
#define CLUSTER_COUNT_MASK (~CLUSTER_FLAG_MASK)
/* cluster lock, protect cluster_info contents and sis->swap_map */
#define CLUSTER_FLAG_LOCK_BIT 2
#define CLUSTER_FLAG_LOCK (1 << CLUSTER_FLAG_LOCK_BIT)

/* (c) Merged in 4.11: a real spinlock beside the old bitfield, still 8 bytes on x86_64. */
struct swap_cluster_info_spinlock {
    spinlock_t lock; /* Protect swap_cluster_info fields and swap_info_struct->swap_map elements of this cluster */
    unsigned int data : 24;
    unsigned int flags : 8;
};

/* (d) 6.12: free and partial clusters move between lists of list_head; count and order split out. */
struct swap_cluster_info_list {
    spinlock_t lock; /* Guards count, flags, order and this cluster's swap_map entries, but not
                      * list: moving a cluster between lists is the device's business, done
                      * under si->lock (include/linux/swap.h, 6.12) */
    u16 count;
    u8 flags;
    u8 order;
    struct list_head list;
};

/* (e) 2025 swap table: each cluster points at its table of swap entries. */
struct swap_cluster_info_table {
    spinlock_t lock; /* As in (d): every field here but list, and this cluster's swap_map
                      * entries; the list links are not the cluster lock's to guard */
    u16 count;
    u8 flags;
    u8 order;
    atomic_long_t *table; /* Swap table entries */
    struct list_head list;
};

/*
 * (f) The control: the seed's word padded to a whole 64-byte line, so no two clusters share one.
 * Padded, not __attribute__((aligned(64))): arrays of it start page-aligned in HwLab, which
 * already puts every element alone in its line, and the alignment stays the word's.
 */
struct swap_cluster_info_padded {
    unsigned long data;
    unsigned char pad[64 - sizeof(unsigned long)];
};

/*
 * We assign a cluster to each CPU, so each CPU can allocate swap entry from its own cluster
 * and swap entries are allocated sequentially (the seed's form).
 */
struct percpu_cluster {
    struct swap_cluster_info_seed index; /* Current cluster index */
    unsigned int next;                   /* Likely next allocation offset */
};

/* The free cluster list: head and tail, linked through each cluster's data. */
struct swap_cluster_list {
    struct swap_cluster_info_seed head;
    struct swap_cluster_info_seed tail;
};

#endif
