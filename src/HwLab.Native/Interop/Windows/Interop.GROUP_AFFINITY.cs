using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class Kernel32
    {
        /// <summary>GROUP_AFFINITY: a 64-CPU mask within one processor group.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct GROUP_AFFINITY
        {
            public nuint Mask;
            public ushort Group;
            public ushort Reserved0;
            public ushort Reserved1;
            public ushort Reserved2;
        }

        /// <summary>PROCESSOR_NUMBER: a CPU as group and number within the group.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PROCESSOR_NUMBER
        {
            public ushort Group;
            public byte Number;
            public byte Reserved;
        }
    }
}
