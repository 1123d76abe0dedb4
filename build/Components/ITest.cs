using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Build.Tooling;
using Spatial.Build.Tools.DotNet;

/// <summary>Runs every test project of the solution.</summary>
interface ITest : ICompile, IHazReports
{
    AbsolutePath TestResultsDirectory => ReportsDirectory / "tests";

    Target Test => _ => _
        .Description("Run every test project of the solution (Docker tests need an engine; GPU tests a CUDA device)")
        .DependsOn(Compile)
        .Produces(IHazReports.ReportsFolder + "/tests/*.trx")
        .Executes(() =>
        {
            TestResultsDirectory.DeleteDirectory();
            try
            {
                DotNetTasks.DotNetTest(s => s
                    .Apply(TestSettingsBase)
                    .Apply(TestSettings));
            }
            finally
            {
                var summary = TestRunSummary.Read(TestResultsDirectory);
                ReportSummary(s => { s["Tests"] = summary.ToString(); return s; });
            }
        });

    /// <summary>The component's own choices: build again only when Compile did not just succeed (--skip Compile).</summary>
    sealed Configure<DotNetTestSettings> TestSettingsBase => _ => _
        .SetProjectFile(Solution)
        .SetConfiguration(Configuration)
        .SetNoRestore(SucceededTargets.Contains(Restore))
        .SetNoBuild(SucceededTargets.Contains(Compile))
        .AddLoggers("trx")
        .SetResultsDirectory(TestResultsDirectory);

    /// <summary>Override to add a build's own settings; applied after the base.</summary>
    Configure<DotNetTestSettings> TestSettings => _ => _;
}
