/*
 * The exported surface of libhwlab_native. Every function the managed side calls is
 * declared here with HWLAB_EXPORT; the managed declarations live in
 * src/HwLab.Native/Interop/HwLabNative/.
 */
#ifndef HWLAB_NATIVE_H
#define HWLAB_NATIVE_H

#include <stdint.h>

#if defined(_WIN32)
#define HWLAB_EXPORT __declspec(dllexport)
#else
#define HWLAB_EXPORT __attribute__((visibility("default")))
#endif

/*
 * Bumped whenever an exported signature or a mirrored layout changes, so that a managed
 * build never runs against a stale library without saying so.
 */
#define HWLAB_NATIVE_ABI_VERSION 1

/* The ABI version this library was built with (HWLAB_NATIVE_ABI_VERSION). */
HWLAB_EXPORT int32_t hwlab_native_abi_version(void);

/* The library's version string, "major.minor.patch", static storage. */
HWLAB_EXPORT const char *hwlab_native_version(void);

#endif
