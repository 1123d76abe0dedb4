using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Spatial.Service.Model;

/// <summary>Readiness: healthy only once the model is loaded, verified and warmed up, and not while stopping.</summary>
public sealed class ModelReadinessCheck(ModelReadiness readiness) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.State == ModelState.Ready
            ? HealthCheckResult.Healthy(readiness.Reason)
            : HealthCheckResult.Unhealthy(readiness.Reason));
}
