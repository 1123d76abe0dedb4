using System.Globalization;

namespace Spatial.Deployment.Releases;

/// <summary>
/// A release written as labels (container labels, process-host records, later Kubernetes annotations) and read back
/// from them: one spelling for every host.
/// </summary>
public static class ReleaseLabels
{
    /// <summary>The release id.</summary>
    public const string Id = "org.spatial.release.id";

    /// <summary>The service build.</summary>
    public const string ServiceBuild = "org.spatial.release.service-build";

    /// <summary>The model name.</summary>
    public const string ModelName = "org.spatial.release.model-name";

    /// <summary>The model version.</summary>
    public const string ModelVersion = "org.spatial.release.model-version";

    /// <summary>The model manifest's SHA-256.</summary>
    public const string ModelManifestSha256 = "org.spatial.release.model-manifest-sha256";

    /// <summary>The source commit.</summary>
    public const string SourceCommit = "org.spatial.release.source-commit";

    /// <summary>When it was prepared.</summary>
    public const string CreatedAt = "org.spatial.release.created-at";

    /// <summary>The labels of <paramref name="release"/>.</summary>
    public static Dictionary<string, string> Of(Release release) => new()
    {
        [Id] = release.Id,
        [ServiceBuild] = release.ServiceBuild,
        [ModelName] = release.ModelName,
        [ModelVersion] = release.ModelVersion,
        [ModelManifestSha256] = release.ModelManifestSha256,
        [SourceCommit] = release.SourceCommit,
        [CreatedAt] = release.CreatedAtText,
    };

    /// <summary>The release these labels describe, or null when one is missing or the id does not match the fields (edited labels).</summary>
    public static Release? Read(IReadOnlyDictionary<string, string> labels)
    {
        if (!labels.TryGetValue(ServiceBuild, out var build) || !labels.TryGetValue(ModelName, out var name)
            || !labels.TryGetValue(ModelVersion, out var version) || !labels.TryGetValue(ModelManifestSha256, out var manifest)
            || !labels.TryGetValue(SourceCommit, out var commit) || !labels.TryGetValue(CreatedAt, out var created)
            || !DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt))
            return null;
        var release = new Release(build, name, version, manifest, commit, createdAt);
        return labels.TryGetValue(Id, out var id) && id == release.Id ? release : null;
    }

    /// <summary>
    /// The service's configuration for <paramref name="release"/> as environment variables (section <c>Spatial:Release</c>),
    /// plus where it runs: what the replica answers at <c>GET /v1/release</c>.
    /// </summary>
    public static Dictionary<string, string> ServiceEnvironment(Release release, string environment, string replica) => new()
    {
        ["Spatial__Release__Id"] = release.Id,
        ["Spatial__Release__ServiceBuild"] = release.ServiceBuild,
        ["Spatial__Release__SourceCommit"] = release.SourceCommit,
        ["Spatial__Release__CreatedAt"] = release.CreatedAtText,
        ["Spatial__Release__Environment"] = environment,
        ["Spatial__Release__Replica"] = replica,
    };
}
