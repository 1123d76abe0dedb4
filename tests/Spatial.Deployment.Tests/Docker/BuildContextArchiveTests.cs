using System.Formats.Tar;
using Spatial.Deployment.Docker;

namespace Spatial.Deployment.Tests.Docker;

public class BuildContextArchiveTests
{
    private string _context = "";

    [SetUp]
    public void CreateContext()
    {
        _context = Directory.CreateTempSubdirectory("spatial-context-").FullName;
        Write("Dockerfile", "FROM scratch\n");
        Write("app/app.dll", "binary");
        Write("app/appsettings.json", "{}");
        Write("app/obj/cache.bin", "cache");
        Write("notes.md", "notes");
        Write("secrets/token.txt", "hunter2");
    }

    [TearDown]
    public void RemoveContext() => Directory.Delete(_context, recursive: true);

    [Test]
    public async Task Archive_leaves_out_what_dockerignore_excludes()
    {
        Write(".dockerignore", "secrets\n**/obj\n*.md\nDockerfile\n");

        var entries = await ReadArchiveAsync();

        Assert.That(entries, Is.EquivalentTo(new[] { ".dockerignore", "Dockerfile", "app", "app/app.dll", "app/appsettings.json" }),
            "Dockerfile and .dockerignore always travel, as with the Docker CLI");
        Assert.That(BuildContextArchive.ListEntries(_context), Is.EqualTo(entries), "the listing is what the archive holds");
    }

    [Test]
    [Platform("Linux,MacOSX")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Archive_keeps_file_modes_and_links()
    {
        File.SetUnixFileMode(Path.Combine(_context, "app", "app.dll"), (UnixFileMode)Convert.ToInt32("755", 8));
        File.CreateSymbolicLink(Path.Combine(_context, "app", "current"), "app.dll");

        await using var archive = await BuildContextArchive.CreateAsync(_context);
        var entries = new Dictionary<string, TarEntry>();
        await using (var reader = new TarReader(archive))
            while (await reader.GetNextEntryAsync() is { } entry)
                entries[entry.Name] = entry;

        Assert.That(entries["app/app.dll"].Mode, Is.EqualTo((UnixFileMode)Convert.ToInt32("755", 8)));
        Assert.That(entries["app/current"].EntryType, Is.EqualTo(TarEntryType.SymbolicLink));
        Assert.That(entries["app/current"].LinkName, Is.EqualTo("app.dll"));
    }

    [Test]
    public void Missing_context_is_a_clear_error() =>
        Assert.That(() => BuildContextArchive.ListEntries(Path.Combine(_context, "nope")),
            Throws.TypeOf<DirectoryNotFoundException>().With.Message.Contains("nope"));

    private async Task<List<string>> ReadArchiveAsync()
    {
        var names = new List<string>();
        await using var archive = await BuildContextArchive.CreateAsync(_context);
        await using var reader = new TarReader(archive);
        while (await reader.GetNextEntryAsync() is { } entry)
            names.Add(entry.Name.TrimEnd('/'));
        return names;
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_context, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
