using System.Formats.Tar;
using System.Text;
using Spatial.Security.Checks;

namespace Spatial.Security.Tests.Checks;

public class ImageChecksTests
{
    private static readonly string[] Declared = ["8080/tcp"];

    [Test]
    public void The_service_image_shape_passes()
    {
        var image = Image(user: "1654:1654", healthcheck: true, ports: ["8080/tcp"]);
        Assert.That(ImageChecks.CheckConfiguration(image, Declared), Is.Empty);
    }

    [TestCase("")]
    [TestCase("0")]
    [TestCase("root:root")]
    public void An_image_running_as_root_is_found(string user)
    {
        var findings = ImageChecks.CheckConfiguration(Image(user: user, healthcheck: true, ports: ["8080/tcp"]), Declared);
        Assert.That(findings.Select(f => (f.RuleId, f.Target)), Is.EqualTo(new[] { ("image-root-user", "spatial/classifier:test") }));
    }

    [Test]
    public void A_missing_healthcheck_undeclared_ports_and_secrets_in_env_labels_and_history_are_found()
    {
        var image = Image(user: "1654", healthcheck: false, ports: ["8080/tcp", "22/tcp"],
            environment: ["PATH=/usr/bin", $"AWS_KEY={FakeSecrets.AwsAccessKeyId()}"],
            labels: new Dictionary<string, string> { ["org.example.token"] = "GITHUB_TOKEN=ghp_" + new string('a', 36) },
            history: ["COPY artifacts/service/ /app/", "RUN DB_PASSWORD=hunter2hunter2 ./migrate"]);

        var findings = ImageChecks.CheckConfiguration(image, Declared);

        Assert.That(findings.Select(f => (f.RuleId, f.Target)), Is.EqualTo(new[]
        {
            ("image-no-healthcheck", "spatial/classifier:test"),
            ("image-exposed-ports", "spatial/classifier:test"),
            ("aws-access-key-id", "spatial/classifier:test ENV AWS_KEY"),
            ("github-pat", "spatial/classifier:test LABEL org.example.token"),
            ("password-assignment", "spatial/classifier:test history step 2"),
        }));
        Assert.That(findings[1].Message, Is.EqualTo("exposes [8080/tcp, 22/tcp], declared [8080/tcp]"));
    }

    [Test]
    public void A_docker_save_archive_is_read_and_a_key_in_a_layer_is_found()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"spatial-image-{Guid.NewGuid():N}.tar");
        try
        {
            WriteArchive(archive, FakeSecrets.PrivateKey());
            var image = ImageArchive.Open(archive);

            Assert.That(image.Configuration.Reference, Is.EqualTo("spatial/classifier:0.1.0-abcdef0"));
            Assert.That(image.Configuration.User, Is.EqualTo("1654:1654"));
            Assert.That(image.Configuration.HasHealthcheck, Is.True);
            Assert.That(image.Configuration.ExposedPorts, Is.EqualTo(new[] { "8080/tcp" }));
            Assert.That(image.Configuration.History, Is.EqualTo(new[] { "COPY models/ /app/models/" }));
            Assert.That(ImageChecks.CheckConfiguration(image.Configuration, Declared), Is.Empty);
            Assert.That(ImageChecks.CheckLayers(image).Select(f => (f.RuleId, f.Location)), Is.EqualTo(new[]
            {
                ("private-key", "spatial/classifier:0.1.0-abcdef0:/app/models/deploy.pem:1"),
            }));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Test]
    public void A_file_that_is_not_a_docker_save_archive_fails_naming_it()
    {
        var archive = Path.Combine(Path.GetTempPath(), $"spatial-image-{Guid.NewGuid():N}.tar");
        try
        {
            using (var file = File.Create(archive))
            using (var writer = new TarWriter(file))
                writer.WriteEntry(Entry("hello.txt", "hi"));
            var error = Assert.Throws<InvalidDataException>(() => ImageArchive.Open(archive));
            Assert.That(error!.Message, Is.EqualTo($"{archive} is not a docker save archive: no manifest.json"));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static ImageConfiguration Image(string user, bool healthcheck, string[] ports, string[]? environment = null,
        Dictionary<string, string>? labels = null, string[]? history = null) =>
        new("spatial/classifier:test", user, healthcheck, environment ?? ["PATH=/usr/bin"], labels ?? [], ports, history ?? []);

    private static void WriteArchive(string path, string layerFile)
    {
        using var layer = new MemoryStream();
        using (var layerWriter = new TarWriter(layer, leaveOpen: true))
        {
            layerWriter.WriteEntry(Entry("app/models/registry.json", "{}"));
            layerWriter.WriteEntry(Entry("app/models/deploy.pem", layerFile));
        }

        const string config = """
            {"config": {"User": "1654:1654", "Env": ["PATH=/usr/bin"], "ExposedPorts": {"8080/tcp": {}},
              "Healthcheck": {"Test": ["CMD", "/app/Spatial.Service", "--healthcheck"]}, "Labels": {"org.opencontainers.image.version": "0.1.0"}},
             "history": [{"created_by": "COPY models/ /app/models/"}]}
            """;
        const string manifest = """[{"Config": "blobs/sha256/c0ffee", "RepoTags": ["spatial/classifier:0.1.0-abcdef0"], "Layers": ["blobs/sha256/1a7e5"]}]""";
        using var file = File.Create(path);
        using var writer = new TarWriter(file);
        writer.WriteEntry(Entry("manifest.json", manifest));
        writer.WriteEntry(Entry("blobs/sha256/c0ffee", config));
        layer.Position = 0;
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "blobs/sha256/1a7e5") { DataStream = layer });
    }

    private static PaxTarEntry Entry(string name, string content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
}
