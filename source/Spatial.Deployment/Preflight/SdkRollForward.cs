using System.Text.Json;

namespace Spatial.Deployment.Preflight;

/// <summary>
/// global.json's SDK rule: whether an installed SDK version satisfies <c>sdk.version</c> under
/// <c>sdk.rollForward</c>, as the dotnet host decides it (feature band = hundreds of the patch number).
/// </summary>
public static class SdkRollForward
{
    /// <summary>Reads sdk.version and sdk.rollForward (default "latestPatch") from a global.json file; nulls when absent.</summary>
    public static (string? Version, string RollForward) ReadGlobalJson(string path)
    {
        if (!File.Exists(path))
            return (null, "latestPatch");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("sdk", out var sdk))
            return (null, "latestPatch");
        var version = sdk.TryGetProperty("version", out var v) ? v.GetString() : null;
        var rollForward = sdk.TryGetProperty("rollForward", out var r) ? r.GetString() ?? "latestPatch" : "latestPatch";
        return (version, rollForward);
    }

    /// <summary>True when <paramref name="installed"/> satisfies <paramref name="required"/> under the policy.</summary>
    /// <exception cref="ArgumentException">A version is not of the form major.minor.patch, or the policy is unknown.</exception>
    public static bool Satisfies(string installed, string required, string rollForward)
    {
        var have = SdkVersion.Parse(installed);
        var want = SdkVersion.Parse(required);
        if (have.CompareTo(want) < 0)
            return false;
        return rollForward.ToLowerInvariant() switch
        {
            "disable" => have.CompareTo(want) == 0,
            "patch" or "latestpatch" => have.Major == want.Major && have.Minor == want.Minor && have.FeatureBand == want.FeatureBand,
            "feature" or "latestfeature" => have.Major == want.Major && have.Minor == want.Minor,
            "minor" or "latestminor" => have.Major == want.Major,
            "major" or "latestmajor" => true,
            _ => throw new ArgumentException($"unknown rollForward policy '{rollForward}'", nameof(rollForward)),
        };
    }

    private readonly record struct SdkVersion(int Major, int Minor, int Patch) : IComparable<SdkVersion>
    {
        public int FeatureBand => Patch / 100;

        public static SdkVersion Parse(string text)
        {
            // Pre-release suffixes ("10.0.100-rc.1") compare by their numeric part.
            var parts = text.Split('-', 2)[0].Split('.');
            if (parts.Length != 3 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor) || !int.TryParse(parts[2], out var patch))
                throw new ArgumentException($"'{text}' is not an SDK version (major.minor.patch)", nameof(text));
            return new SdkVersion(major, minor, patch);
        }

        public int CompareTo(SdkVersion other) =>
            (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
    }
}
