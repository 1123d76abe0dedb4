using Spatial.Deployment.Releases;

namespace Spatial.Deployment.Hosting;

/// <summary>
/// Waits until an instance is ready, whatever host runs it: a replica once <c>/health/ready</c> answers 200 and
/// <c>/v1/release</c> names the expected release and the model it pins; a gateway once its admin readiness answers 200.
/// Fails at once when the instance dies or serves another release, with its logs.
/// </summary>
public static class InstanceReadiness
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private sealed record Probe(bool Ready, string Observation, bool Wrong = false);

    /// <summary>Waits for a replica of <paramref name="release"/>.</summary>
    public static Task WaitForReplicaAsync(IDeploymentHost host, HostedInstance replica, Release release, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(host, replica, timeout, async token =>
        {
            using var ready = await Http.GetAsync(new Uri(replica.BaseAddress, "health/ready"), token);
            if (!ready.IsSuccessStatusCode)
                return new Probe(false, $"/health/ready answered {(int)ready.StatusCode}");
            var served = await ServedRelease.GetAsync(Http, replica.BaseAddress, token);
            return served.MismatchWith(release) is { } mismatch ? new Probe(false, mismatch, Wrong: true) : new Probe(true, "ready");
        }, cancellationToken);

    /// <summary>Waits for a gateway (it is ready once one destination is available).</summary>
    public static Task WaitForGatewayAsync(IDeploymentHost host, HostedInstance gateway, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(host, gateway, timeout, async token =>
        {
            var admin = gateway.AdminAddress ?? throw new ArgumentException($"{gateway.Name} has no admin address", nameof(gateway));
            using var ready = await Http.GetAsync(new Uri(admin, "health/ready"), token);
            return new Probe(ready.IsSuccessStatusCode, $"admin /health/ready answered {(int)ready.StatusCode}");
        }, cancellationToken);

    private static async Task WaitAsync(
        IDeploymentHost host, HostedInstance instance, TimeSpan timeout, Func<CancellationToken, Task<Probe>> probe, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var observation = "not probed yet";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = await probe(cancellationToken);
                if (result.Ready)
                    return;
                if (result.Wrong)
                    throw new InstanceNotReadyException(instance, result.Observation, await host.GetLogsAsync(instance, CancellationToken.None));
                observation = result.Observation;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or KeyNotFoundException
                                      && !cancellationToken.IsCancellationRequested)
            {
                observation = e.Message;
            }

            var current = (await host.ListAsync(instance.Deployment, cancellationToken)).FirstOrDefault(i => i.Id == instance.Id);
            if (current is not { Running: true })
                throw new InstanceNotReadyException(instance, $"stopped before it was ready (last seen: {observation})", await host.GetLogsAsync(instance, CancellationToken.None));
            if (DateTime.UtcNow > deadline)
                throw new InstanceNotReadyException(instance, $"was not ready within {timeout.TotalSeconds:0} s (last seen: {observation})", await host.GetLogsAsync(instance, CancellationToken.None));
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
