namespace Spatial.Security.Trivy;

/// <summary>What Trivy looks for.</summary>
public enum TrivyScanner
{
    /// <summary>Known-vulnerable packages (needs Trivy's database).</summary>
    Vulnerability,

    /// <summary>Misconfigurations (Dockerfiles, Kubernetes, Terraform).</summary>
    Misconfiguration,

    /// <summary>Credentials and keys.</summary>
    Secret,

    /// <summary>Package licences.</summary>
    License,
}
