using System.ComponentModel.DataAnnotations;
using Spatial.Kernels;

namespace Spatial.Service.Options;

/// <summary>Which model the service loads and on which accelerator (section <c>Spatial:Model</c>).</summary>
public sealed class ModelOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string Section = "Spatial:Model";

    /// <summary>
    /// Directory of the model version to serve (the one holding <c>manifest.json</c>). When empty, the model is
    /// taken from the registry (see <see cref="RegistryRoot"/>, <see cref="Name"/>, <see cref="Version"/>).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Folder holding <c>registry.json</c>; when empty, the nearest <c>models/</c> above the working or application directory.</summary>
    public string? RegistryRoot { get; set; }

    /// <summary>Registered model name; when empty, the registry's only model.</summary>
    public string? Name { get; set; }

    /// <summary>Registered version; when empty, the newest by semantic version.</summary>
    public string? Version { get; set; }

    /// <summary>Backend for the forward pass.</summary>
    public AcceleratorChoice Accelerator { get; set; } = AcceleratorChoice.Auto;

    /// <summary>Forward passes run on a synthetic image before the service reports ready.</summary>
    [Range(1, 100)]
    public int WarmupIterations { get; set; } = 3;
}
