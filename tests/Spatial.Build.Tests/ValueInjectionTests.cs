using Spatial.Build;
using Spatial.Build.Git;
using Spatial.Build.IO;
using Spatial.Build.ProjectModel;
using Spatial.Build.Tooling;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

public interface IHazSolution : INukeBuild
{
    [Solution]
    Solution Solution => TryGetValue(() => Solution)!;
}

public sealed class ValueInjectionTests
{
    private const string Commit = "4f2c1d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e";

    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class SolutionBuild : NukeBuild, IHazSolution
    {
        [Solution]
        public readonly Solution? Own = null;

        public Solution? FromComponent { get; private set; }

        public Target Show => _ => _.Executes(() => FromComponent = this.From<IHazSolution>().Solution);
    }

    private sealed class ComponentSolutionBuild : NukeBuild, IHazSolution
    {
        public Solution? Seen { get; private set; }

        public Target Show => _ => _.Executes(() => Seen = this.From<IHazSolution>().Solution);
    }

    private void WriteSolution(string name)
    {
        (_harness.Root / name).WriteAllText("""
            Microsoft Visual Studio Solution File, Format Version 12.00
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "source", "source", "{B8EFCA5F-814F-285C-A8CB-F00F14650265}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Spatial.Service", "source\Spatial.Service\Spatial.Service.csproj", "{EF4E7F10-4FC3-4074-BD07-C09C4D7FB355}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Spatial.Build.Tests", "tests\Spatial.Build.Tests\Spatial.Build.Tests.csproj", "{FBE9E63D-72E2-480C-8865-C6FA1EE34C82}"
            EndProject
            """);
    }

