namespace HwLab.Native.Topology;

/// <summary>
/// Whether the machine is a virtual machine: present when /proc/cpuinfo lists the
/// <c>hypervisor</c> flag or CPUID leaf 1 sets ECX bit 31. In a VM, "cores" are vCPUs the host
/// schedules at will, so contention and false-sharing figures are the host's as much as ours.
/// </summary>
/// <param name="Present">A hypervisor was detected.</param>
/// <param name="Vendor">Its CPUID signature (leaf 0x40000000: KVMKVMKVM, Microsoft Hv...), or null when unknown.</param>
public sealed record HypervisorInfo(bool Present, string? Vendor)
{
    public static HypervisorInfo None { get; } = new(false, null);
}
