namespace Spatial.Models;

/// <summary>One line of a validation report: which check, whether it passed, and what it found.</summary>
public sealed record ValidationCheck(string Name, bool Passed, string Message)
{
    /// <summary>Integrity: files present with the manifest's sizes and SHA-256.</summary>
    public const string Integrity = "integrity";

    /// <summary>The manifest parses and is well-formed.</summary>
    public const string ManifestCheck = "manifest";

    /// <summary>Structure: safetensors tensors match the layers the manifest declares.</summary>
    public const string Structure = "structure";

    /// <summary>Compatibility: encoders fit the head, specs fit this kernel library.</summary>
    public const string Compatibility = "compatibility";

    /// <summary>A passing check.</summary>
    public static ValidationCheck Pass(string name, string message) => new(name, true, message);

    /// <summary>A failing check.</summary>
    public static ValidationCheck Fail(string name, string message) => new(name, false, message);

    /// <inheritdoc />
    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Name}: {Message}";
}
