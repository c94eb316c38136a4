#!/usr/bin/env python3
"""Writes the synthesized topology captures next to this script.

These machines cannot be captured where the tests are written, so their /sys, /proc and CPUID
content is built here from a described layout, in the format SysfsSnapshot.ToCaptureText()
writes (one `PATH:LINE` per line, paths in natural order, CPUID leaves last). Run it again after
changing a layout:

    python3 generate-synthetic-captures.py

Every capture written here is synthesized, and says so in its first comment line.

Captures:
  xeon-2s-smt-128cpu.capture         2 sockets x 32 cores x 2 threads, Intel numbering, 2 NUMA nodes
  container-restricted.capture       4 cores x 2 threads, CPUs 6-7 offline, the process limited to 1-2,5
  mismatch.capture                   a 4-vCPU guest whose CPUID disagrees with /sys and /proc on purpose
  desktop-1s-16c-smt.capture         1 socket x 16 cores x 2 threads, one L3
  epyc-2s-128c-smt.capture           2 sockets x 64 cores x 2 threads, an L3 per 8-core CCX, NPS1
  intel-2s-snc.capture               2 sockets x 32 cores x 2 threads, sub-NUMA clustering 2 (4 nodes)
  4s-448cpu.capture                  4 sockets x 56 cores x 2 threads, one L3 per socket
  arm64-128b-lines.capture           64 arm64 cores, 128-byte lines, an L3 per 16 cores, no CPUID
  512cpu-offline-restricted.capture  2 sockets x 128 cores x 2 threads, 28 CPUs offline, a cpuset of 128
"""

import functools
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CPU = "/sys/devices/system/cpu"
NODE = "/sys/devices/system/node"


# --- the capture format -------------------------------------------------------------------------

def natural_compare(x, y):
    """The order of HwLab.Native.Topology.NaturalPathComparer: digit runs compare as numbers."""
    i = j = 0
    while i < len(x) and j < len(y):
        if x[i].isdigit() and y[j].isdigit():
            si, sj = i, j
            while i < len(x) and x[i].isdigit():
                i += 1
            while j < len(y) and y[j].isdigit():
                j += 1
            a, b = x[si:i].lstrip("0"), y[sj:j].lstrip("0")
            if len(a) != len(b):
                return -1 if len(a) < len(b) else 1
            if a != b:
                return -1 if a < b else 1
        else:
            if x[i] != y[j]:
                return -1 if x[i] < y[j] else 1
            i += 1
            j += 1
    rest = (len(x) - i) - (len(y) - j)
    if rest != 0:
        return -1 if rest < 0 else 1
    return (x > y) - (x < y)


