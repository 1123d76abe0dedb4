using Spatial.Build.CI;
using Spatial.Deployment.Environments;
using YamlDotNet.RepresentationModel;

namespace Spatial.Tests.Pipeline;

public class ComposeFileTests
{
    private static readonly string ComposePath = PipelineDefinition.RepositoryRoot / "docker-compose.yml";

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(ComposePath)));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        return (YamlMappingNode)root["services"];
    }

    [Test]
    public void The_committed_compose_file_is_the_generated_one()
    {
        var context = TargetGraphReader.CreateContext(PipelineDefinition.CreateBuild(), PipelineDefinition.RepositoryRoot);

        Assert.That(ConfigurationDriftCheck.Describe(context).Where(line => line.Contains("docker-compose.yml", StringComparison.Ordinal)), Is.Empty,
            "regenerate with ./build.sh --generate-configuration DockerCompose");
    }

    [Test]
    public void Every_environment_has_a_service_on_its_own_loopback_port()
    {
        var services = Services();
        foreach (var environment in DeploymentEnvironment.All)
        {
            var service = (YamlMappingNode)services[$"classifier-{environment.Name}"];
            var port = ((YamlSequenceNode)service["ports"]).Children.Single().ToString();
            Assert.That(port, Is.EqualTo($"127.0.0.1:{environment.Service.HostPort}:{ServiceShape.ContainerPort}"), environment.Name);
            Assert.That(service["read_only"].ToString(), Is.EqualTo("true"), environment.Name);
            Assert.That(service["mem_limit"].ToString(), Is.EqualTo(environment.Service.MemoryLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        Assert.That(services.Children, Has.Count.EqualTo(DeploymentEnvironment.All.Count));
    }
}
