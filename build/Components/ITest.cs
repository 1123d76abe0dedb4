using Spatial.Build;
using Spatial.Build.IO;
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
                    .SetProjectFile(Solution)
                    .SetConfiguration(Configuration)
                    .EnableNoBuild()
                    .AddLoggers("trx")
                    .SetResultsDirectory(TestResultsDirectory));
            }
            finally
            {
                var summary = TestRunSummary.Read(TestResultsDirectory);
                ReportSummary(s => { s["Tests"] = summary.ToString(); return s; });
            }
        });
}
