using Spatial.Deployment.Releases;

namespace Spatial.Deployment.Rollouts;

/// <summary>Which release <c>Rollback</c> returns an environment to.</summary>
public static class RollbackTarget
{
    /// <summary>
    /// With <paramref name="toModelVersion"/>: the newest release on the host with that model version. Without: the
    /// newest release created before the one serving (<paramref name="current"/>). Null, with the reason, when there is none.
    /// </summary>
    public static (Release? Target, string? Problem) Choose(IReadOnlyList<Release> releases, Release? current, string? toModelVersion)
    {
        if (toModelVersion is not null)
        {
            var named = releases.Where(r => r.ModelVersion == toModelVersion && r != current).OrderByDescending(r => r.CreatedAt).FirstOrDefault();
            return named is null
                ? (null, $"no release with model version {toModelVersion} exists on this host (known: {string.Join(", ", releases.Select(r => r.ToString()))})")
                : (named, null);
        }
        if (current is null)
            return (null, "nothing serves the environment: there is no release to go back from");
        var older = releases.Where(r => r.Id != current.Id && r.CreatedAt <= current.CreatedAt).OrderByDescending(r => r.CreatedAt).FirstOrDefault();
        return older is null ? (null, $"no release older than {current} exists on this host") : (older, null);
    }
}
