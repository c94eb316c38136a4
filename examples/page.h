/*
 * A 64-byte object shaped like x86_64's struct page (include/linux/mm_types.h): a flags word
 * whose bit 0 is PG_locked (include/linux/page-flags.h, the first of enum pageflags; lock_page
 * takes it with test_and_set_bit_lock), then what the page cache and the allocator keep beside
 * it. The kernel's struct is a web of unions; this keeps its size and the place of its flags and
 * counts, not every member, so it answers the layout question, not the kernel's semantics.
 *
 *   hwlab check examples/page.h --struct page --lock flags:bit=0 --touch flags,_refcount
 */
#ifndef HWLAB_EXAMPLE_PAGE_H
#define HWLAB_EXAMPLE_PAGE_H

struct list_head {
    struct list_head *next, *prev;
};

struct page {
    unsigned long flags;          /* PG_locked is bit 0 */
    struct list_head lru;
    void *mapping;
    unsigned long index;
    unsigned long private;
    int _mapcount;
    int _refcount;
    unsigned long memcg_data;
};

#endif
