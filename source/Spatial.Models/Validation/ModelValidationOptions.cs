using Spatial.Kernels;

namespace Spatial.Models;

/// <summary>What to validate and for where.</summary>
public sealed record ModelValidationOptions
{
    /// <summary>The models root holding registry.json.</summary>
    public required string ModelsRoot { get; init; }

    /// <summary>Target environment: development, staging or production.</summary>
    public required string Environment { get; init; }

    /// <summary>Model name; null means the only registered model.</summary>
    public string? Model { get; init; }

    /// <summary>Version; null means the latest registered.</summary>
    public string? Version { get; init; }

    /// <summary>Explicit approval of a major-version bump over what the environment runs.</summary>
    public bool ApproveMajor { get; init; }

    /// <summary>Images in the generated validation set.</summary>
    public int ValidationSamples { get; init; } = 500;

    /// <summary>Accelerator for the accuracy check when no backend is passed in.</summary>
    public AcceleratorChoice Accelerator { get; init; } = AcceleratorChoice.Cpu;
}
