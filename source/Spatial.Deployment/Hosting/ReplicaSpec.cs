using Spatial.Deployment.Environments;
using Spatial.Deployment.Releases;
using Spatial.Kernels;

namespace Spatial.Deployment.Hosting;

/// <summary>One replica to start.</summary>
/// <param name="Deployment">The deployment it joins.</param>
/// <param name="Environment">Whose shape (memory, CPUs) it runs with.</param>
/// <param name="Release">What it serves; it must have been prepared on the same host.</param>
/// <param name="ReplicaName">Its name within the deployment, e.g. <c>r1</c> or <c>green-2</c>.</param>
/// <param name="Accelerator">The backend it asks for.</param>
/// <param name="Persistent">Whether it outlives the run.</param>
public sealed record ReplicaSpec(
    string Deployment, DeploymentEnvironment Environment, Release Release, string ReplicaName, AcceleratorChoice Accelerator, bool Persistent);
