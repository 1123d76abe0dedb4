using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Spatial.Models.Registry;

namespace Spatial.Models.Tests;

/// <summary>Hostile model archives: unlisted files, too many or too large entries, and what killed importers and writers leave behind.</summary>
public class ArchiveImportTests
{
    private TempDirectory _source = null!;
    private TempDirectory _target = null!;
    private ModelRegistry _registry = null!;

    [SetUp]
    public void SetUp()
    {
        (_source, _target) = (new TempDirectory(), new TempDirectory());
        _registry = new ModelRegistry(_target.Path, lockTimeout: TimeSpan.FromSeconds(60));
    }

    [TearDown]
    public void TearDown()
    {
        _source.Dispose();
        _target.Dispose();
    }

    private string ExportShipped()
    {
        var registry = new ModelRegistry(_source.Path);
        registry.Register(ShippedModel.CopyTo(_source.Path));
        return ModelArchive.Export(registry, "pizza-doneness", null, _source.Combine("model.zip"));
    }

    /// <summary>Adds <paramref name="name"/> to the archive and lists it in checksums.sha256, so only the new rules can catch it.</summary>
    private static void AddCoveredEntry(string archive, string name, Action<Stream> write, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Update);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = zip.CreateEntry(name, level).Open())
        using (var hashing = new HashingStream(stream, hash))
            write(hashing);
        var checksums = zip.GetEntry("checksums.sha256")!;
        string text;
        using (var reader = new StreamReader(checksums.Open()))
            text = reader.ReadToEnd();
        checksums.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("checksums.sha256").Open());
        writer.Write(text + $"{Convert.ToHexStringLower(hash.GetHashAndReset())}  {name}\n");
    }

    [Test]
    public void A_package_file_the_manifest_does_not_list_is_refused_and_nothing_is_installed()
    {
        var archive = ExportShipped();
        AddCoveredEntry(archive, "package/run-me.sh", s => s.Write("#!/bin/sh\necho owned\n"u8));

        var error = Assert.Throws<RegistryException>(() => ModelArchive.Import(_registry, archive))!;

        Assert.That(error.Message, Does.EndWith("'package/run-me.sh' is not listed in the package manifest; an archive installs only the manifest and its artifacts"));
        Assert.That(Directory.GetFileSystemEntries(_target.Path), Is.Empty);
    }

    [Test]
    public void An_archive_with_more_entries_than_the_limit_is_refused()
    {
        var archive = ExportShipped();
        for (var i = 0; i < 70; i++)
            AddCoveredEntry(archive, $"package/extra-{i}.bin", s => s.WriteByte(0));

        var error = Assert.Throws<RegistryException>(() => ModelArchive.Import(_registry, archive))!;

        Assert.That(error.Message, Does.EndWith("holds 74 entries, more than the 64 an archive may hold"));
        Assert.That(Directory.GetFileSystemEntries(_target.Path), Is.Empty);
    }

    [Test]
    public void Entries_declaring_more_than_the_total_limit_are_refused_before_extraction()
    {
        var archive = ExportShipped();
        AddCoveredEntry(archive, "package/zeros-a.bin", s => s.Write(new byte[3 << 20]));
        AddCoveredEntry(archive, "package/zeros-b.bin", s => s.Write(new byte[3 << 20]));
        var limits = new ArchiveLimits { MaxTotalBytes = 4 << 20, MaxEntryBytes = 4 << 20 };

        var error = Assert.Throws<RegistryException>(() => ModelArchive.Import(_registry, archive, limits))!;

        Assert.That(error.Message, Does.Contain("bytes together, more than the 4194304-byte limit"));
        Assert.That(Directory.GetFileSystemEntries(_target.Path), Is.Empty);
    }

    [Test]
    public void A_large_listed_artifact_is_streamed_to_disk_not_held_in_memory()
    {
        // The manifest lists a 256 MiB artifact (highly compressible zeros); the import must hash it while writing it out.
        const long size = 256L << 20;
        var registry = new ModelRegistry(_source.Path);
        var package = ShippedModel.CopyTo(_source.Path, edit: m => m with
        {
            Artifacts = [.. m.Artifacts, new ModelArtifact { File = "zeros.bin", Size = size, Sha256 = ZerosSha256(size) }],
        });
        using (var zeros = new FileStream(Path.Combine(package, "zeros.bin"), FileMode.CreateNew))
            zeros.SetLength(size);
        registry.Register(package);
        var archive = ModelArchive.Export(registry, "pizza-doneness", null, _source.Combine("big.zip"));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var imported = ModelArchive.Import(_registry, archive);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Out.WriteLine($"importing a {size >> 20} MiB artifact allocated {allocated / 1048576.0:F1} MiB");

        Assert.That(new FileInfo(Path.Combine(_registry.PackageDirectory(imported), "zeros.bin")).Length, Is.EqualTo(size));
        Assert.That(allocated, Is.LessThan(32L << 20), "bytes allocated by the import");
    }

    private static string ZerosSha256(long size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[1 << 20];
        for (long done = 0; done < size; done += chunk.Length)
            hash.AppendData(chunk);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [Test]
    public void Staging_folders_of_dead_importers_and_temp_files_of_dead_writers_are_removed_under_the_lock()
    {
        Directory.CreateDirectory(_target.Path);
        using var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        exited.WaitForExit();
        var dead = Directory.CreateDirectory(_target.Combine($".import-{exited.Id}-0123456789abcdef")).FullName;
        var legacy = Directory.CreateDirectory(_target.Combine($".import-{Guid.NewGuid():N}")).FullName;
        var live = Directory.CreateDirectory(_target.Combine($".import-{Environment.ProcessId}-fedcba9876543210")).FullName;
        for (var i = 0; i < 20; i++)
            File.WriteAllText(_target.Combine($"registry.json.tmp-{Guid.NewGuid():N}"), "{ half a regis");

        _registry.Register(ShippedModel.CopyTo(_target.Path));

        Assert.That(Directory.Exists(dead), Is.False, "a dead importer's staging folder");
        Assert.That(Directory.Exists(legacy), Is.False, "a staging folder without an owner");
        Assert.That(Directory.Exists(live), Is.True, "a live importer's staging folder");
        Assert.That(Directory.GetFiles(_target.Path, "registry.json.tmp-*"), Is.Empty);
    }

    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            hash.AppendData(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }
    }
}
