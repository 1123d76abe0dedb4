using Spatial.Tests.Workflows;
using Spatial.Build;
using Spatial.Build.CI;
using Spatial.Build.IO;

namespace Spatial.Tests.Pipeline;

/// <summary>The committed workflow of the real pipeline: current, valid, and faithful to the target graph.</summary>
public sealed class WorkflowTests
{
    private static readonly IReadOnlyList<ExecutableTarget> Graph = TargetGraphReader.Read(PipelineDefinition.CreateBuild());

    private static WorkflowYaml Committed => WorkflowYaml.Parse(File.ReadAllText(PipelineDefinition.CommittedWorkflow));

    [Test]
    public void The_committed_workflow_equals_the_generated_one()
    {
        var root = AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "spatial-pipeline-tests", Guid.NewGuid().ToString("N")));
        (root / ".nuke").CreateDirectory();
        try
        {
            using var output = new StringWriter();
            var exitCode = BuildRunner.Run(PipelineDefinition.CreateBuild(), new BuildRunOptions
            {
                Arguments = ["--generate-configuration", PipelineDefinition.GeneratorId],
                RootDirectory = root,
                WorkingDirectory = root,
                Output = output,
            });
            Assert.That(exitCode, Is.Zero, output.ToString());

            var generated = (root / ".github" / "workflows" / (PipelineDefinition.Workflow + ".yml")).ReadAllText();
            Assert.That(File.ReadAllText(PipelineDefinition.CommittedWorkflow), Is.EqualTo(generated),
                $"The committed workflow is out of date with the build definition: run {PipelineDefinition.Regenerate} and commit the result.");
        }
        finally
        {
            root.DeleteDirectory();
        }
    }

    [Test]
    public void The_drift_check_of_normal_builds_finds_nothing_in_the_repository()
    {
        var context = TargetGraphReader.CreateContext(PipelineDefinition.CreateBuild(), PipelineDefinition.RepositoryRoot);

        Assert.That(ConfigurationDriftCheck.Describe(context), Is.Empty);
    }

    [Test]
    public void The_workflow_validator_accepts_the_committed_workflow()
    {
        var result = ActionValidator.Validate(PipelineDefinition.CommittedWorkflow, PipelineDefinition.RepositoryRoot);

        Assert.That(result.ExitCode, Is.Zero, result.Output);
    }

    [Test]
    public void The_workflow_validator_rejects_a_job_that_needs_a_missing_job()
    {
        var folder = Path.Combine(Path.GetTempPath(), "spatial-pipeline-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var broken = File.ReadAllText(PipelineDefinition.CommittedWorkflow).Replace("needs: [image]", "needs: [imag]", StringComparison.Ordinal);
            Assert.That(broken, Does.Contain("needs: [imag]"), "the committed workflow no longer has a job that needs only 'image'");
            var file = Path.Combine(folder, "broken.yml");
            File.WriteAllText(file, broken);

            var result = ActionValidator.Validate(file, folder);

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.Not.Zero, result.Output);
                Assert.That(result.Output, Does.Contain("unresolved job imag"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Every_job_runs_its_targets_with_skip()
    {
        var workflow = Committed;

        Assert.Multiple(() =>
        {
            foreach (var job in workflow.JobIds)
            {
                var command = workflow.BuildCommand(job).Split(' ');
                Assert.That(command[0], Is.EqualTo("./build.sh"), job);
                Assert.That(command, Does.Contain("--skip"), job);
                Assert.That(Targets(workflow, job), Is.Not.Empty, job);
            }
        });
    }

    [Test]
    public void Needs_match_the_target_graph_for_every_job()
    {
        var workflow = Committed;
        var runs = workflow.JobIds.ToDictionary(x => x, x => Targets(workflow, x));
        var declared = PipelineDefinition.JobDeclarations.ToDictionary(x => x.Id, x => x.Needs);

        Assert.Multiple(() =>
        {
            foreach (var job in workflow.JobIds)
            {
                var expected = new HashSet<string>(declared[job]);
                foreach (var target in runs[job])
                {
                    var elsewhere = target.ExecutionDependencies.Concat(target.Consumes.Select(x => x.Producer)).Where(x => !runs[job].Contains(x));
                    foreach (var dependency in elsewhere)
                    {
                        var owners = runs.Where(x => x.Value.Contains(dependency)).Select(x => x.Key).ToList();
                        Assert.That(owners, Has.Count.EqualTo(1), $"{job}: {target.Name} needs {dependency.Name}, run by [{string.Join(", ", owners)}]");
                        expected.UnionWith(owners);
                    }
                }

                Assert.That(workflow.Needs(job), Is.EquivalentTo(expected), $"needs of {job}");
            }
        });
    }

    [Test]
    public void Produced_artifacts_are_uploaded_and_consumed_ones_downloaded_across_jobs()
    {
        var workflow = Committed;
        var runs = workflow.JobIds.ToDictionary(x => x, x => Targets(workflow, x));
        var owned = PipelineDefinition.JobDeclarations.ToDictionary(x => x.Id, x => x.Targets);

        Assert.Multiple(() =>
        {
            foreach (var job in workflow.JobIds)
            {
                var uploads = workflow.With(job, "actions/upload-artifact").ToDictionary(x => WorkflowYaml.Value(x, "name")!, x => WorkflowYaml.Value(x, "path")!);
                foreach (var target in Graph.Where(x => owned[job].Contains(x.Name) && x.Produces.Count > 0))
                {
                    var upload = uploads.Single(x => x.Key == target.Name || x.Key == $"{target.Name}-{job}");
                    Assert.That(upload.Value.TrimEnd('\n').Split('\n'), Is.EqualTo(target.Produces), $"{job} uploads {target.Name}");
                }

                var downloads = workflow.With(job, "actions/download-artifact").Select(x => WorkflowYaml.Value(x, "name")).ToList();
                var consumed = runs[job].SelectMany(x => x.Consumes).Select(x => x.Producer).Where(x => !runs[job].Contains(x)).Select(x => x.Name).Distinct();
                Assert.That(downloads, Is.EquivalentTo(consumed), $"{job} downloads");
            }
        });
    }

    [Test]
    public void Kernel_parity_runs_on_the_gpu_runner_and_deployments_are_bound_to_environments()
    {
        var workflow = Committed;
        var kernels = workflow.JobIds.Single(x => Targets(workflow, x).Any(t => t.Name == "SpatialTests"));
        var deployments = workflow.JobIds.Where(x => Targets(workflow, x).Any(t => t.Name == "Deploy")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(WorkflowYaml.Sequence(workflow.Job(kernels), "runs-on"), Is.EqualTo(new[] { "self-hosted", "gpu" }));
            Assert.That(deployments.Select(x => WorkflowYaml.Value(workflow.Job(x), "environment")), Is.EqualTo(new[] { "staging", "production" }));
            Assert.That(workflow.Needs(deployments[1]), Does.Contain(deployments[0]), "production deploys after staging");
            Assert.That(workflow.BuildCommand(deployments[1]), Does.EndWith("--environment production"));
        });
    }

    [Test]
    public void The_security_job_installs_a_pinned_trivy_and_checks_it_before_the_scan()
    {
        var workflow = Committed;
        var security = workflow.JobIds.Single(x => Targets(workflow, x).Any(t => t.Name == "SecurityScan"));
        var steps = workflow.Steps(security).Select(x => WorkflowYaml.Value(x, "run") ?? string.Empty).ToList();

        var install = steps.FindIndex(x => x.Contains("aquasecurity/trivy/releases/download/v", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(install, Is.GreaterThanOrEqualTo(0));
            Assert.That(steps[install], Does.Match("echo \"[0-9a-f]{64}  .*\" \\| sha256sum --check --strict"));
            Assert.That(install, Is.LessThan(steps.FindIndex(x => x.StartsWith("./build.sh", StringComparison.Ordinal))));
        });
    }

    // The targets a job's command names, resolved against the graph (an unknown name fails the test).
    private static List<ExecutableTarget> Targets(WorkflowYaml workflow, string job) =>
        workflow.BuildCommand(job).Split(' ').Skip(1).TakeWhile(x => !x.StartsWith("--", StringComparison.Ordinal))
            .Select(name => Graph.SingleOrDefault(x => x.Name == name) ?? throw new AssertionException($"{job} runs '{name}', which is not a target")).ToList();
}
