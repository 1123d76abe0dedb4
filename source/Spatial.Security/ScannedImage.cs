namespace Spatial.Security;

/// <summary>An image to scan, exported with <c>docker save</c> so that no registry or engine is needed to read it.</summary>
/// <param name="Reference">Its tag, e.g. <c>spatial/classifier:0.1.0-a2eb891</c>.</param>
/// <param name="ArchivePath">The <c>docker save</c> archive.</param>
/// <param name="DeclaredPorts">The ports it is meant to expose, <c>8080/tcp</c>.</param>
public sealed record ScannedImage(string Reference, string ArchivePath, IReadOnlyCollection<string> DeclaredPorts)
{
    /// <summary>A file-name-safe form of the reference, for its SBOM and report files.</summary>
    public string FileStem => new(Reference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_').ToArray());
}
