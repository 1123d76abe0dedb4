namespace Spatial.Security.Gates;

/// <summary>The stage's scans by name, as the summary and the policies say them.</summary>
public static class ScanNames
{
    /// <summary>Trivy's vulnerability scan of the image (needs its database).</summary>
    public const string Vulnerabilities = "vulnerabilities";

    /// <summary>Secrets and misconfigurations in the image (Trivy).</summary>
    public const string ImageSecrets = "image secrets";

    /// <summary>The image's configuration: user, HEALTHCHECK, env, labels, history, ports (built in).</summary>
    public const string ImageConfiguration = "image config";

    /// <summary>Secrets in the image's layers (built in).</summary>
    public const string ImageLayers = "image layers";

    /// <summary>The image's CycloneDX SBOM (Trivy).</summary>
    public const string Sbom = "sbom";

    /// <summary>Secrets and configuration files of the repository (Trivy).</summary>
    public const string Repository = "repository";

    /// <summary>Dockerfile rules (built in).</summary>
    public const string Dockerfiles = "dockerfiles";

    /// <summary>Secrets in the build context (built in).</summary>
    public const string BuildContext = "build context";

    /// <summary>Known-vulnerable NuGet packages of the solution.</summary>
    public const string NuGetAudit = "nuget audit";
}
