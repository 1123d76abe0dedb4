using System.Globalization;

namespace Spatial.Deployment.Docker;

/// <summary>
/// One run of the pipeline or of a test fixture: everything it creates in the engine carries
/// <c>org.spatial.run=&lt;Id&gt;</c>, so the run (or a crashed one) can be cleaned up by label.
/// </summary>
/// <param name="Id">Label value; letters, digits, '.', '_' and '-' only.</param>
public sealed record DockerRun(string Id)
{
    /// <summary>A fresh run id: UTC time plus a random suffix, e.g. <c>20250101T120000Z-3f9a1c</c>.</summary>
    public static DockerRun New() => new(
        DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6]);

    /// <summary>The id, checked: a label value that filters could not match exactly would break cleanup.</summary>
    public string Id { get; } = Id.Length > 0 && Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
        ? Id
        : throw new ArgumentException($"run id '{Id}' must be non-empty and use only letters, digits, '.', '_' and '-'", nameof(Id));

    /// <summary>The labels that mark a resource as this run's.</summary>
    public IReadOnlyDictionary<string, string> Labels => LabelsWith(null);

    /// <summary>Labels for a resource of this run: <paramref name="extra"/> plus the run label (which wins).</summary>
    public Dictionary<string, string> LabelsWith(IReadOnlyDictionary<string, string>? extra)
    {
        var labels = extra is null ? new Dictionary<string, string>() : new Dictionary<string, string>(extra);
        labels[DockerLabels.Run] = Id;
        // The owner lets a later run tell a crashed run's leftovers from a concurrent run's live resources.
        labels.TryAdd(Hosting.HostLabels.Owner, Hosting.ProcessIdentity.Current.ToString());
        return labels;
    }
}
