using HwLab.Native.Files;

namespace HwLab.Native.Tests.Files;

public sealed class FileKindsTests
{
    [Fact]
    public void Each_kind_of_path_is_told_apart_without_following_links()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Linux paths");
        string directory = Directory.CreateTempSubdirectory("hwlab-kinds-").FullName;
        try
        {
            string file = Path.Combine(directory, "file");
            File.WriteAllText(file, "x");
            string link = Path.Combine(directory, "link");
            File.CreateSymbolicLink(link, file);
            string dangling = Path.Combine(directory, "dangling");
            File.CreateSymbolicLink(dangling, Path.Combine(directory, "nowhere"));

            Assert.Equal(FileKind.RegularFile, FileKinds.Of(file));
            Assert.Equal(FileKind.Directory, FileKinds.Of(directory));
            Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(link));
            Assert.Equal(FileKind.RegularFile, FileKinds.OfTarget(link));
            Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(dangling));
            Assert.Equal(FileKind.Absent, FileKinds.OfTarget(dangling));
            Assert.Equal(FileKind.Absent, FileKinds.Of(Path.Combine(directory, "nothing")));
            Assert.Equal(FileKind.Absent, FileKinds.Of(Path.Combine(file, "below-a-file")));
            Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(FileKind.Absent, true)]
    [InlineData(FileKind.RegularFile, true)]
    [InlineData(FileKind.Directory, false)]
    [InlineData(FileKind.SymbolicLink, false)]
    [InlineData(FileKind.CharacterDevice, false)]
    [InlineData(FileKind.BlockDevice, false)]
    [InlineData(FileKind.Fifo, false)]
    [InlineData(FileKind.Socket, false)]
    [InlineData(FileKind.Other, false)]
    public void Only_nothing_or_a_regular_file_may_be_replaced(FileKind kind, bool replaceable)
    {
        Assert.Equal(replaceable, FileKinds.IsReplaceable(kind));
    }
}
