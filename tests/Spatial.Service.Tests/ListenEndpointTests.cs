using System.Text.RegularExpressions;
using Spatial.Service.Hosting;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>
/// The executable honours ASP.NET Core's endpoint conventions (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls) and
/// falls back to Spatial:Server only where none is set, on loopback outside a container.
/// </summary>
[NonParallelizable]
public sealed class ListenEndpointTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Starts the service outside any container (unless <paramref name="environment"/> says otherwise) and returns what it logged it listens on.</summary>
    private static async Task<string> ListeningAsync(Dictionary<string, string?> environment, params string[] args)
    {
        environment.TryAdd(ListenEndpoints.ContainerVariable, null);
        environment.TryAdd("ASPNETCORE_URLS", null);
        environment.TryAdd("ASPNETCORE_HTTP_PORTS", null);
        environment.TryAdd("ASPNETCORE_HTTPS_PORTS", null);
        environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        await using var service = ServiceProcess.Start(AppContext.BaseDirectory, environment,
            [$"--Spatial:Model:Path={ShippedModel.PackageDirectory}", "--Spatial:Model:Accelerator=Cpu", "--Spatial:Model:WarmupIterations=1", .. args]);
        Assert.That(await service.WaitForOutputAsync("Now listening on:", Timeout), Is.True, () => $"never listened: {service.Output}{service.Error}");
        var output = service.Output;
        Assert.That(output, Does.Not.Contain("Overriding address"));
        // The service logs JSON; the lifetime message carries the address.
        return string.Join('\n', Regex.Matches(output, "Now listening on: (http[^\"\\s]+)").Select(m => m.Groups[1].Value).Distinct());
    }

    [Test]
    public async Task Urls_on_the_command_line_are_bound_instead_of_spatial_server()
    {
        var port = ServiceProcess.FreePort();
        var listening = await ListeningAsync([], $"--urls=http://127.0.0.1:{port}", "--Spatial:Server:Port=8080");
        Assert.That(listening, Is.EqualTo($"http://127.0.0.1:{port}"));
    }

    [Test]
    public async Task Aspnetcore_urls_is_bound_instead_of_spatial_server()
    {
        var port = ServiceProcess.FreePort();
        var listening = await ListeningAsync(new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, "--Spatial:Server:Port=8080");
        Assert.That(listening, Is.EqualTo($"http://127.0.0.1:{port}"));
    }

    [Test]
    public async Task Aspnetcore_http_ports_is_bound_instead_of_spatial_server()
    {
        var port = ServiceProcess.FreePort();
        var listening = await ListeningAsync(new() { ["ASPNETCORE_HTTP_PORTS"] = $"{port}" }, "--Spatial:Server:Port=8080");
        Assert.That(listening, Is.EqualTo($"http://[::]:{port}"));
    }

    [Test]
    public async Task Without_framework_settings_spatial_server_binds_loopback_outside_a_container()
    {
        var port = ServiceProcess.FreePort();
        var listening = await ListeningAsync([], $"--Spatial:Server:Port={port}");
        Assert.That(listening, Is.EqualTo($"http://127.0.0.1:{port}"));
    }

    [Test]
    public async Task Without_framework_settings_spatial_server_binds_every_interface_in_a_container()
    {
        var port = ServiceProcess.FreePort();
        var listening = await ListeningAsync(new() { [ListenEndpoints.ContainerVariable] = "true" }, $"--Spatial:Server:Port={port}");
        Assert.That(listening, Is.EqualTo($"http://0.0.0.0:{port}"));
    }

    [Test]
    public async Task Healthcheck_probes_the_port_aspnetcore_urls_names()
    {
        var port = ServiceProcess.FreePort();
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", [ListenEndpoints.ContainerVariable] = null };
        await using var service = ServiceProcess.Start(AppContext.BaseDirectory, environment,
            $"--Spatial:Model:Path={ShippedModel.PackageDirectory}", "--Spatial:Model:Accelerator=Cpu", "--Spatial:Model:WarmupIterations=1");
        string output = "";
        // Ready follows warm-up; a bounded number of probes.
        for (var attempt = 0; attempt < 60 && !service.HasExited; attempt++)
        {
            await using var probe = ServiceProcess.Start(AppContext.BaseDirectory, environment, HealthCheckCommand.Switch);
            if (await probe.WaitForExitAsync(Timeout) == 0)
            {
                output = probe.Output;
                break;
            }
            await Task.Delay(500);
        }
        Assert.That(output, Does.StartWith($"healthy: http://127.0.0.1:{port}/health/ready answered 200"), service.Output + service.Error);
    }
}
