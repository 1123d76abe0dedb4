
namespace Spatial.Deployment.Images;

/// <summary>
/// Assembles a root filesystem from Debian packages without installing them: <c>apt-get download</c>, then
/// <c>dpkg -x</c> each into one folder, then the few files a package's maintainer scripts would have made.
/// </summary>
internal static class DebianRootFilesystem
{
    /// <summary>Bump when the steps below change, so cached base images are rebuilt.</summary>
    public const string RecipeVersion = "1";

    public const int AppUid = 1654;

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    public static async Task AssembleAsync(PackageList packages, string downloadDirectory, string rootDirectory, Action<string> log, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
            throw new BaseImageException("the offline base image is assembled with apt-get and dpkg: run DockerBaseImage on a Debian or Ubuntu machine");
        Directory.CreateDirectory(downloadDirectory);
        Directory.CreateDirectory(rootDirectory);

        log($"downloading {packages.Packages.Count} Debian packages: {string.Join(' ', packages.Packages)}");
        var download = await ExternalCommand.RunAsync("apt-get", ["download", .. packages.Packages], downloadDirectory, CommandTimeout, cancellationToken);
        if (download.StartError is not null)
            throw new BaseImageException($"cannot download Debian packages: {download.StartError}; the offline base image needs a Debian or Ubuntu machine with apt-get");
        if (download.ExitCode != 0)
            throw new BaseImageException($"apt-get download failed ({FirstError(download)}); run `sudo apt-get update` and check the names in the package list");

        foreach (var deb in Directory.EnumerateFiles(downloadDirectory, "*.deb").Order(StringComparer.Ordinal))
        {
            var extract = await ExternalCommand.RunAsync("dpkg", ["-x", deb, rootDirectory], downloadDirectory, CommandTimeout, cancellationToken);
            if (extract.StartError is not null || extract.ExitCode != 0)
                throw new BaseImageException($"dpkg -x {Path.GetFileName(deb)} failed: {extract.StartError ?? FirstError(extract)}");
        }

        WriteAccounts(rootDirectory);
        WriteCertificateBundle(rootDirectory);
        var tmp = Directory.CreateDirectory(Path.Combine(rootDirectory, "tmp"));
        // Sticky and world-writable, as every program expects of /tmp.
        File.SetUnixFileMode(tmp.FullName, UnixFileMode.StickyBit | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
    }

    private static void WriteAccounts(string root)
    {
        var etc = Directory.CreateDirectory(Path.Combine(root, "etc")).FullName;
        File.WriteAllText(Path.Combine(etc, "passwd"),
            $"root:x:0:0:root:/root:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\napp:x:{AppUid}:{AppUid}:app:/home/app:/usr/sbin/nologin\n");
        File.WriteAllText(Path.Combine(etc, "group"), $"root:x:0:\nnogroup:x:65534:\napp:x:{AppUid}:\n");
        Directory.CreateDirectory(Path.Combine(root, "home", "app"));
        Directory.CreateDirectory(Path.Combine(root, "root"));
    }

    // ca-certificates' postinst (update-ca-certificates) would concatenate the bundle; dpkg -x runs no scripts.
    private static void WriteCertificateBundle(string root)
    {
        var source = Path.Combine(root, "usr", "share", "ca-certificates");
        if (!Directory.Exists(source))
            return;
        var certs = Directory.CreateDirectory(Path.Combine(root, "etc", "ssl", "certs")).FullName;
        using var bundle = File.CreateText(Path.Combine(certs, "ca-certificates.crt"));
        foreach (var certificate in Directory.EnumerateFiles(source, "*.crt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            bundle.Write(File.ReadAllText(certificate).TrimEnd() + "\n");
    }

    private static string FirstError(ExternalCommand.Result result) =>
        (result.StandardError + "\n" + result.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.StartsWith("E:", StringComparison.Ordinal)) ?? $"exit code {result.ExitCode}";
}
