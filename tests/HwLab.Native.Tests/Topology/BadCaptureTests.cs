using System.Globalization;
using HwLab.Native.Topology;

namespace HwLab.Native.Tests.Topology;

/// <summary>
/// A capture is input like any other: a real capture, corrupted, is refused with a
/// <see cref="FormatException"/> naming the entry and the value, from the text to the topology.
/// </summary>
public sealed class BadCaptureTests
{
    private const string Cpu = "/sys/devices/system/cpu";
    private const string Online = Cpu + "/online";
    private const string L1LineSize = Cpu + "/cpu0/cache/index0/coherency_line_size";

    private readonly string _kvm = TopologyFixtures.Text(TopologyFixtures.Kvm).ReplaceLineEndings("\n");

    [Fact]
    public void The_uncorrupted_fixture_reads()
    {
        CpuTopology topology = ReadCapture(_kvm);

        Assert.Equal(2, topology.Cpus.Count);
        Assert.Equal(64, topology.LineSize);
    }

    [Theory]
    [InlineData(Online, "0-1", "abc")]
    [InlineData(Online, "0-1", "0-1-2")]
    [InlineData(Cpu + "/possible", "0-1", "0,,1")]
    [InlineData(Cpu + "/cpu1/topology/core_id", "1", "one")]
    [InlineData(Cpu + "/cpu1/topology/core_id", "1", "99999999999999999999")]
    [InlineData(Cpu + "/cpu0/topology/physical_package_id", "0", "-99999999999999999999")]
    [InlineData(Cpu + "/cpu0/topology/thread_siblings_list", "0", "zero")]
    [InlineData(Cpu + "/cpu0/cache/index0/size", "48K", "99999999999999999999K")]
    [InlineData(Cpu + "/cpu0/cache/index0/size", "48K", "9999999999999999G")]
    [InlineData(Cpu + "/cpu0/cache/index0/level", "1", "-1")]
    [InlineData(Cpu + "/cpu0/cache/index0/ways_of_associativity", "12", "-12")]
    [InlineData(Cpu + "/cpu0/cache/index0/number_of_sets", "64", "4294967296")]
    [InlineData(Cpu + "/cpu0/cache/index0/type", "Data", "Victim")]
    [InlineData("/sys/devices/system/node/node0/cpulist", "0-1", "0-")]
    public void A_bad_value_is_refused_naming_the_entry_and_the_value(string path, string value, string bad)
    {
        FormatException e = Refused(Replace($"{path}:{value}", $"{path}:{bad}"));

        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{bad}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("7")]
    [InlineData("12")]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("2048")]
    [InlineData("-64")]
    [InlineData("+64")]
    [InlineData("64.0")]
    [InlineData("99999999999999999999")]
    public void A_line_size_that_is_not_a_power_of_two_from_16_to_1024_is_refused(string bad)
    {
        FormatException e = Refused(Replace($"{L1LineSize}:64", $"{L1LineSize}:{bad}"));

        Assert.Equal($"{L1LineSize}: '{bad}' is not a cache line size (a power of two from 16 to 1024 bytes).", e.Message);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(128)]
    [InlineData(1024)]
    public void Line_sizes_within_the_rule_are_read(int bytes)
    {
        CpuTopology topology = ReadCapture(Replace($"{L1LineSize}:64", $"{L1LineSize}:{bytes}"));

        Assert.Equal(bytes, topology.LineSize);
    }

    [Theory]
    [InlineData(Cpu + "/cpu1/cache/index2/coherency_line_size")]
    [InlineData(Cpu + "/cpu1/cache/index1/coherency_line_size")]
    public void Every_cache_line_size_is_checked_not_only_the_one_used(string path)
    {
        FormatException e = Refused(Replace($"{path}:64", $"{path}:96"));

        Assert.StartsWith($"{path}: '96' is not a cache line size", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpuid/0x8000001d.0x0:eax=0x00000121 ebx=0x02c0003f", "cpuid/0x8000001d.0x0:eax=0x00000121 ebx=0x02c00006", "cpuid/0x8000001d.0x0: the line size 7 ")]
    [InlineData("cpuid/0x8000001d.0x2:eax=0x00000143 ebx=0x03c0003f", "cpuid/0x8000001d.0x2:eax=0x00000143 ebx=0x03c007ff", "cpuid/0x8000001d.0x2: the line size 2048 ")]
    [InlineData("cpuid/0x00000001.0x0:eax=0x00b00f21 ebx=0x01020800", "cpuid/0x00000001.0x0:eax=0x00b00f21 ebx=0x01020100", "cpuid/0x00000001.0x0: the CLFLUSH line size 8 ")]
    public void A_cpuid_line_size_outside_the_rule_is_refused_naming_the_leaf(string good, string bad, string expected)
    {
        FormatException e = Refused(ReplaceStart(good, bad));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.EndsWith("is not a power of two from 16 to 1024 bytes.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clflush_size_of_0_means_not_reported_and_is_read()
    {
        CpuTopology topology = ReadCapture(ReplaceStart(
            "cpuid/0x00000001.0x0:eax=0x00b00f21 ebx=0x01020800", "cpuid/0x00000001.0x0:eax=0x00b00f21 ebx=0x01020000"));

        Assert.Equal(0, topology.CpuId!.ClflushLineSize);
        Assert.Equal(64, topology.LineSize);
    }

    [Fact]
    public void A_file_recorded_twice_is_refused_naming_it_and_both_lines()
    {
        FormatException online = Refused(_kvm + $"{Online}:0-1\n");
        FormatException lineSize = Refused(_kvm + $"{L1LineSize}:64\n");

        Assert.Equal($"capture line 149: {Online} is recorded twice (first on line 132).", online.Message);
        Assert.Equal($"capture line 149: {L1LineSize} is recorded twice (first on line 64).", lineSize.Message);
    }

    [Fact]
    public void A_capture_pasted_twice_is_refused()
    {
        FormatException e = Refused(_kvm + _kvm);

        Assert.Contains("/proc/cpuinfo is recorded twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_line_file_recorded_twice_in_a_row_is_refused_naming_it()
    {
        // Consecutive lines of one path are one file of several lines; a /sys attribute has one.
        FormatException e = Refused(Replace($"{Online}:0-1", $"{Online}:0-1\n{Online}:0-1"));

        Assert.Equal($"{Online}: 2 lines where the kernel writes one ('0-1' first); is the file recorded twice?", e.Message);
    }

    [Fact]
    public void A_kernel_release_of_two_lines_is_refused()
    {
        const string Release = "/proc/sys/kernel/osrelease";
        FormatException e = Refused(Replace($"{Release}:6.18.44-fc-v595", $"{Release}:6.18.44-fc-v595\n{Release}:6.1.0"));

        Assert.StartsWith($"{Release}: 2 lines", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("   \r\n\t\n")]
    [InlineData("# a comment and nothing else\n")]
    public void An_empty_capture_is_refused(string text)
    {
        FormatException e = Refused(text);

        Assert.Equal("the capture holds no file and no CPUID leaf.", e.Message);
    }

    [Fact]
    public void A_capture_that_names_no_cpu_is_refused()
    {
        // Caches, a NUMA node, affinity and CPUID, but no online list, no processor and no topology directory.
        string noCpu = KeepLines(line => !line.StartsWith(Online + ":", StringComparison.Ordinal)
            && !line.StartsWith("/proc/cpuinfo:processor", StringComparison.Ordinal)
            && !line.Contains("/topology/", StringComparison.Ordinal));
        string cpuIdOnly = KeepLines(line => line.StartsWith("cpuid/", StringComparison.Ordinal));

        foreach (string capture in (string[])[noCpu, cpuIdOnly, "/proc/sys/kernel/osrelease:6.1.0\n"])
        {
            FormatException e = Refused(capture);
            Assert.Equal(
                $"No CPU is named: {Online} is absent, /proc/cpuinfo lists no processor and no {Cpu}/cpuN/topology file is recorded.",
                e.Message);
        }
    }

    [Theory]
    [InlineData(Online, "0-1", "0-4000000000")]
    [InlineData(Online, "0-1", "8192")]
    [InlineData(Online, "0-1", "0-99999999999999999999")]
    [InlineData(Online, "0-1", "99999999999999999999-0")]
    [InlineData(Online, "0-1", "0-8191:99999999999999999999,8192")]
    [InlineData(Cpu + "/cpu0/cache/index3/shared_cpu_list", "0-1", "0-70000")]
    [InlineData(Cpu + "/cpu1/topology/thread_siblings_list", "1", "1,4000000000")]
    [InlineData("/sys/devices/system/node/node0/cpulist", "0-1", "0-1,9000")]
    public void A_cpu_beyond_8191_is_refused_before_it_is_allocated(string path, string value, string bad)
    {
        FormatException e = Refused(Replace($"{path}:{value}", $"{path}:{bad}"));

        Assert.StartsWith($"{path}: CPU list '{bad}'", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("names a CPU beyond 8191.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_8191_is_the_highest_read()
    {
        CpuTopology topology = ReadCapture(Replace($"{Online}:0-1", $"{Online}:0-1,8191"));

        Assert.Equal(8191, topology.Online.Max);
        Assert.Equal(3, topology.Cpus.Count);
    }

    [Fact]
    public void A_stride_near_the_int_limit_ends_the_range_instead_of_wrapping()
    {
        CpuTopology topology = ReadCapture(Replace($"{Online}:0-1", $"{Online}:0-1,8190-8191:2147483646"));

        Assert.Equal([0, 1, 8190], topology.Online);
    }

    [Fact]
    public void A_cpu_mask_beyond_cpu_8191_is_refused_and_leading_zero_groups_are_not()
    {
        string zeros = string.Concat(Enumerable.Repeat(",00000000", 256));
        string maskOnly = Without("/proc/self/status:Cpus_allowed_list:\t0-1");

        FormatException e = Refused(maskOnly.Replace("Cpus_allowed:\t3\n", $"Cpus_allowed:\t1{zeros}\n", StringComparison.Ordinal));
        CpuTopology padded = ReadCapture(maskOnly.Replace("Cpus_allowed:\t3\n", $"Cpus_allowed:\t0{zeros[..^9]},00000002\n", StringComparison.Ordinal));

        Assert.StartsWith("/proc/self/status Cpus_allowed: CPU mask '", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("names CPU 8192, beyond 8191.", e.Message, StringComparison.Ordinal);
        Assert.Equal([1], padded.Allowed);
    }

    [Fact]
    public void Cpu_and_node_directories_beyond_the_kernel_limits_are_refused()
    {
        string withoutOnlineCpus = KeepLines(line => !line.StartsWith(Online + ":", StringComparison.Ordinal)
            && !line.StartsWith("/proc/cpuinfo:", StringComparison.Ordinal));

        FormatException cpu = Refused(withoutOnlineCpus + $"{Cpu}/cpu9000/topology/core_id:0\n");
        FormatException node = Refused(_kvm + "/sys/devices/system/node/node4096/cpulist:0\n");

        Assert.Equal($"{Cpu}/cpu9000/topology/core_id: cpu9000 is beyond the highest CPU number a kernel has, 8191.", cpu.Message);
        Assert.Equal("/sys/devices/system/node/node4096/cpulist: node4096 is beyond the highest node number a kernel has, 1023.", node.Message);
    }

    [Fact]
    public void A_processor_beyond_8191_in_cpuinfo_is_refused()
    {
        FormatException e = Refused(ReplaceStart("/proc/cpuinfo:processor\t: 1", "/proc/cpuinfo:processor\t: 99999999999999999999"));

        Assert.Equal("/proc/cpuinfo: processor '99999999999999999999' is not a CPU number (0 to 8191).", e.Message);
    }

    [Fact]
    public void A_truncated_capture_is_refused_where_it_stops()
    {
        string inPath = _kvm[..(_kvm.IndexOf($"{Cpu}/cpu1/cache/index2/", StringComparison.Ordinal) + 30)];
        string inLeaf = _kvm[..(_kvm.IndexOf("cpuid/0x8000001d.0x2:", StringComparison.Ordinal) + 40)];
        string inValue = _kvm[..(_kvm.IndexOf($"{Cpu}/cpu1/cache/index0/type:Data", StringComparison.Ordinal) + $"{Cpu}/cpu1/cache/index0/type:Da".Length)];

        Assert.Equal($"capture line 112: '{Cpu}/cpu1/c' is not PATH:TEXT.", Refused(inPath).Message);
        Assert.StartsWith("capture line 146: cpuid/0x8000001d.0x2: 'eax=0x00000143 ebx=' is not eax=0x", Refused(inLeaf).Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Cpu}/cpu1/cache/index0/type: 'Da' is not a cache type", Refused(inValue).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_is_refused()
    {
        var random = new Random(20261128);
        byte[] bytes = new byte[4096];
        random.NextBytes(bytes);

        Assert.Contains("is not PATH:TEXT", Refused("\0\u0001\u0002garbage\n").Message, StringComparison.Ordinal);
        Assert.Contains("is not PATH:TEXT", Refused("{\n  \"schema\": \"hwlab.topology/1\"\n}\n").Message, StringComparison.Ordinal);
        Assert.Contains("No CPU is named", Refused("key: value\nother: thing\n").Message, StringComparison.Ordinal);
        Refused(System.Text.Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void A_carriage_return_inside_a_line_is_refused()
    {
        FormatException e = Refused(Replace($"{Online}:0-1", $"{Online}:0\r-1"));

        Assert.Equal("capture line 132 holds a carriage return before its end.", e.Message);
    }

    // Every line of two real captures given each junk value in turn, then every truncation at a
    // line end: the capture reads or is refused by FormatException with a one-line message,
    // never any other exception.
    [Theory]
    [InlineData(TopologyFixtures.Kvm)]
    [InlineData(TopologyFixtures.Container)]
    public void Any_value_replaced_by_junk_is_read_or_refused_by_FormatException_alone(string fixture)
    {
        string[] junk =
        [
            "", "abc", "-1", "7", "8192", "99999999999999999999", "-99999999999999999999", "0-4000000000",
            "0-8191:2147483647", "1,,2", "ffffffff,ffffffff", "99999999999G",
            "eax=0xffffffff ebx=0xffffffff ecx=0xffffffff edx=0xffffffff", "eax=0x0 ebx=0x0 ecx=0x0 edx=0x0",
            "0\r1", "1" + string.Concat(Enumerable.Repeat(",0", 2100)),
        ];
        string[] lines = TopologyFixtures.Text(fixture).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        int refused = 0;
        int read = 0;

        for (int n = 0; n < lines.Length; n++)
        {
            int colon = lines[n].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || lines[n].StartsWith('#'))
            {
                continue;
            }
            foreach (string value in junk)
            {
                string[] corrupted = [.. lines];
                corrupted[n] = lines[n][..(colon + 1)] + value;
                Count(string.Join('\n', corrupted) + "\n");
            }
        }
        for (int n = 0; n <= lines.Length; n++)
        {
            Count(string.Join('\n', lines[..n]) + "\n");
        }

        // Both outcomes happen, so the loop tried real corruptions and real captures.
        Assert.True(refused > lines.Length, string.Create(CultureInfo.InvariantCulture, $"{refused} refused"));
        Assert.True(read > lines.Length, string.Create(CultureInfo.InvariantCulture, $"{read} read"));

        void Count(string capture)
        {
            try
            {
                ReadCapture(capture);
                read++;
            }
            catch (FormatException e)
            {
                Assert.DoesNotContain('\n', e.Message);
                refused++;
            }
        }
    }

    // The path a replay takes: the text to a snapshot, the snapshot to a topology.
    private static CpuTopology ReadCapture(string text) => TopologyParser.Parse(SysfsSnapshot.Parse(text));

    private static FormatException Refused(string text) => Assert.Throws<FormatException>(() => ReadCapture(text));

    // The fixture with one whole line replaced; the line must be there, so that the corruption is real.
    private string Replace(string line, string replacement)
    {
        string text = "\n" + _kvm;
        Assert.Contains("\n" + line + "\n", text, StringComparison.Ordinal);
        return text.Replace("\n" + line + "\n", "\n" + replacement + "\n", StringComparison.Ordinal)[1..];
    }

    // The fixture with the start of one line replaced.
    private string ReplaceStart(string start, string replacement)
    {
        Assert.Contains("\n" + start, _kvm, StringComparison.Ordinal);
        return _kvm.Replace("\n" + start, "\n" + replacement, StringComparison.Ordinal);
    }

    // A blank line is not content, so the line's removal leaves the file's other lines together.
    private string Without(string line) => Replace(line, "");

    private string KeepLines(Func<string, bool> keep) => string.Join('\n', _kvm.Split('\n').Where(line => line.Length == 0 || keep(line)));
}
