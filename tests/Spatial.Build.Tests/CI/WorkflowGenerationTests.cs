using Spatial.Tests.Workflows;
using Spatial.Build.CI.GitHubActions;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build.CI;

public sealed class WorkflowGenerationTests
{
    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private string WorkflowFile => _harness.Root / ".github" / "workflows" / (PipelineBuild.Name + ".yml");

    private WorkflowYaml Generate(PipelineBuild? build = null)
    {
        var result = _harness.Run(build ?? new PipelineBuild(), "--generate-configuration", PipelineBuild.Id);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return WorkflowYaml.Parse(File.ReadAllText(WorkflowFile));
    }

    [Test]
    public void Needs_come_from_dependencies_and_consumed_artifacts_between_jobs()
    {
        var workflow = Generate();

        Assert.Multiple(() =>
        {
            Assert.That(workflow.JobIds, Is.EqualTo(new[] { "checks", "gpu", "package", "scan", "deploy" }));
            Assert.That(workflow.Needs("checks"), Is.Empty);
            Assert.That(workflow.Needs("gpu"), Is.EqualTo(new[] { "checks" }));
            Assert.That(workflow.Needs("package"), Is.EqualTo(new[] { "gpu" }));
            Assert.That(workflow.Needs("scan"), Is.EqualTo(new[] { "package" }));
            // Deploy depends on Scan and consumes Package's archive: both jobs, in job order.
            Assert.That(workflow.Needs("deploy"), Is.EqualTo(new[] { "package", "scan" }));
        });
    }

    [Test]
    public void Each_job_runs_its_targets_and_the_unowned_dependencies_with_skip()
    {
        var workflow = Generate();

        Assert.Multiple(() =>
        {
            Assert.That(workflow.BuildCommand("checks"), Is.EqualTo("./build.sh Checks --skip"));
            Assert.That(workflow.BuildCommand("gpu"), Is.EqualTo("./build.sh Restore Compile GpuTests --skip"));
            Assert.That(workflow.BuildCommand("package"), Is.EqualTo("./build.sh Restore Compile Package --skip"));
            Assert.That(workflow.BuildCommand("scan"), Is.EqualTo("./build.sh Scan --skip"));
            Assert.That(workflow.BuildCommand("deploy"), Is.EqualTo("./build.sh Deploy --skip --stage staging"));
        });
    }

    [Test]
    public void Artifacts_are_uploaded_from_produces_and_downloaded_where_they_are_consumed()
    {
        var workflow = Generate();

        var packageUpload = workflow.With("package", "actions/upload-artifact").Single();
        Assert.Multiple(() =>
        {
            Assert.That(WorkflowYaml.Value(packageUpload, "name"), Is.EqualTo("Package"));
            Assert.That(WorkflowYaml.Value(packageUpload, "path"), Is.EqualTo("artifacts/image/service.tar"));
            Assert.That(WorkflowYaml.Value(packageUpload, "if-no-files-found"), Is.EqualTo("error"));
            Assert.That(WorkflowYaml.Value(workflow.With("checks", "actions/upload-artifact").Single(), "path"), Is.EqualTo("reports/checks.json"));
            Assert.That(WorkflowYaml.Value(workflow.With("gpu", "actions/upload-artifact").Single(), "path"), Is.EqualTo("reports/gpu/*.trx"));
            // The upload action stores paths below the folder the patterns share, so the download goes back there.
            foreach (var job in new[] { "scan", "deploy" })
            {
                var download = workflow.With(job, "actions/download-artifact").Single();
                Assert.That(WorkflowYaml.Value(download, "name"), Is.EqualTo("Package"), job);
                Assert.That(WorkflowYaml.Value(download, "path"), Is.EqualTo("artifacts/image"), job);
            }

            // GpuTests depends on Checks but consumes nothing from it.
            Assert.That(workflow.With("gpu", "actions/download-artifact"), Is.Empty);
        });
    }

    [Test]
    public void Downloads_come_before_the_build_and_uploads_after_it()
    {
        var steps = Generate().Steps("scan").Select(x => WorkflowYaml.Value(x, "uses") ?? WorkflowYaml.Value(x, "run")!).ToList();

        var download = steps.FindIndex(x => x.StartsWith("actions/download-artifact", StringComparison.Ordinal));
        var build = steps.FindIndex(x => x.StartsWith("./build.sh", StringComparison.Ordinal));
        var upload = steps.FindIndex(x => x.StartsWith("actions/upload-artifact", StringComparison.Ordinal));
        var trivy = steps.FindIndex(x => x.Contains("sha256sum --check", StringComparison.Ordinal));
        Assert.That(new[] { trivy, download, build, upload }, Is.Ordered.And.All.GreaterThanOrEqualTo(0), string.Join("\n", steps));
    }

