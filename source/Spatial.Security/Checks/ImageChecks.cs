using Spatial.Security.Findings;

namespace Spatial.Security.Checks;

/// <summary>Built-in checks of an image: non-root, HEALTHCHECK, no secrets in env/labels/history, exposed ports as declared, no secrets in layers.</summary>
public static class ImageChecks
{
    /// <summary>Checks the configuration; <paramref name="declaredPorts"/> are the ports the image is meant to expose (<c>8080/tcp</c>).</summary>
    public static IReadOnlyList<Finding> CheckConfiguration(ImageConfiguration image, IReadOnlyCollection<string> declaredPorts)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(declaredPorts);
        var findings = new List<Finding>();
        var user = image.User.Split(':')[0];
        if (user is "" or "0" or "root")
            findings.Add(Problem("image-root-user", Severity.High, "Image runs as root", image.Reference,
                $"USER is '{image.User}': set a non-root numeric USER so the container cannot act as root"));
        if (!image.HasHealthcheck)
            findings.Add(Problem("image-no-healthcheck", Severity.Medium, "Image has no HEALTHCHECK", image.Reference,
                "no HEALTHCHECK: the engine cannot tell a hung service from a healthy one"));
        var undeclared = image.ExposedPorts.Except(declaredPorts, StringComparer.OrdinalIgnoreCase).ToList();
        var missing = declaredPorts.Except(image.ExposedPorts, StringComparer.OrdinalIgnoreCase).ToList();
        if (undeclared.Count > 0 || missing.Count > 0)
            findings.Add(Problem("image-exposed-ports", Severity.Medium, "Exposed ports differ from the declared ones", image.Reference,
                $"exposes [{string.Join(", ", image.ExposedPorts)}], declared [{string.Join(", ", declaredPorts)}]"));
        foreach (var variable in image.Environment)
            findings.AddRange(SecretScanner.ScanText(variable, $"{image.Reference} ENV {variable.Split('=')[0]}"));
        foreach (var (name, value) in image.Labels)
            findings.AddRange(SecretScanner.ScanText($"{name}={value}", $"{image.Reference} LABEL {name}"));
        for (var i = 0; i < image.History.Count; i++)
            findings.AddRange(SecretScanner.ScanText(image.History[i], $"{image.Reference} history step {i + 1}"));
        return findings;
    }

    /// <summary>Scans every small text file of every layer for secrets.</summary>
    public static IReadOnlyList<Finding> CheckLayers(ImageArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var findings = new List<Finding>();
        archive.ForEachLayerFile(SecretScanner.MaxFileBytes, (path, content) =>
            findings.AddRange(SecretScanner.ScanBytes(content, $"{archive.Configuration.Reference}:{path}")));
        return findings;
    }

    private static Finding Problem(string id, Severity severity, string title, string target, string message) =>
        new(SecretScanner.Tool, FindingKind.Misconfiguration, id, severity, title, target, message);
}
