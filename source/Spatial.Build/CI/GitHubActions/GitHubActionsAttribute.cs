using Spatial.Build.Generation;
using Spatial.Build.IO;

namespace Spatial.Build.CI.GitHubActions;

/// <summary>
/// Declares a GitHub Actions workflow generated from the build: triggers, runners, permissions, concurrency, caching and
/// tool pins. Jobs are declared with <see cref="GitHubActionsJobAttribute"/>; their <c>needs:</c>, commands and artifacts
/// come from the target graph. Written to <c>.github/workflows/&lt;name&gt;.yml</c> by
/// <c>--generate-configuration GitHubActions_&lt;name&gt;</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsAttribute(string name) : Attribute, IConfigurationGenerator
{
    /// <summary>The workflow's name and file name (without <c>.yml</c>).</summary>
    public string Name { get; } = name;

    /// <inheritdoc />
    public string Id => "GitHubActions_" + Name;

    /// <summary>Branches whose pushes run the workflow; empty: no push trigger.</summary>
    public string[] OnPushBranches { get; set; } = [];

    /// <summary>Path globs a push must touch to run the workflow (<c>paths</c>).</summary>
    public string[] OnPushIncludePaths { get; set; } = [];

    /// <summary>Path globs whose changes alone do not run the workflow on push (<c>paths-ignore</c>).</summary>
    public string[] OnPushExcludePaths { get; set; } = [];

    /// <summary>Target branches of pull requests that run the workflow; empty: no pull_request trigger.</summary>
    public string[] OnPullRequestBranches { get; set; } = [];

    /// <summary>Path globs a pull request must touch (<c>paths</c>).</summary>
    public string[] OnPullRequestIncludePaths { get; set; } = [];

    /// <summary>Path globs whose changes alone do not run the workflow on pull requests (<c>paths-ignore</c>).</summary>
    public string[] OnPullRequestExcludePaths { get; set; } = [];

    /// <summary>
    /// Adds a manual trigger with an <c>environment</c> input whose choices are the environments of the jobs that declare
    /// <see cref="GitHubActionsJobAttribute.Environment"/> (in job order, the first is the default). Job conditions read it as
    /// <c>inputs.environment</c>.
    /// </summary>
    public bool OnWorkflowDispatch { get; set; }

    /// <summary>Runner labels of every job that names none; one label is written as a string, several as a list.</summary>
    public string[] RunsOn { get; set; } = ["ubuntu-latest"];

    /// <summary>Workflow permissions as <c>"scope: level"</c>, e.g. <c>"contents: read"</c>. Jobs that upload SARIF add <c>security-events: write</c>.</summary>
    public string[] Permissions { get; set; } = ["contents: read"];

    /// <summary>Concurrency group (an expression is allowed); empty: no concurrency limit.</summary>
    public string? ConcurrencyGroup { get; set; }

    /// <summary><c>true</c>, <c>false</c> or an expression such as <c>${{ github.event_name == 'pull_request' }}</c>.</summary>
    public string ConcurrencyCancelInProgress { get; set; } = "false";

    /// <summary>Files whose hash keys the NuGet package cache, e.g. <c>Directory.Packages.props</c> and <c>global.json</c>; empty: no cache.</summary>
    public string[] CacheKeyFiles { get; set; } = [];

    /// <summary>Folders the package cache keeps.</summary>
    public string[] CachePaths { get; set; } = ["~/.nuget/packages"];

    /// <summary>Timeout of every job that sets none, in minutes.</summary>
    public int TimeoutMinutes { get; set; } = 30;

    /// <summary>Trivy release installed by jobs with <see cref="GitHubActionsJobAttribute.InstallTrivy"/>, e.g. <c>0.73.0</c>.</summary>
    public string? TrivyVersion { get; set; }

    /// <summary>SHA-256 of that release's <c>Linux-64bit.tar.gz</c>; the download is checked against it before extraction.</summary>
    public string? TrivySha256 { get; set; }

    /// <inheritdoc />
    public AbsolutePath GetOutputPath(AbsolutePath rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(rootDirectory);
        return rootDirectory / ".github" / "workflows" / (Name + ".yml");
    }

    /// <inheritdoc />
    public string Generate(ConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var jobs = GitHubActionsJobAttribute.For(context.Build.GetType(), Name);
        var plan = WorkflowPlan.Create(Name, jobs, context.Targets, context.Build.GetType());
        return WorkflowDocument.Write(this, plan);
    }
}
