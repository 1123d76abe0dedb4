using Spatial.Build;

/// <summary>Stage 3: the candidate model's integrity, dual-encoder compatibility, accuracy and promotion rules.</summary>
interface IValidateModels : ICompile, IHazEnvironment
{
    Target ValidateModels => _ => _
        .Description("Stage 3: model integrity, dual-encoder compatibility, accuracy gate and promotion rules for the environment")
        .DependsOn(Compile)
        .Executes(() => Stage.NotImplementedYet(3, "ValidateModels"));
}
