namespace Spatial.Security.Checks;

/// <summary>The parts of an image's configuration the built-in checks read.</summary>
/// <param name="Reference">The image's tag (or id), for messages.</param>
/// <param name="User">The USER (empty means root).</param>
/// <param name="HasHealthcheck">Whether a HEALTHCHECK other than NONE is set.</param>
/// <param name="Environment">ENV entries, <c>NAME=value</c>.</param>
/// <param name="Labels">LABEL entries.</param>
/// <param name="ExposedPorts">EXPOSE entries, <c>8080/tcp</c>.</param>
/// <param name="History">Each layer's <c>created_by</c> command.</param>
public sealed record ImageConfiguration(
    string Reference,
    string User,
    bool HasHealthcheck,
    IReadOnlyList<string> Environment,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> ExposedPorts,
    IReadOnlyList<string> History);