def write_capture(name, comments, files, leaves):
    lines = ["# " + c if c else "#" for c in comments]
    for path in sorted(files, key=functools.cmp_to_key(natural_compare)):
        for line in files[path].split("\n"):
            lines.append(f"{path}:{line}")
    for (leaf, subleaf), (eax, ebx, ecx, edx) in sorted(leaves.items()):
        lines.append(f"cpuid/0x{leaf:08x}.0x{subleaf:x}:eax=0x{eax:08x} ebx=0x{ebx:08x} ecx=0x{ecx:08x} edx=0x{edx:08x}")
    with open(os.path.join(HERE, name), "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def cpulist(cpus):
    """The kernel's cpulist form: 0-31,64-95."""
    cpus = sorted(set(cpus))
    parts, i = [], 0
    while i < len(cpus):
        j = i
        while j + 1 < len(cpus) and cpus[j + 1] == cpus[j] + 1:
            j += 1
        parts.append(str(cpus[i]) if i == j else f"{cpus[i]}-{cpus[j]}")
        i = j + 1
    return ",".join(parts)


def cpumask(cpus, groups):
    """The kernel's hex mask form: 32-bit groups, most significant first."""
    value = sum(1 << c for c in cpus)
    return ",".join(f"{(value >> (32 * g)) & 0xFFFFFFFF:08x}" for g in reversed(range(groups)))


# --- sysfs and procfs pieces --------------------------------------------------------------------

def topology_files(files, cpu, core, package, siblings, package_cpus, die=0):
    """die=None leaves die_id out, as kernels do where the architecture has no dies (arm64)."""
    t = f"{CPU}/cpu{cpu}/topology"
    files[f"{t}/core_id"] = str(core)
    files[f"{t}/physical_package_id"] = str(package)
    if die is not None:
        files[f"{t}/die_id"] = str(die)
    files[f"{t}/thread_siblings_list"] = cpulist(siblings)
    files[f"{t}/core_cpus_list"] = cpulist(siblings)
    files[f"{t}/package_cpus_list"] = cpulist(package_cpus)


def cache_files(files, cpu, index, level, kind, size_k, ways, shared, line=64):
    d = f"{CPU}/cpu{cpu}/cache/index{index}"
    files[f"{d}/level"] = str(level)
    files[f"{d}/type"] = kind
    files[f"{d}/size"] = f"{size_k}K"
    files[f"{d}/coherency_line_size"] = str(line)
    files[f"{d}/ways_of_associativity"] = str(ways)
    files[f"{d}/number_of_sets"] = str(size_k * 1024 // (ways * line))
    files[f"{d}/shared_cpu_list"] = cpulist(shared)


def distance_files(files, matrix):
    """nodeN/distance: row N of the firmware's distance matrix, one number per node in node order."""
    for node, row in enumerate(matrix):
        files[f"{NODE}/node{node}/distance"] = " ".join(str(d) for d in row)


def cpuinfo(blocks):
    """/proc/cpuinfo without its final newline: blocks of 'key\\t: value', each ended by an empty line."""
    lines = []
    for block in blocks:
        for key, value in block:
            tabs = "\t" if len(key) >= 8 else "\t\t"
            lines.append(f"{key}{tabs}: {value}" if value != "" else f"{key}:")
        lines.append("")
    return "\n".join(lines)


def status(cpus, groups, nodes):
    return "\n".join([
        f"Cpus_allowed:\t{cpumask(cpus, groups)}",
        f"Cpus_allowed_list:\t{cpulist(cpus)}",
        f"Mems_allowed:\t{cpumask(nodes, 2)}",
        f"Mems_allowed_list:\t{cpulist(nodes)}",
    ])


# --- CPUID registers ----------------------------------------------------------------------------

def text_registers(text, count):
    """ASCII text packed little endian into `count` registers, NUL padded."""
    data = text.encode("ascii").ljust(4 * count, b"\0")
    return [int.from_bytes(data[4 * i:4 * i + 4], "little") for i in range(count)]


def vendor_leaf(max_leaf, vendor):
    ebx, edx, ecx = text_registers(vendor, 3)  # leaf 0 orders the vendor string EBX, EDX, ECX
    return (max_leaf, ebx, ecx, edx)


def brand_leaves(brand):
    regs = text_registers(brand, 12)
    return {(0x80000002 + i, 0): tuple(regs[4 * i:4 * i + 4]) for i in range(3)}


def signature(family, model, stepping):
    """Leaf 1 EAX for a family-6 part: ext model in 19:16, family in 11:8, model in 7:4."""
    assert family == 6
    return (model >> 4) << 16 | family << 8 | (model & 0xF) << 4 | stepping


def signature_extended(family, model, stepping):
    """Leaf 1 EAX for family 0xF and above (AMD Zen): base family 0xF plus the extended family."""
    assert family >= 0xF
    return (family - 0xF) << 20 | (model >> 4) << 16 | 0xF << 8 | (model & 0xF) << 4 | stepping


def leaf1_ebx(clflush_bytes, max_logical, apic_id=0):
    return apic_id << 24 | max_logical << 16 | (clflush_bytes // 8) << 8


def cache_leaf(level, kind, size_k, ways, line, threads_sharing, cores_per_package, partitions=1):
    """Leaf 4 registers: EAX type/level/self-init/sharing/cores, EBX ways/partitions/line, ECX sets."""
    types = {"Data": 1, "Instruction": 2, "Unified": 3}
    sets = size_k * 1024 // (ways * partitions * line)
    eax = (cores_per_package - 1) << 26 | (threads_sharing - 1) << 14 | 1 << 8 | level << 5 | types[kind]
    ebx = (ways - 1) << 22 | (partitions - 1) << 12 | (line - 1)
    return (eax, ebx, sets - 1, 0)


INTEL_FLAGS = ("fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx "
               "fxsr sse sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc arch_perfmon pebs bts "
               "rep_good nopl xtopology nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx "
               "smx est tm2 ssse3 sdbg fma cx16 xtpr pdcm pcid dca sse4_1 sse4_2 x2apic movbe popcnt "
               "tsc_deadline_timer aes xsave avx f16c rdrand lahf_lm abm 3dnowprefetch cpuid_fault epb cat_l3 "
               "cat_l2 cdp_l3 invpcid_single intel_ppin cdp_l2 ssbd mba ibrs ibpb stibp ibrs_enhanced fsgsbase "
               "tsc_adjust bmi1 hle avx2 smep bmi2 erms invpcid cqm rdt_a avx512f avx512dq rdseed adx smap "
               "avx512ifma clflushopt clwb intel_pt avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 "
               "xsaves cqm_llc cqm_occup_llc cqm_mbm_total cqm_mbm_local split_lock_detect avx_vnni avx512_bf16 "
               "wbnoinvd dtherm ida arat pln pts hfi avx512vbmi umip pku ospke waitpkg avx512_vbmi2 gfni vaes "
               "vpclmulqdq avx512_vnni avx512_bitalg tme avx512_vpopcntdq la57 rdpid bus_lock_detect cldemote "
               "movdiri movdir64b enqcmd fsrm md_clear serialize tsxldtrk pconfig arch_lbr ibt amx_bf16 "
               "avx512_fp16 amx_tile amx_int8 flush_l1d arch_capabilities")


# --- xeon-2s-smt-128cpu -------------------------------------------------------------------------

def xeon():
    sockets, cores, threads = 2, 32, 2
    n = sockets * cores * threads
    brand = "Intel(R) Xeon(R) Platinum 8462Y+"
    files = {}
    blocks = []
    for cpu in range(n):
        # Intel enumeration: the first thread of every core first (socket 0 then 1), then the second
        # threads, so the SMT sibling of CPU N is N + 64.
        thread, rest = divmod(cpu, sockets * cores)
        package, core = divmod(rest, cores)
        siblings = [package * cores + core + t * sockets * cores for t in range(threads)]
        package_cpus = [c for c in range(n) if (c % (sockets * cores)) // cores == package]
        topology_files(files, cpu, core, package, siblings, package_cpus)
        cache_files(files, cpu, 0, 1, "Data", 48, 12, siblings)
        cache_files(files, cpu, 1, 1, "Instruction", 32, 8, siblings)
        cache_files(files, cpu, 2, 2, "Unified", 2048, 16, siblings)
        cache_files(files, cpu, 3, 3, "Unified", 61440, 15, package_cpus)
        apic = package << 7 | core << 1 | thread
        blocks.append([
            ("processor", cpu), ("vendor_id", "GenuineIntel"), ("cpu family", 6), ("model", 143),
            ("model name", brand), ("stepping", 8), ("microcode", "0x2b000590"), ("cpu MHz", "2800.000"),
            ("cache size", "61440 KB"), ("physical id", package), ("siblings", cores * threads),
            ("core id", core), ("cpu cores", cores), ("apicid", apic), ("initial apicid", apic),
            ("fpu", "yes"), ("fpu_exception", "yes"), ("cpuid level", 32), ("wp", "yes"),
            ("flags", INTEL_FLAGS), ("bugs", "spectre_v1 spectre_v2 spec_store_bypass swapgs eibrs_pbrsb"),
            ("bogomips", "5600.00"), ("clflush size", 64), ("cache_alignment", 64),
            ("address sizes", "46 bits physical, 57 bits virtual"), ("power management", ""),
        ])
    for node in range(sockets):
        files[f"{NODE}/node{node}/cpulist"] = cpulist(c for c in range(n) if (c % (sockets * cores)) // cores == node)
    distance_files(files, [[10, 21], [21, 10]])
    files[f"{CPU}/online"] = files[f"{CPU}/possible"] = files[f"{CPU}/present"] = cpulist(range(n))
    files["/proc/cpuinfo"] = cpuinfo(blocks)
    files["/proc/self/status"] = status(range(n), 4, range(sockets))
    files["/proc/sys/kernel/osrelease"] = "6.8.0-49-generic"

    leaves = {
        (0, 0): vendor_leaf(0x20, "GenuineIntel"),
        (1, 0): (signature(6, 0x8F, 8), leaf1_ebx(64, 128), 0x7FFEFBFF, 0xBFEBFBFF),
        (4, 0): cache_leaf(1, "Data", 48, 12, 64, 2, 64),
        (4, 1): cache_leaf(1, "Instruction", 32, 8, 64, 2, 64),
        (4, 2): cache_leaf(2, "Unified", 2048, 16, 64, 2, 64),
        (4, 3): cache_leaf(3, "Unified", 61440, 15, 64, 128, 64),
        (4, 4): (0, 0, 0, 0),
        (0x80000000, 0): (0x80000008, 0, 0, 0),
        (0x80000001, 0): (0, 0, 0x00000121, 0x2C100800),
    }
    leaves.update(brand_leaves(brand))
    write_capture("xeon-2s-smt-128cpu.capture", [
        "Synthesized in the sysfs/procfs format by generate-synthetic-captures.py, not captured from a machine.",
        "Layout: 2 sockets x 32 cores x 2 threads = 128 CPUs, Intel numbering (the SMT sibling of CPU N is N+64;",
        "socket 0 = CPUs 0-31,64-95), one die per socket, NUMA node = socket; per core L1d 48K, L1i 32K, L2 2048K",
        "shared by the SMT pair; L3 61440K per socket; 64-byte lines; NUMA distances 10 local, 21 remote;",
        "no hypervisor; CPUID leaves of a GenuineIntel family 6 model 0x8f part (Xeon Platinum 8462Y+)",
        "that agree with /sys.",
    ], files, leaves)


# --- container-restricted -----------------------------------------------------------------------

def container():
    cores, threads = 4, 2
    n = cores * threads
    offline = {6, 7}
    online = [c for c in range(n) if c not in offline]
    allowed = [1, 2, 5]
    brand = "Intel(R) Core(TM) i7-7700 CPU @ 3.60GHz"
    files = {}
    blocks = []
    for cpu in online:
        core = cpu % cores
        # The kernel's sibling and sharing masks hold online CPUs only.
        siblings = [c for c in (core, core + cores) if c not in offline]
        topology_files(files, cpu, core, 0, siblings, online)
        cache_files(files, cpu, 0, 1, "Data", 32, 8, siblings)
        cache_files(files, cpu, 1, 1, "Instruction", 32, 8, siblings)
        cache_files(files, cpu, 2, 2, "Unified", 256, 4, siblings)
        cache_files(files, cpu, 3, 3, "Unified", 8192, 16, online)
        blocks.append([
            ("processor", cpu), ("vendor_id", "GenuineIntel"), ("cpu family", 6), ("model", 158),
            ("model name", brand), ("stepping", 9), ("cpu MHz", "3600.000"), ("cache size", "8192 KB"),
            ("physical id", 0), ("siblings", len(online)), ("core id", core), ("cpu cores", cores),
            ("flags", "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr "
                      "sse sse2 ht syscall nx pdpe1gb rdtscp lm constant_tsc pni pclmulqdq ssse3 fma cx16 "
                      "sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand lahf_lm abm avx2 bmi1 bmi2"),
            ("clflush size", 64), ("cache_alignment", 64), ("power management", ""),
        ])
    files[f"{CPU}/online"] = cpulist(online)
    files[f"{CPU}/possible"] = files[f"{CPU}/present"] = cpulist(range(n))
    files["/proc/cpuinfo"] = cpuinfo(blocks)
    files["/proc/self/status"] = status(allowed, 1, [0])
    files["/proc/sys/kernel/osrelease"] = "5.15.0-91-generic"
    write_capture("container-restricted.capture", [
        "Synthesized in the sysfs/procfs format by generate-synthetic-captures.py, not captured from a machine.",
        "Layout: 1 socket x 4 cores x 2 threads = CPUs 0-7 (SMT sibling of N is N+4); CPUs 6-7 offline, so",
        "online = 0-5; the process is restricted to CPUs 1-2,5 (Cpus_allowed_list), as under taskset or a",
        "container cpuset. No /sys/devices/system/node and no CPUID leaves, as where neither is visible.",
    ], files, {})


# --- mismatch -----------------------------------------------------------------------------------

def mismatch():
    n = 4
    files = {}
    blocks = []
    for cpu in range(n):
        topology_files(files, cpu, cpu, 0, [cpu], range(n))
        cache_files(files, cpu, 0, 1, "Data", 48, 12, [cpu])
        cache_files(files, cpu, 1, 1, "Instruction", 32, 8, [cpu])
        cache_files(files, cpu, 2, 2, "Unified", 1280, 20, [cpu])
        cache_files(files, cpu, 3, 3, "Unified", 16384, 16, range(n))
        blocks.append([
            ("processor", cpu), ("vendor_id", "GenuineIntel"), ("cpu family", 6), ("model", 106),
            ("model name", "Intel Xeon Processor (Icelake)"), ("stepping", 0), ("physical id", 0),
            ("siblings", n), ("core id", cpu), ("cpu cores", n),
            ("flags", "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr "
                      "sse sse2 ss syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology cpuid "
                      "tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes "
                      "xsave avx f16c rdrand hypervisor lahf_lm abm avx2 avx512f"),
            ("clflush size", 64), ("cache_alignment", 64), ("power management", ""),
        ])
    files[f"{CPU}/online"] = files[f"{CPU}/possible"] = files[f"{CPU}/present"] = cpulist(range(n))
    files[f"{NODE}/node0/cpulist"] = cpulist(range(n))
    files["/proc/cpuinfo"] = cpuinfo(blocks)
    files["/proc/self/status"] = status(range(n), 1, [0])
    files["/proc/sys/kernel/osrelease"] = "6.1.0-26-amd64"

    brand = "Intel(R) Xeon(R) Platinum 8480+"
    leaves = {
        (0, 0): vendor_leaf(0x1F, "GenuineIntel"),
        # Hypervisor bit (ECX 31) clear although /proc/cpuinfo lists the flag; CLFLUSH 64 agrees.
        (1, 0): (signature(6, 0x8F, 8), leaf1_ebx(64, 4), 0x7FFAFBFF, 0x0F8BFBFF),
        # L1d: 128-byte lines (64 in /sys), 12 ways x 32 sets, so the size still agrees (48K).
        (4, 0): cache_leaf(1, "Data", 48, 12, 128, 1, 4),
        (4, 1): cache_leaf(1, "Instruction", 32, 8, 64, 1, 4),
        # L2: 2048K here, 1280K in /sys.
        (4, 2): cache_leaf(2, "Unified", 2048, 16, 64, 1, 4),
        (4, 3): cache_leaf(3, "Unified", 16384, 16, 64, 4, 4),
        (4, 4): (0, 0, 0, 0),
        (0x80000000, 0): (0x80000008, 0, 0, 0),
        (0x80000001, 0): (0, 0, 0x00000121, 0x2C100800),
    }
    leaves.update(brand_leaves(brand))
    write_capture("mismatch.capture", [
        "Synthesized in the sysfs/procfs format by generate-synthetic-captures.py, not captured from a machine.",
        "Layout: a 4-vCPU KVM guest (4 cores, 1 thread each, one node) whose CPUID, as after a live migration",
        "to another host, disagrees with what the kernel recorded at boot, on purpose and in four ways:",
        "L1d line 128 in CPUID vs 64 in /sys; L2 2048K vs 1280K; CPUID hypervisor bit clear vs the cpuinfo",
        "hypervisor flag; brand 'Intel(R) Xeon(R) Platinum 8480+' vs model name 'Intel Xeon Processor (Icelake)'.",
    ], files, leaves)


# --- the large machines: one description, several layouts ------------------------------------------

# The /proc/cpuinfo of these captures keeps the fields the parser and a reader look at; the flags
# are a short common subset (no "hypervisor": bare metal), not a part's full list.
X86_FLAGS = ("fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse "
             "sse2 ht syscall nx pdpe1gb rdtscp lm constant_tsc nonstop_tsc cpuid pni pclmulqdq ssse3 fma "
             "cx16 sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand lahf_lm abm avx2 bmi1 bmi2")
ARM64_FEATURES = "fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp"


class Machine:
    """A machine given by its numbering and what its cores share.

    CPUs are numbered thread-major, as both Intel and AMD server firmware enumerate them: the first
    thread of every core (package 0's cores, then package 1's...), then the second threads, so CPU
    N's SMT sibling is N + packages x cores. Cores are grouped by consecutive core id within a
    package: `l2_cores` to an L2, `l3_cores` to an L3, `node_cores` to a NUMA node.
    """

    def __init__(self, packages, cores, threads, l2_cores, l3_cores, node_cores, offline=()):
        self.packages, self.cores, self.threads = packages, cores, threads
        self.l2_cores, self.l3_cores, self.node_cores = l2_cores, l3_cores, node_cores
        self.count = packages * cores * threads
        self.online = [c for c in range(self.count) if c not in set(offline)]
        self.nodes = packages * (cores // node_cores)

    def place(self, cpu):
        """(package, core, thread) of a CPU number."""
        thread, rest = divmod(cpu, self.packages * self.cores)
        package, core = divmod(rest, self.cores)
        return package, core, thread

    def node(self, cpu):
        package, core, _ = self.place(cpu)
        return package * (self.cores // self.node_cores) + core // self.node_cores

    def sharing(self, cpu, group_cores):
        """The online CPUs of cpu's package whose cores are in the same group of `group_cores`;
        the kernel's sibling and sharing masks hold online CPUs only."""
        package, core, _ = self.place(cpu)
        return [c for c in self.online
                if self.place(c)[0] == package and self.place(c)[1] // group_cores == core // group_cores]


def machine_files(m, caches, line, die=0):
    """/sys/devices/system/cpu and node files of a Machine. caches: (level, type, size_k, ways, scope)
    with scope the number of cores sharing the cache (1: per core, shared by its SMT threads)."""
    files = {}
    for cpu in m.online:
        package, core, _ = m.place(cpu)
        topology_files(files, cpu, core, package, m.sharing(cpu, 1), m.sharing(cpu, m.cores), die)
        for index, (level, kind, size_k, ways, scope) in enumerate(caches):
            cache_files(files, cpu, index, level, kind, size_k, ways, m.sharing(cpu, scope), line)
    for node in range(m.nodes):
        files[f"{NODE}/node{node}/cpulist"] = cpulist(c for c in m.online if m.node(c) == node)
    files[f"{CPU}/online"] = cpulist(m.online)
    files[f"{CPU}/possible"] = files[f"{CPU}/present"] = cpulist(range(m.count))
    return files


def x86_cpuinfo(m, vendor, family, model, stepping, brand, flags=X86_FLAGS):
    return cpuinfo([[
        ("processor", cpu), ("vendor_id", vendor), ("cpu family", family), ("model", model),
        ("model name", brand), ("stepping", stepping), ("physical id", m.place(cpu)[0]),
        ("siblings", m.cores * m.threads), ("core id", m.place(cpu)[1]), ("cpu cores", m.cores),
        ("flags", flags), ("clflush size", 64), ("cache_alignment", 64), ("power management", ""),
    ] for cpu in m.online])


def intel_leaves(max_leaf, sig, max_logical, caches, brand, cores_per_package):
    """Leaves 0, 1, 4 (from the same cache list as /sys) and the brand, for a bare-metal Intel part."""
    leaves = {
        (0, 0): vendor_leaf(max_leaf, "GenuineIntel"),
        (1, 0): (sig, leaf1_ebx(64, max_logical), 0x7FFEFBFF, 0xBFEBFBFF),
        (0x80000000, 0): (0x80000008, 0, 0, 0),
        (0x80000001, 0): (0, 0, 0x00000121, 0x2C100800),
    }
    for subleaf, (level, kind, size_k, ways, sharing) in enumerate(caches):
        leaves[(4, subleaf)] = cache_leaf(level, kind, size_k, ways, 64, sharing, cores_per_package)
    leaves[(4, len(caches))] = (0, 0, 0, 0)
    leaves.update(brand_leaves(brand))
    return leaves


def amd_leaves(sig, caches, brand):
    """Leaves 0, 1, 0x8000001D (AMD's cache leaf, leaf 4's layout without the core count) and the
    brand, for a bare-metal Zen part; 0x80000001 ECX bit 22 (TopologyExtensions) is set."""
    leaves = {
        (0, 0): vendor_leaf(0x10, "AuthenticAMD"),
        (1, 0): (sig, leaf1_ebx(64, 255), 0x7EF8320B, 0x178BFBFF),
        (0x80000000, 0): (0x80000028, 0, 0, 0),
        (0x80000001, 0): (sig, 0, 0x75C237FF, 0x2FD3FBFF),
    }
    for subleaf, (level, kind, size_k, ways, sharing) in enumerate(caches):
        leaves[(0x8000001D, subleaf)] = cache_leaf(level, kind, size_k, ways, 64, sharing, 1)
    leaves[(0x8000001D, len(caches))] = (0, 0, 0, 0)
    leaves.update(brand_leaves(brand))
    return leaves


def cpuid_caches(caches, threads):
    """The CPUID view of a cache list: threads sharing = cores sharing x threads per core."""
    return [(level, kind, size_k, ways, scope * threads) for level, kind, size_k, ways, scope in caches]


def sapphire_rapids_leaves(caches, brand):
    """A family 6 model 0x8f part's leaves, as the xeon capture's: 128 addressable thread ids in
    the package, and leaf 4's L3 shared by all of them."""
    sharing = [(level, kind, size_k, ways, 128 if level == 3 else 2) for level, kind, size_k, ways, _ in caches]
    return intel_leaves(0x20, signature(6, 0x8F, 8), 128, sharing, brand, 64)


SYNTHESIZED = "Synthesized in the sysfs/procfs format by generate-synthetic-captures.py, not captured from a machine."


def write_machine(name, layout, m, caches, distances, cpuinfo_text, leaves, allowed=None, line=64, die=0):
    """Writes a Machine's capture: its /sys files, NUMA distances, /proc/cpuinfo, the process's
    affinity (every online CPU unless `allowed` is given) and the CPUID leaves; `layout` is the
    header's description after the line that says the capture is synthesized."""
    files = machine_files(m, caches, line, die)
    distance_files(files, distances)
    files["/proc/cpuinfo"] = cpuinfo_text
    files["/proc/self/status"] = status(m.online if allowed is None else allowed, (m.count + 31) // 32, range(len(distances)))
    files["/proc/sys/kernel/osrelease"] = "6.8.0-49-generic"
    write_capture(name, [SYNTHESIZED] + layout, files, leaves)


# --- desktop-1s-16c-smt -------------------------------------------------------------------------

def desktop():
    m = Machine(packages=1, cores=16, threads=2, l2_cores=1, l3_cores=16, node_cores=16)
    caches = [(1, "Data", 32, 8, 1), (1, "Instruction", 32, 8, 1), (2, "Unified", 1024, 16, 1), (3, "Unified", 22528, 11, 16)]
    brand = "Intel(R) Xeon(R) W-3245 CPU @ 3.20GHz"
    leaves = intel_leaves(0x16, signature(6, 0x55, 7), 32, cpuid_caches(caches, 2), brand, 16)
    write_machine("desktop-1s-16c-smt.capture", [
        "Layout: 1 socket x 16 cores x 2 threads = 32 CPUs (SMT sibling of N is N+16), one NUMA node; per core",
        "L1d 32K, L1i 32K, L2 1024K shared by the SMT pair; one L3 of 22528K for the socket; 64-byte lines;",
        "CPUID leaves of a GenuineIntel family 6 model 0x55 part (Xeon W-3245) that agree with /sys;",
        "/proc/cpuinfo with a short common flags list.",
    ], m, caches, [[10]], x86_cpuinfo(m, "GenuineIntel", 6, 0x55, 7, brand), leaves)


# --- epyc-2s-128c-smt ---------------------------------------------------------------------------

def epyc():
    m = Machine(packages=2, cores=64, threads=2, l2_cores=1, l3_cores=8, node_cores=64)
    caches = [(1, "Data", 32, 8, 1), (1, "Instruction", 32, 8, 1), (2, "Unified", 1024, 8, 1), (3, "Unified", 32768, 16, 8)]
    brand = "AMD EPYC 9554 64-Core Processor"
    leaves = amd_leaves(signature_extended(0x19, 0x11, 1), cpuid_caches(caches, 2), brand)
    write_machine("epyc-2s-128c-smt.capture", [
        "Layout: 2 sockets x 64 cores x 2 threads = 256 CPUs, AMD numbering (CPUs 0-63 socket 0, 64-127 socket 1,",
        "then their second threads: the SMT sibling of N is N+128); NPS1, so NUMA node = socket, distances 10",
        "local and 32 remote; per core L1d 32K, L1i 32K, L2 1024K; one L3 of 32768K per CCX of 8 cores, 8 per",
        "socket (cores 0-7 of a socket are CCX 0); 64-byte lines; CPUID leaves (0x8000001D for caches) of an",
        "AuthenticAMD family 0x19 model 0x11 part (EPYC 9554) that agree with /sys; /proc/cpuinfo with a short",
        "common flags list.",
    ], m, caches, [[10, 32], [32, 10]], x86_cpuinfo(m, "AuthenticAMD", 25, 0x11, 1, brand, X86_FLAGS + " topoext"), leaves)


# --- intel-2s-snc -------------------------------------------------------------------------------

def intel_snc():
    # Sub-NUMA clustering 2: each socket is two NUMA nodes of 16 cores. The L3 is written as the
    # kernel writes it: one cache per socket. /sys takes L3 sharing from CPUID leaf 4, which can only
    # say "shared by the package"; the kernel's scheduler then refuses the LLC across the nodes of a
    # package (arch/x86/kernel/smpboot.c, match_llc(), comment on intel_cod_cpu[], Linux 6.10: "The
    # LLC is shared for off-package data access but private to the NUMA node ... for on-package
    # access"). Writing one L3 per node instead would be a /sys no kernel writes; keeping the
    # socket-wide L3 tests that HwLab splits it by node as the kernel does.
    m = Machine(packages=2, cores=32, threads=2, l2_cores=1, l3_cores=32, node_cores=16)
    caches = [(1, "Data", 48, 12, 1), (1, "Instruction", 32, 8, 1), (2, "Unified", 2048, 16, 1), (3, "Unified", 61440, 15, 32)]
    brand = "Intel(R) Xeon(R) Platinum 8462Y+"
    distances = [[10, 12, 21, 21], [12, 10, 21, 21], [21, 21, 10, 12], [21, 21, 12, 10]]
    write_machine("intel-2s-snc.capture", [
        "Layout: 2 sockets x 32 cores x 2 threads = 128 CPUs, Intel numbering (the SMT sibling of CPU N is N+64),",
        "sub-NUMA clustering 2: node 0 = socket 0 cores 0-15 (CPUs 0-15,64-79), node 1 = its cores 16-31, nodes",
        "2 and 3 the same on socket 1; distances 10 local, 12 other node of the socket, 21 other socket; per",
        "core L1d 48K, L1i 32K, L2 2048K; L3 61440K written per socket, as CPUID leaf 4 and so the kernel",
        "describe it under SNC; 64-byte lines; CPUID leaves of a Xeon Platinum 8462Y+ that agree with /sys;",
        "/proc/cpuinfo with a short common flags list.",
    ], m, caches, distances, x86_cpuinfo(m, "GenuineIntel", 6, 0x8F, 8, brand), sapphire_rapids_leaves(caches, brand))


# --- 4s-448cpu ----------------------------------------------------------------------------------

def four_socket():
    m = Machine(packages=4, cores=56, threads=2, l2_cores=1, l3_cores=56, node_cores=56)
    caches = [(1, "Data", 48, 12, 1), (1, "Instruction", 32, 8, 1), (2, "Unified", 2048, 16, 1), (3, "Unified", 107520, 15, 56)]
    brand = "Intel(R) Xeon(R) Platinum 8480+"
    distances = [[10 if a == b else 21 for b in range(4)] for a in range(4)]
    write_machine("4s-448cpu.capture", [
        "Layout: 4 sockets x 56 cores x 2 threads = 448 CPUs, Intel numbering (socket S's first threads are",
        "CPUs 56S to 56S+55; the SMT sibling of N is N+224); NUMA node = socket, distances 10 local and 21",
        "to every other socket; per core L1d 48K, L1i 32K, L2 2048K; one L3 of 107520K per socket; 64-byte",
        "lines; CPUID leaves of a GenuineIntel family 6 model 0x8f part (Xeon Platinum 8480+) that agree",
        "with /sys; /proc/cpuinfo with a short common flags list.",
    ], m, caches, distances, x86_cpuinfo(m, "GenuineIntel", 6, 0x8F, 8, brand), sapphire_rapids_leaves(caches, brand))


# --- arm64-128b-lines ---------------------------------------------------------------------------

def arm64():
    m = Machine(packages=1, cores=64, threads=1, l2_cores=2, l3_cores=16, node_cores=64)
    caches = [(1, "Data", 64, 4, 1), (1, "Instruction", 64, 4, 1), (2, "Unified", 1024, 8, 2), (3, "Unified", 16384, 16, 16)]
    arm_cpuinfo = cpuinfo([[("processor", cpu), ("BogoMIPS", "50.00"), ("Features", ARM64_FEATURES)] for cpu in m.online])
    write_machine("arm64-128b-lines.capture", [
        "Layout: an arm64 machine of 64 cores without SMT, one package, one NUMA node; per core L1d 64K and",
        "L1i 64K; an L2 of 1024K per pair of cores; an L3 of 16384K per cluster of 16 cores; 128-byte",
        "coherency lines at every level. No die_id (arm64 kernels write none), no CPUID leaves (not x86),",
        "and /proc/cpuinfo with processor, BogoMIPS and Features only: no particular part is modelled.",
    ], m, caches, [[10]], arm_cpuinfo, {}, line=128, die=None)


# --- 512cpu-offline-restricted -------------------------------------------------------------------

def restricted_512():
    # Offline: both threads of socket 0's cores 120-127 (its last CCX: CPUs 120-127 and 376-383)
    # and the second threads of socket 1's cores 116-127 (CPUs 500-511).
    offline = list(range(120, 128)) + list(range(376, 384)) + list(range(500, 512))
    m = Machine(packages=2, cores=128, threads=2, l2_cores=1, l3_cores=8, node_cores=128, offline=offline)
    caches = [(1, "Data", 32, 8, 1), (1, "Instruction", 32, 8, 1), (2, "Unified", 1024, 8, 1), (3, "Unified", 16384, 16, 8)]
    brand = "AMD EPYC 9754 128-Core Processor"
    # The cpuset: the first four CCXs of each socket, and the offline CCX of socket 0, which a
    # cpuset may name; usable = 0-31,128-159,256-287,384-415.
    allowed = list(range(0, 32)) + list(range(120, 160)) + list(range(256, 288)) + list(range(376, 416))
    leaves = amd_leaves(signature_extended(0x19, 0xA0, 2), cpuid_caches(caches, 2), brand)
    write_machine("512cpu-offline-restricted.capture", [
        "Layout: 2 sockets x 128 cores x 2 threads = CPUs 0-511, AMD numbering (first threads 0-127 socket 0,",
        "128-255 socket 1, then the second threads: the SMT sibling of N is N+256); NPS1, distances 10/32;",
        "per core L1d 32K, L1i 32K, L2 1024K; one L3 of 16384K per CCX of 8 cores, 16 per socket. Offline:",
        "CPUs 120-127,376-383 (socket 0's last CCX) and 500-511 (second threads of socket 1's cores 116-127).",
        "The process's cpuset (Cpus_allowed_list) is 0-31,120-159,256-287,376-415, so the usable CPUs are",
        "0-31,128-159,256-287,384-415. CPUID leaves of an AuthenticAMD family 0x19 model 0xa0 part (EPYC 9754)",
        "that agree with /sys; /proc/cpuinfo lists the online CPUs, with a short common flags list.",
    ], m, caches, [[10, 32], [32, 10]], x86_cpuinfo(m, "AuthenticAMD", 25, 0xA0, 2, brand, X86_FLAGS + " topoext"), leaves, allowed=allowed)


if __name__ == "__main__":
    xeon()
    container()
    mismatch()
    desktop()
    epyc()
    intel_snc()
    four_socket()
    arm64()
    restricted_512()
