using System.Text;

namespace HwLab.Native;

/// <summary>The C layout probe of libhwlab_native: every kernel struct mirror as the C compiler lays it out, as JSON.</summary>
public static class NativeLayoutProbe
{
    /// <summary>The probe's JSON document (see native-layout/src/layout_probe.c for its fields).</summary>
    public static unsafe string ReadJson()
    {
        int needed = Interop.HwLabNative.LayoutProbeJson(null, 0);
        byte[] buffer = new byte[needed];
        fixed (byte* p = buffer)
        {
            Interop.HwLabNative.LayoutProbeJson(p, buffer.Length);
        }
        return Encoding.UTF8.GetString(buffer, 0, needed - 1);
    }
}
