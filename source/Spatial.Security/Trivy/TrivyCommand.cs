namespace Spatial.Security.Trivy;

/// <summary>The Trivy subcommands Spatial runs.</summary>
public enum TrivyCommand
{
    /// <summary><c>trivy image --input &lt;docker save archive&gt;</c>: no registry or engine needed.</summary>
    Image,

    /// <summary><c>trivy fs &lt;folder&gt;</c>: files of a folder (secrets, configuration, lock files).</summary>
    Filesystem,

    /// <summary><c>trivy config &lt;folder&gt;</c>: configuration files only (Dockerfiles, Kubernetes, Terraform).</summary>
    Config,
}
