/*
 * The layout probe's JSON writer, shared by the probe compiled into libhwlab_native
 * (src/layout_probe.c) and the probes `hwlab check` generates for a user's header
 * (src/HwLab.Layout/Probe/CStructProbe.cs embeds this file), so both measure a struct the same
 * way and print the one document CLayoutDocument parses.
 * Offsets and sizes come from offsetof and sizeof. Bitfields have no offsetof, so each one is
 * set to all ones in a zeroed struct and the bits that light up are reported: the first bit
 * (counted from the struct's first byte, bit 0 of byte 0 first) and how many.
 */
#ifndef LAYOUT_PROBE_JSON_H
#define LAYOUT_PROBE_JSON_H

#include "hwlab_native.h"

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
    int constants; /* constants written so far */
};

static inline void json_emit(struct json *j, const char *format, ...)
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

/* Opens the document and its structs array: the ABI version, the compiler, pointer and long sizes. */
static inline void json_begin_document(struct json *j)
{
    json_emit(j, "{\n  \"abi_version\": %d,\n", HWLAB_NATIVE_ABI_VERSION);
#if defined(__clang__)
    json_emit(j, "  \"compiler\": \"clang %d.%d.%d\",\n", __clang_major__, __clang_minor__, __clang_patchlevel__);
#elif defined(__GNUC__)
    json_emit(j, "  \"compiler\": \"gcc %d.%d.%d\",\n", __GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__);
#else
    json_emit(j, "  \"compiler\": \"unknown\",\n");
#endif
    json_emit(j, "  \"pointer_size\": %zu,\n  \"long_size\": %zu,\n  \"structs\": [", sizeof(void *), sizeof(long));
}

/* Closes the structs array and opens the constants object. */
static inline void json_begin_constants(struct json *j)
{
    json_emit(j, "\n  ],\n  \"constants\": {");
}

static inline void json_constant(struct json *j, const char *name, long long value)
{
    json_emit(j, "%s\n    \"%s\": %lld", j->constants++ > 0 ? "," : "", name, value);
}

static inline void json_end_document(struct json *j)
{
    json_emit(j, "\n  }\n}\n");
}

static inline void json_begin_struct(struct json *j, const char *name, size_t size, size_t align)
{
    json_emit(j, "%s\n    {\"name\": \"%s\", \"size\": %zu, \"align\": %zu, \"fields\": [",
              j->structs++ > 0 ? "," : "", name, size, align);
    j->fields = 0;
}

static inline void json_end_struct(struct json *j)
{
    json_emit(j, "]}");
}

static inline void json_field(struct json *j, const char *name, size_t offset, size_t size)
{
    json_emit(j, "%s\n      {\"name\": \"%s\", \"offset\": %zu, \"size\": %zu}", j->fields++ > 0 ? "," : "", name,
              offset, size);
}

/* bytes: a zeroed struct with one bitfield set to all ones; storage: the declared type's size. */
static inline void json_bitfield(struct json *j, const char *name, const unsigned char *bytes, size_t length,
                                 size_t storage)
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
    json_emit(j, "%s\n      {\"name\": \"%s\", \"offset\": %zu, \"size\": %zu, \"bit_offset\": %d, \"bit_width\": %d}",
              j->fields++ > 0 ? "," : "", name, offset, storage, first, width);
}

/* T is a complete type ("struct S" or a typedef name); name is what the JSON calls it. */
#define JSON_STRUCT(j, name, T) json_begin_struct(j, name, sizeof(T), _Alignof(T))
#define JSON_FIELD(j, T, f) json_field(j, #f, offsetof(T, f), sizeof(((T *)0)->f))
/* A volatile source keeps the compiler from folding (and warning about) the truncation. */
#define JSON_BITFIELD(j, T, f, type)                                                         \
    do {                                                                                     \
        T probe;                                                                             \
        volatile type ones = (type)~(type)0;                                                 \
        memset(&probe, 0, sizeof(probe));                                                    \
        probe.f = ones;                                                                      \
        json_bitfield(j, #f, (const unsigned char *)&probe, sizeof(probe), sizeof(type));    \
    } while (0)

#endif
