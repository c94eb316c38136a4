/*
 * The user-space connection slot of user_struct.json, as C: the same layout given both ways, so
 * a struct that is not C can be described by hand and one that is C is read from the compiler.
 *
 *   hwlab check examples/user_struct.h --struct conn_slot --lock lock:spinlock --touch state,bytes_in
 */
#ifndef HWLAB_EXAMPLE_USER_STRUCT_H
#define HWLAB_EXAMPLE_USER_STRUCT_H

#include <stdint.h>

struct conn_slot {
    uint32_t lock;  /* a 4-byte spinlock */
    uint32_t state;
    uint64_t bytes_in;
    uint64_t bytes_out;
    uint16_t port;
    uint8_t flags : 4;
    uint8_t kind : 4;
};

#endif
