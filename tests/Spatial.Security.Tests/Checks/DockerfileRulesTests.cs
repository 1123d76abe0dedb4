using Spatial.Security.Checks;

namespace Spatial.Security.Tests.Checks;

public class DockerfileRulesTests
{
    [Test]
    public void An_unpinned_base_fails_where_digests_are_required_and_passes_elsewhere()
    {
        const string dockerfile = """
            ARG RUNTIME_BASE=mcr.microsoft.com/dotnet/runtime-deps:10.0-bookworm-slim
            FROM ${RUNTIME_BASE}
            USER 1654
            """;

        var strict = DockerfileRules.Check(dockerfile, "docker/service/Dockerfile", requireDigest: true);

        Assert.That(strict.Select(f => (f.RuleId, f.Location)), Is.EqualTo(new[] { ("dockerfile-unpinned-base", "docker/service/Dockerfile:2") }));
        Assert.That(strict[0].Message, Does.StartWith("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-bookworm-slim is not pinned by digest"));
        Assert.That(DockerfileRules.Check(dockerfile, "docker/service/Dockerfile", requireDigest: false), Is.Empty);
    }

    [Test]
    public void A_digest_pinned_base_passes_the_strict_rule()
    {
        const string dockerfile = "FROM debian:12-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000\n";
        Assert.That(DockerfileRules.Check(dockerfile, "Dockerfile", requireDigest: true), Is.Empty);
    }

    [TestCase("FROM debian:latest", "dockerfile-latest-tag")]
    [TestCase("FROM debian", "dockerfile-latest-tag")]
    [TestCase("FROM --platform=linux/amd64 registry:5000/team/debian", "dockerfile-latest-tag")]
    [TestCase("FROM debian:12\nADD https://example.com/tool.tar.gz /opt/", "dockerfile-add-url")]
    public void Latest_untagged_bases_and_ADD_from_URLs_are_found(string dockerfile, string rule) =>
        Assert.That(DockerfileRules.Check(dockerfile, "Dockerfile", requireDigest: false).Select(f => f.RuleId), Is.EqualTo(new[] { rule }));

    [Test]
    public void Later_stages_built_on_earlier_ones_are_not_bases()
    {
        const string dockerfile = "FROM debian:12 AS build\nRUN make\nFROM build\nADD ./local /app\n";
        Assert.That(DockerfileRules.Check(dockerfile, "Dockerfile", requireDigest: false), Is.Empty);
    }
}
