using Spatial.Build;
using Spatial.Deployment.Docker;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Hosting.Containers;
using Spatial.Deployment.Hosting.Processes;
using Spatial.Deployment.Environments;
using Spatial.Kernels;

/// <summary>Which host runs the environments (stage 5 onwards), chosen once per run.</summary>
interface IHazDeploymentHost : IValidateEnvironment
{
    /// <summary>Everything this build process creates (containers, networks, images, processes) carries this run's label.</summary>
    static readonly DockerRun DockerRun = DockerRun.New();

    [Parameter("Where environments run: auto (Docker when an engine answers, else local processes), process or docker", Name = "Host")]
    HostChoice? DeploymentHost => TryGetValue(() => DeploymentHost);

    [Parameter("State folder of the process host (default: $XDG_STATE_HOME/spatial or ~/.local/state/spatial)")]
    string? StateDirectory => TryGetValue(() => StateDirectory);

    /// <summary>The choice, made once: an explicit --host docker fails when no engine answers; auto falls back to the process host.</summary>
    HostSelection SelectedHost => HostSelection.Resolve(DeploymentHost ?? HostChoice.Auto, DockerEngineOptions.For(DockerHost));

    /// <summary>The host itself, for the run's label.</summary>
    async Task<IDeploymentHost> ConnectDeploymentHostAsync()
    {
        var selection = SelectedHost;
        if (selection.Problem is not null)
            Assert.Fail(selection.Problem);
        if (selection.Engine is { } engine)
            return new DockerHost(engine, DockerRun);
        await Task.CompletedTask.ConfigureAwait(false);
        return new ProcessHost(new ProcessHostOptions(StateDirectory ?? ProcessHostOptions.DefaultStateDirectory(), DockerRun));
    }

    /// <summary>The host, with what killed runs left on it removed first: how every stage from 5 on starts.</summary>
    async Task<IDeploymentHost> ConnectCleanDeploymentHostAsync()
    {
        Log.Information("Host: {Reason}", SelectedHost.Reason);
        var host = await ConnectDeploymentHostAsync();
        var leftovers = await host.RemoveLeftoversAsync();
        if (leftovers > 0)
            Log.Information("Removed {Count} instance(s) left by earlier runs", leftovers);
        return host;
    }

    /// <summary>The backend replicas of <paramref name="environment"/> ask for: its preference, the CPU path where it prefers CUDA and none is here (stage 1 gates that).</summary>
    static AcceleratorChoice ReplicaAccelerator(DeploymentEnvironment environment) =>
        environment.Service.Accelerator == AcceleratorChoice.Cuda && !AcceleratorCatalog.HasCuda ? AcceleratorChoice.Auto : environment.Service.Accelerator;
}
