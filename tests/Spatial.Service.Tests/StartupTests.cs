using Spatial.Service.Hosting;
using Spatial.Service.Tests.Support;

namespace Spatial.Service.Tests;

/// <summary>The executable refuses bad configuration and bad models with one clear line, and its --healthcheck mode.</summary>
public sealed class StartupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [TestCase("--Spatial:Batching:MaxBatchSize=0", "MaxBatchSize")]
    [TestCase("--Spatial:Limits:MaxImageWidth=-5", "MaxImageWidth")]
    [TestCase("--Spatial:Server:Address=not-an-address", "not-an-address")]
    [TestCase("--Spatial:Model:Accelerator=Tpu", "Tpu")]
    public async Task Invalid_configuration_exits_with_one_line(string setting, string named)
    {
        var (exitCode, output, error) = await ServiceProcess.RunAsync(Timeout, setting, "--Spatial:Model:Path=/nonexistent/model");

        Assert.That(exitCode, Is.EqualTo(StartupVerification.FailedExitCode), output + error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), error);
        Assert.That(lines[0], Does.StartWith("Spatial.Service cannot start: invalid configuration").And.Contain(named));
    }

    [Test]
    public async Task A_missing_model_exits_with_one_line_naming_it()
    {
        var (exitCode, output, error) = await ServiceProcess.RunAsync(Timeout, "--Spatial:Model:Path=/nonexistent/model", "--Spatial:Server:Port=0");

        Assert.That(exitCode, Is.EqualTo(StartupVerification.FailedExitCode), output + error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), error);
        Assert.That(lines[0], Does.StartWith("Spatial.Service cannot start: model cannot be served:").And.Contain("/nonexistent/model"));
    }

    [Test]
    public async Task A_damaged_model_package_exits_with_one_line()
    {
        var directory = Directory.CreateTempSubdirectory("spatial-service-tests-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "manifest.json"), "{ this is not a manifest");

            var (exitCode, output, error) = await ServiceProcess.RunAsync(Timeout, $"--Spatial:Model:Path={directory.FullName}");

            Assert.That(exitCode, Is.EqualTo(StartupVerification.FailedExitCode), output + error);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines, Has.Length.EqualTo(1), error);
            Assert.That(lines[0], Does.StartWith("Spatial.Service cannot start: model cannot be served:"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Healthcheck_mode_exits_0_against_a_ready_service_and_1_when_nothing_answers()
    {
        await using var factory = new ServiceFactory();
        factory.UseKestrel();
        factory.StartServer();
        using var client = factory.CreateClient();
        await factory.WaitUntilReadyAsync(client);
        var port = client.BaseAddress!.Port;

        var ready = await ServiceProcess.RunAsync(Timeout, HealthCheckCommand.Switch, "--Spatial:Server:Address=127.0.0.1", $"--Spatial:Server:Port={port}");
        var closed = await ServiceProcess.RunAsync(Timeout, HealthCheckCommand.Switch, $"--Spatial:Server:Port={ServiceProcess.FreePort()}");

        Assert.That(ready.ExitCode, Is.Zero, ready.Output + ready.Error);
        Assert.That(ready.Output, Does.StartWith("healthy:"));
        Assert.That(closed.ExitCode, Is.EqualTo(1), closed.Output + closed.Error);
        Assert.That(closed.Output, Does.StartWith("unhealthy:"));
    }
}
