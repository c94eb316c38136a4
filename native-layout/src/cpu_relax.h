/*
 * The kernel's cpu_relax(), shared by every spin loop of the native locks: `pause` on x86,
 * `yield` on arm64, which tells the core the loop is a wait.
 */
#ifndef HWLAB_CPU_RELAX_H
#define HWLAB_CPU_RELAX_H

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield" ::: "memory");
#endif
}

#endif
