using Spatial.Deployment.Preflight;
using Spatial.Kernels;

namespace Spatial.Deployment.Tests.Preflight;

public class MachineProbeTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "global.json")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("global.json not found above the test directory");
    }

    [Test]
    public async Task Missing_engine_and_tool_are_facts_not_exceptions()
    {
        var options = new PreflightOptions(RepositoryRoot(), new Uri("unix:///nonexistent/docker.sock"), "trivy-that-does-not-exist", TimeSpan.FromSeconds(20));
        var facts = await new MachineProbe(options, () => [new AcceleratorDescription("cpu", AcceleratorChoice.Cpu, 1, null, 1, 1, 1)]).ObserveAsync();

        Assert.That(facts.Docker.Reachable, Is.False);
        Assert.That(facts.Docker.Error, Is.Not.Empty);
        Assert.That(facts.Trivy.Version, Is.Null);
        Assert.That(facts.Trivy.Error, Does.Contain("trivy-that-does-not-exist"));
        Assert.That(facts.DotNetSdk.Version, Does.StartWith("10."), "the SDK running these tests fits global.json");
        Assert.That(facts.FreeDiskBytes, Is.GreaterThan(0));
    }

    [Test]
    public async Task The_Trivy_fact_carries_the_executable_and_where_it_came_from()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("the stand-in trivy is a shell script");
            return;
        }

        var folder = Directory.CreateTempSubdirectory("spatial-probe-trivy-").FullName;
        try
        {
            var trivy = Path.Combine(folder, "trivy");
            await File.WriteAllTextAsync(trivy, "#!/bin/sh\necho 'Version: dev'\n");
            File.SetUnixFileMode(trivy, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var options = new PreflightOptions(RepositoryRoot(), new Uri("unix:///nonexistent/docker.sock"), trivy, TimeSpan.FromSeconds(20)) { TrivyOrigin = "PATH" };

            var facts = await new MachineProbe(options, () => [new AcceleratorDescription("cpu", AcceleratorChoice.Cpu, 1, null, 1, 1, 1)]).ObserveAsync();

            Assert.That(facts.Trivy.Version, Is.EqualTo("dev"));
            Assert.That(facts.Trivy.Location, Is.EqualTo($"{trivy} (PATH)"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
