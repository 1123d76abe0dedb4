namespace Spatial.Security.Trivy;

/// <summary>Where Trivy's vulnerability database is, if anywhere: vulnerability scans need it, and it cannot be fetched offline.</summary>
public static class TrivyDatabase
{
    /// <summary>Trivy's default cache folder ($XDG_CACHE_HOME/trivy or ~/.cache/trivy).</summary>
    public static string DefaultCacheDirectory()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "trivy");
    }

    /// <summary>True when <paramref name="cacheDirectory"/> holds a downloaded database (<c>db/trivy.db</c>).</summary>
    public static bool IsPresent(string cacheDirectory) => File.Exists(Path.Combine(cacheDirectory, "db", "trivy.db"));
}