    [Test]
    public void Solution_gives_the_projects_by_name_on_the_class_and_on_components()
    {
        WriteSolution("App.sln");
        var build = new SolutionBuild();
        var result = _harness.Run(build, "Show");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Own!.Path, Is.EqualTo(_harness.Root / "App.sln"));
        Assert.That(build.Own.Projects.Select(x => x.Name), Is.EqualTo(new[] { "Spatial.Service", "Spatial.Build.Tests" }), "solution folders are not projects");
        Assert.That(build.Own.GetProject("spatial.service").Path, Is.EqualTo(_harness.Root / "source" / "Spatial.Service" / "Spatial.Service.csproj"));
        Assert.That(build.FromComponent!.Path, Is.EqualTo(build.Own.Path));
    }

    [Test]
    public void The_Solution_entry_of_parameters_json_names_the_file()
    {
        WriteSolution("First.sln");
        WriteSolution("Second.sln");
        _harness.WriteParameters("""{ "$schema": "./build.schema.json", "Solution": "Second.sln" }""");
        var build = new ComponentSolutionBuild();
        var result = _harness.Run(build, "Show");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Seen!.Path, Is.EqualTo(_harness.Root / "Second.sln"));

        var ambiguous = _harness.Run(new SolutionBuild(), "Show");
        Assert.That(ambiguous.ExitCode, Is.Not.Zero);
        Assert.That(ambiguous.Output, Does.Contain("[Solution] Own: several solution files in"));
    }

    [Test]
    public void An_unknown_project_fails_listing_the_projects()
    {
        WriteSolution("App.sln");
        var build = new SolutionBuild();
        _harness.Run(build, "Show");
        var failure = Assert.Throws<BuildFailedException>(() => build.Own!.GetProject("Spatial.Gateway"));
        Assert.That(failure!.Message, Is.EqualTo("Solution App.sln has no project 'Spatial.Gateway'. Projects: Spatial.Service, Spatial.Build.Tests."));
    }

    private sealed class RepositoryBuild : NukeBuild
    {
        [GitRepository]
        public readonly GitRepository? Repository = null;

        public Target Show => _ => _.Executes(() => { });
    }

    private AbsolutePath WriteGitDirectory(AbsolutePath gitDirectory, string head)
    {
        (gitDirectory / "HEAD").WriteAllText(head + "\n");
        (gitDirectory / "packed-refs").WriteAllText($"# pack-refs with: peeled fully-peeled sorted\n{Commit} refs/heads/release/1.2\n");
        (gitDirectory / "config").WriteAllText("""
            [core]
            	bare = false
            [remote "upstream"]
            	url = https://example.invalid/upstream.git
            [remote "origin"]
            	url = https://example.invalid/spatial.git
            	fetch = +refs/heads/*:refs/remotes/origin/*
            """);
        return gitDirectory;
    }

    [Test]
    public void GitRepository_gives_branch_commit_and_origin_from_the_git_folder()
    {
        WriteGitDirectory(_harness.Root / ".git", "ref: refs/heads/release/1.2");
        var build = new RepositoryBuild();
        var result = _harness.Run(build, "Show");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Repository, Is.EqualTo(new GitRepository(_harness.Root, Commit, "release/1.2", "origin", "https://example.invalid/spatial.git")));
        Assert.That(build.Repository!.ShortCommit, Is.EqualTo("4f2c1d9"));
    }

    [Test]
    public void GitRepository_reads_a_worktree_whose_git_entry_is_a_file()
    {
        var common = WriteGitDirectory(_harness.Root / "main-clone" / ".git", "ref: refs/heads/main");
        var worktreeGit = (common / "worktrees" / "feature").CreateDirectory();
        (worktreeGit / "HEAD").WriteAllText("ref: refs/heads/feature/x\n");
        (worktreeGit / "commondir").WriteAllText("../..\n");
        (common / "refs" / "heads" / "feature" / "x").WriteAllText("0123456789abcdef0123456789abcdef01234567\n");
        (_harness.Root / ".git").WriteAllText($"gitdir: {worktreeGit}\n");

        var build = new RepositoryBuild();
        _harness.Run(build, "Show");
        Assert.That(build.Repository!.Branch, Is.EqualTo("feature/x"));
        Assert.That(build.Repository.Commit, Is.EqualTo("0123456789abcdef0123456789abcdef01234567"));
        Assert.That(build.Repository.RemoteUrl, Is.EqualTo("https://example.invalid/spatial.git"));
    }

    [Test]
    public void A_detached_head_on_GitHub_Actions_takes_the_branch_from_the_run()
    {
        WriteGitDirectory(_harness.Root / ".git", Commit);
        _harness.Environment["GITHUB_ACTIONS"] = "true";
        _harness.Environment["GITHUB_REF_NAME"] = "main";
        var build = new RepositoryBuild();
        _harness.Run(build, "Show");
        Assert.That(build.Repository!.Commit, Is.EqualTo(Commit));
        Assert.That(build.Repository.Branch, Is.EqualTo("main"));
    }

    [Test]
    public void GitRepository_reads_this_checkout_as_git_does()
    {
        var root = RepositoryRoot.Directory;
        if (ExternalTool.FindOnPath("git") is null || !(root / ".git").Exists())
            Assert.Ignore("needs git and a git checkout of this repository");
        string Git(string arguments)
        {
            using var git = ProcessTasks.StartProcess("git", arguments, root, logOutput: false, logInvocation: false);
            git.AssertZeroExitCode();
            return git.Output.First().Text.Trim();
        }

        var repository = GitRepository.TryRead(root);
        Assert.That(repository, Is.Not.Null);
        Assert.That(repository!.Commit, Is.EqualTo(Git("rev-parse HEAD")));
        var branch = Git("rev-parse --abbrev-ref HEAD");
        Assert.That(repository.Branch, Is.EqualTo(branch == "HEAD" ? null : branch));
    }

    [Test]
    public void No_git_folder_gives_no_repository()
    {
        var build = new RepositoryBuild();
        var result = _harness.Run(build, "Show");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(build.Repository, Is.Null);
    }
}
