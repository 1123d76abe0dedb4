using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Kernels;

/// <summary>The model registry and which model version a run works with.</summary>
interface IHazModels : INukeBuild
{
    [Parameter("Model to validate and deploy (default: the only registered model)")]
    string? ModelName => TryGetValue(() => ModelName);

    [Parameter("Model version to validate and deploy (default: the newest registered)")]
    string? ModelVersion => TryGetValue(() => ModelVersion);

    [Parameter("Accelerator for model evaluation: Auto, Cuda, Cpu or IlgpuCpu")]
    AcceleratorChoice Accelerator => TryGetValue<AcceleratorChoice>(() => Accelerator) ?? AcceleratorChoice.Auto;

    /// <summary>Holds registry.json and one folder per model version.</summary>
    AbsolutePath ModelsDirectory => RootDirectory / "models";
}