    [Test]
    public void Sarif_is_uploaded_to_code_scanning_with_the_permission_it_needs()
    {
        var workflow = Generate();

        var scan = workflow.Job("scan");
        var sarif = workflow.With("scan", "github/codeql-action/upload-sarif").Single();
        var step = workflow.Steps("scan").Single(x => WorkflowYaml.Value(x, "uses")?.StartsWith("github/codeql-action/upload-sarif", StringComparison.Ordinal) == true);
        var permissions = WorkflowYaml.Mapping(scan, "permissions");
        Assert.Multiple(() =>
        {
            Assert.That(WorkflowYaml.Value(sarif, "sarif_file"), Is.EqualTo("reports/security"));
            Assert.That(WorkflowYaml.Value(step, "if"), Is.EqualTo("success() || failure()"));
            Assert.That(WorkflowYaml.Value(permissions, "security-events"), Is.EqualTo("write"));
            Assert.That(WorkflowYaml.Value(permissions, "contents"), Is.EqualTo("read"));
            Assert.That(workflow.Job("deploy").Children.Keys.Select(x => x.ToString()), Does.Not.Contain("permissions"));
        });
    }

    [Test]
    public void Trivy_is_installed_pinned_and_checked_before_extraction()
    {
        var script = Generate().Steps("scan").Select(x => WorkflowYaml.Value(x, "run")).Single(x => x?.Contains("trivy", StringComparison.Ordinal) == true)!;

        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("https://github.com/aquasecurity/trivy/releases/download/v0.73.0/$archive"));
            Assert.That(script, Does.Contain($"echo \"{PipelineBuild.TrivySha256}  $RUNNER_TEMP/$archive\" | sha256sum --check --strict"));
            Assert.That(script.IndexOf("sha256sum", StringComparison.Ordinal), Is.LessThan(script.IndexOf("tar -xzf", StringComparison.Ordinal)));
            Assert.That(script, Does.StartWith("set -euo pipefail"));
        });
    }

    [Test]
    public void Self_hosted_jobs_never_run_for_a_pull_request_from_a_fork()
    {
        var workflow = Generate();

        var selfHosted = workflow.JobIds.Where(id => workflow.Job(id).Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("runs-on"), out var runsOn)
            && runsOn is YamlDotNet.RepresentationModel.YamlSequenceNode labels && labels.Children.Any(l => l.ToString() == "self-hosted")).ToList();

        Assert.That(selfHosted, Is.EqualTo(new[] { "gpu" }));
        foreach (var id in selfHosted)
            Assert.That(WorkflowYaml.Value(workflow.Job(id), "if"), Is.EqualTo(
                "github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository"), id);
        Assert.That(WorkflowYaml.Value(workflow.Job("checks"), "if"), Is.Null, "hosted runners are throwaway machines: no guard");
    }

    [Test]
    public void Runners_environments_secrets_cache_and_dispatch_input_are_as_declared()
    {
        var workflow = Generate();

        var deploy = workflow.Job("deploy");
        var run = workflow.Steps("deploy").Single(x => WorkflowYaml.Value(x, "run")?.StartsWith("./build.sh", StringComparison.Ordinal) == true);
        var cache = workflow.With("gpu", "actions/cache").Single();
        var input = WorkflowYaml.Mapping(WorkflowYaml.Mapping(WorkflowYaml.Mapping(WorkflowYaml.Mapping(workflow.Root, "on"), "workflow_dispatch"), "inputs"), "environment");
        Assert.Multiple(() =>
        {
            Assert.That(WorkflowYaml.Sequence(workflow.Job("gpu"), "runs-on"), Is.EqualTo(new[] { "self-hosted", "gpu" }));
            Assert.That(WorkflowYaml.Value(workflow.Job("gpu"), "timeout-minutes"), Is.EqualTo("45"));
            Assert.That(WorkflowYaml.Value(workflow.Job("checks"), "runs-on"), Is.EqualTo("ubuntu-latest"));
            Assert.That(WorkflowYaml.Value(deploy, "environment"), Is.EqualTo("staging"));
            Assert.That(WorkflowYaml.Value(WorkflowYaml.Mapping(run, "env"), "RegistryToken"), Is.EqualTo("${{ secrets.RegistryToken }}"));
            Assert.That(WorkflowYaml.Value(cache, "key"), Is.EqualTo("${{ runner.os }}-nuget-${{ hashFiles('Directory.Packages.props', 'global.json') }}"));
            Assert.That(WorkflowYaml.Value(cache, "path"), Is.EqualTo("~/.nuget/packages"));
            Assert.That(WorkflowYaml.Sequence(input, "options"), Is.EqualTo(new[] { "staging" }));
            Assert.That(WorkflowYaml.Sequence(WorkflowYaml.Mapping(WorkflowYaml.Mapping(workflow.Root, "on"), "pull_request"), "paths-ignore"), Is.EqualTo(new[] { "docs/**" }));
            Assert.That(WorkflowYaml.Value(WorkflowYaml.Mapping(workflow.Root, "concurrency"), "group"), Is.EqualTo("${{ github.workflow }}-${{ github.ref }}"));
        });
    }

    [Test]
    public void The_file_says_it_is_generated_and_generation_is_deterministic()
    {
        Generate();
        var first = File.ReadAllText(WorkflowFile);
        Generate();
        var second = File.ReadAllText(WorkflowFile);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first.Split('\n')[0], Does.StartWith("# Generated").And.Contains("do not edit"));
            Assert.That(first.Split('\n')[1], Is.EqualTo($"# Regenerate with: ./build.sh --generate-configuration {PipelineBuild.Id}"));
            Assert.That(first, Does.Not.Contain("\r"));
        });
    }

    [Test]
    public void Changing_a_dependency_and_regenerating_changes_needs()
    {
        Assert.That(Generate(new PipelineBuild { DeployAfterScan = true }).Needs("deploy"), Is.EqualTo(new[] { "package", "scan" }));

        var regenerated = Generate(new PipelineBuild { DeployAfterScan = false });

        Assert.Multiple(() =>
        {
            Assert.That(regenerated.Needs("deploy"), Is.EqualTo(new[] { "package" }));
            // Deploy no longer waits for the scan, so nothing else changed: the scan job keeps its needs.
            Assert.That(regenerated.Needs("scan"), Is.EqualTo(new[] { "package" }));
        });
    }

    [Test]
    public void A_normal_build_fails_with_a_one_line_summary_when_the_committed_workflow_drifts()
    {
        Generate(new PipelineBuild { DeployAfterScan = true });

        var drifted = _harness.Run(new PipelineBuild { DeployAfterScan = false }, "Checks");
        var summary = drifted.Output.Split('\n').Where(x => x.Contains("out of date", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(drifted.ExitCode, Is.EqualTo(1), drifted.ToString());
            Assert.That(summary, Has.Count.EqualTo(1), drifted.ToString());
            Assert.That(summary.Single(), Does.Contain(".github/workflows/test-pipeline.yml")
                .And.Contains("1 line added, 1 removed")
                .And.Contains("committed 'needs: [package, scan]', generated 'needs: [package]'")
                .And.Contains($"regenerate with ./build.sh --generate-configuration {PipelineBuild.Id}"));
        });

        Generate(new PipelineBuild { DeployAfterScan = false });
        var current = _harness.Run(new PipelineBuild { DeployAfterScan = false }, "Checks");
        Assert.That(current.ExitCode, Is.Zero, current.ToString());
    }

    [Test]
    public void A_normal_build_fails_when_the_workflow_was_never_generated()
    {
        var result = _harness.Run(new PipelineBuild(), "Checks");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Output, Does.Contain(".github/workflows/test-pipeline.yml is missing: generate it with ./build.sh --generate-configuration " + PipelineBuild.Id));
        });
    }

    [Test]
    public void Artifact_root_is_the_folder_the_patterns_share()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WorkflowPlan.ArtifactRoot(["artifacts/image/service.tar"]), Is.EqualTo("artifacts/image"));
            Assert.That(WorkflowPlan.ArtifactRoot([".nuke/temp/reports/kernel-tests/*.trx"]), Is.EqualTo(".nuke/temp/reports/kernel-tests"));
            Assert.That(WorkflowPlan.ArtifactRoot(["artifacts/service/**"]), Is.EqualTo("artifacts/service"));
            Assert.That(WorkflowPlan.ArtifactRoot(["reports/a/x.json", "reports/b/*.json"]), Is.EqualTo("reports"));
            Assert.That(WorkflowPlan.ArtifactRoot(["a.json", "b/c.json"]), Is.EqualTo("."));
        });
    }
}
