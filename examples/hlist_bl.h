/*
 * The kernel's hash list with a bit lock in its head (include/linux/list_bl.h): bit 0 of the
 * `first` pointer is the bucket's lock (hlist_bl_lock: bit_spin_lock(0, (unsigned long *)b)),
 * which works because nodes are at least 2-byte aligned. An array of these heads is a hash
 * table whose buckets are 8 bytes each, eight to a 64-byte line: the seed's question again.
 *
 *   hwlab check examples/hlist_bl.h --struct hlist_bl_head --lock first:bit=0
 */
#ifndef HWLAB_EXAMPLE_HLIST_BL_H
#define HWLAB_EXAMPLE_HLIST_BL_H

struct hlist_bl_node {
    struct hlist_bl_node *next, **pprev;
};

struct hlist_bl_head {
    struct hlist_bl_node *first;
};

#endif
