using HwLab.Lab.Results;

namespace HwLab.Lab.Tests.Results;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hwlab-atomic-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_write_that_fails_half_way_leaves_the_old_file_and_no_debris()
    {
        string path = Path.Combine(_directory, "results.json");
        File.WriteAllText(path, "old and complete");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, writer =>
        {
            writer.Write("new but only half");
            throw new IOException("disk full (simulated)");
        }));

        Assert.Equal("old and complete", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Readers_racing_rewrites_see_the_old_file_or_the_new_never_a_torn_one()
    {
        string path = Path.Combine(_directory, "results.json");
        string a = new('a', 4 * 1024 * 1024);
        string b = new('b', 4 * 1024 * 1024);
        AtomicFile.WriteAllText(path, a);
        var writer = Task.Run(
            () =>
            {
                for (int i = 0; i < 40; i++)
                {
                    AtomicFile.WriteAllText(path, i % 2 == 0 ? b : a);
                }
            },
            TestContext.Current.CancellationToken);

        int reads = 0;
        while (!writer.IsCompleted)
        {
            string seen = File.ReadAllText(path);
            Assert.True(seen == a || seen == b, $"read {seen.Length} characters that are neither version");
            reads++;
        }
        await writer;
        Assert.True(reads > 0);
    }

    [Fact]
    public void A_symbolic_link_is_refused_not_replaced_and_its_target_is_untouched()
    {
        string target = Path.Combine(_directory, "users-file");
        File.WriteAllText(target, "the user's own");
        string link = Path.Combine(_directory, "results.json");
        File.CreateSymbolicLink(link, target);

        UnsafeWriteTargetException refused = Assert.Throws<UnsafeWriteTargetException>(() => AtomicFile.WriteAllText(link, "results"));

        Assert.Equal(HwLab.Native.Files.FileKind.SymbolicLink, refused.Kind);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("the user's own", File.ReadAllText(target));
        Assert.Equal([link, target], Directory.GetFileSystemEntries(_directory).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_directory_is_refused()
    {
        string path = Directory.CreateDirectory(Path.Combine(_directory, "report.md")).FullName;
        Assert.Throws<UnsafeWriteTargetException>(() => AtomicFile.WriteAllText(path, "report"));
        Assert.True(Directory.Exists(path));
    }
}
