using Spatial.Deployment.Environments;
using Spatial.Kernels;

namespace Spatial.Deployment.Preflight;

/// <summary>Judges observed <see cref="MachineFacts"/> against an environment's <see cref="EnvironmentRequirements"/>.</summary>
public static class PreflightPolicy
{
    private const double GiB = 1L << 30;

    /// <summary>One check per capability, in table order.</summary>
    public static PreflightReport Judge(MachineFacts facts, DeploymentEnvironment environment, DateTimeOffset now)
    {
        var requirements = environment.Requirements;
        PreflightCheck[] checks =
        [
            JudgeSdk(facts.DotNetSdk),
            JudgeDocker(facts.Docker, requirements.DockerEngine),
            JudgeCuda(facts.Accelerators, requirements.CudaDevice),
            JudgeDisk(facts.FreeDiskBytes, requirements.MinimumFreeDiskBytes),
            JudgeTrivy(facts.Trivy, requirements.Trivy),
        ];
        return new PreflightReport(environment.Name, checks, facts, now);
    }

    private static PreflightCheck JudgeSdk(DotNetSdkFact sdk)
    {
        const string name = ".NET SDK";
        var wanted = sdk.Required is null ? "no global.json" : $"global.json: {sdk.Required}, rollForward {sdk.RollForward}";
        if (sdk.Version is null)
            return new PreflightCheck(name, $"none fits ({wanted}): {sdk.Error}", RequirementLevel.Required, CheckOutcome.Failed,
                $"install an SDK that fits global.json ({sdk.Required}), or let ./build.sh install one into .nuke/temp");
        var fits = sdk.Required is null || SdkRollForward.Satisfies(sdk.Version, sdk.Required, sdk.RollForward);
        return fits
            ? new PreflightCheck(name, $"{sdk.Version} ({wanted})", RequirementLevel.Required, CheckOutcome.Ok)
            : new PreflightCheck(name, $"{sdk.Version} does not fit ({wanted})", RequirementLevel.Required, CheckOutcome.Failed,
                $"install .NET SDK {sdk.Required} or later within the rollForward policy");
    }

    private static PreflightCheck JudgeDocker(DockerEngineFact docker, RequirementLevel level)
    {
        const string name = "Docker engine";
        if (docker.Reachable)
            return new PreflightCheck(name, $"{docker.Version}, API {docker.ApiVersion}, {docker.StorageDriver} at {docker.Endpoint}", level, CheckOutcome.Ok);
        return Missing(name, $"unreachable at {docker.Endpoint}: {docker.Error}", level,
            "start the engine (`sudo dockerd &` or `sudo systemctl start docker`; install it with `apt-get install docker.io`)",
            "the process host serves instead of containers");
    }

    private static PreflightCheck JudgeCuda(IReadOnlyList<AcceleratorDescription> accelerators, RequirementLevel level)
    {
        const string name = "GPU (CUDA)";
        var devices = accelerators.Where(a => a.Kind == AcceleratorChoice.Cuda).ToList();
        if (devices.Count > 0)
        {
            var found = string.Join("; ", devices.Select(d =>
                $"{d.Name}, {d.MemoryBytes / GiB:0.0} GiB, compute {d.ComputeCapability}, warp {d.WarpSize}, {d.ProcessorCount} SMs"));
            return new PreflightCheck(name, found, level, CheckOutcome.Ok);
        }
        var cpu = accelerators.FirstOrDefault(a => a.Kind != AcceleratorChoice.Cuda);
        var cpuText = cpu is null ? "no CPU accelerator described" : $"CPU: {cpu.Name}, {cpu.ProcessorCount} cores";
        return Missing(name, $"no CUDA device ({cpuText})", level,
            "run on a machine with an NVIDIA GPU and driver (ILGPU needs only libcuda)",
            "the vectorised CPU path serves");
    }

    private static PreflightCheck JudgeDisk(long freeBytes, long minimumBytes)
    {
        const string name = "Free disk";
        var found = $"{freeBytes / GiB:0.0} GiB free (needs {minimumBytes / GiB:0.0} GiB)";
        return freeBytes >= minimumBytes
            ? new PreflightCheck(name, found, RequirementLevel.Required, CheckOutcome.Ok)
            : new PreflightCheck(name, found, RequirementLevel.Required, CheckOutcome.Failed,
                "free disk space (docker system prune removes unused images)");
    }

    private static PreflightCheck JudgeTrivy(ToolFact trivy, RequirementLevel level)
    {
        const string name = "Trivy";
        if (trivy.Version is not null)
            return new PreflightCheck(name, trivy.Location is null ? trivy.Version : $"{trivy.Version} at {trivy.Location}", level, CheckOutcome.Ok);
        return Missing(name, $"missing: {trivy.Error}", level,
            "install Trivy (https://trivy.dev) and put it on PATH, or pass --trivy-path",
            "the security stage runs only its built-in checks");
    }

    private static PreflightCheck Missing(string name, string found, RequirementLevel level, string remedy, string fallback) => level switch
    {
        RequirementLevel.Required => new PreflightCheck(name, found, level, CheckOutcome.Failed, remedy),
        RequirementLevel.Recommended => new PreflightCheck(name, $"{found}; {fallback}", level, CheckOutcome.Warning, remedy),
        _ => new PreflightCheck(name, $"{found}; {fallback}", level, CheckOutcome.Ok),
    };
}
