using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Spatial.Deployment.Releases;

/// <summary>
/// One immutable release: the service build, the model it serves and the commit both came from. Every replica
/// serves it at <c>GET /v1/release</c> and carries it in labels, so what runs is read back from the running thing.
/// </summary>
/// <param name="ServiceBuild">What the service runs from: <c>image:sha256:…</c> (an image id) or <c>folder:sha256:…</c> (a published folder's content hash).</param>
/// <param name="ModelName">Registered model name.</param>
/// <param name="ModelVersion">Registered model version.</param>
/// <param name="ModelManifestSha256">SHA-256 of the model's <c>manifest.json</c> (which pins every weight file's hash).</param>
/// <param name="SourceCommit">The commit the service and the pipeline were built from.</param>
/// <param name="CreatedAt">When the release was first prepared (metadata: not part of the identity).</param>
public sealed record Release(
    string ServiceBuild, string ModelName, string ModelVersion, string ModelManifestSha256, string SourceCommit, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// A short content id over every identity field (not <see cref="CreatedAt"/>): the same build, model and commit is
    /// the same release wherever and whenever it was prepared.
    /// </summary>
    /// <remarks>Computed on every read, so a copy made with <c>with</c> gets its own id.</remarks>
    public string Id => ComputeId(ServiceBuild, ModelName, ModelVersion, ModelManifestSha256, SourceCommit);

    /// <summary>When it was prepared, to the second: the precision labels and configuration carry, so a release read back equals the one prepared.</summary>
    public DateTimeOffset CreatedAt { get => _createdAt; init => _createdAt = ToSecond(value); }

    private readonly DateTimeOffset _createdAt = ToSecond(CreatedAt);

    private static DateTimeOffset ToSecond(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>The short commit, as tags and summaries show it.</summary>
    public string ShortCommit => SourceCommit.Length > 7 ? SourceCommit[..7] : SourceCommit;

    /// <summary>One line for logs and summaries: <c>3f9a1c2b4d5e (pizza-doneness 1.0.0, 2581812)</c>.</summary>
    public override string ToString() => $"{Id} ({ModelName} {ModelVersion}, {ShortCommit})";

    private static string ComputeId(string serviceBuild, string modelName, string modelVersion, string manifestSha256, string commit)
    {
        var identity = string.Join('\n', serviceBuild, modelName, modelVersion, manifestSha256, commit);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..12];
    }

    /// <summary>The creation time as labels and configuration carry it.</summary>
    public string CreatedAtText => CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
