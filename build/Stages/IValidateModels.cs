using System.Text.Json;
using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Models;

/// <summary>Stage 3: the candidate model's integrity, dual-encoder compatibility, accuracy and promotion rules.</summary>
interface IValidateModels : ICompile, IHazEnvironment, IHazModels, IHazReports
{
    [Parameter("Approve a major-version bump over the version the environment runs")]
    bool ApproveMajor => TryGetValue<bool>(() => ApproveMajor) ?? false;

    AbsolutePath ModelValidationReport => ReportsDirectory / "model-validation.json";

    Target ValidateModels => _ => _
        .Description("Stage 3: model integrity, dual-encoder compatibility, accuracy gate and promotion rules for the environment")
        .DependsOn(Compile)
        .Produces(IHazReports.ReportsFolder + "/model-validation.json")
        .Executes(async () =>
        {
            var report = ModelValidation.Validate(new ModelValidationOptions
            {
                ModelsRoot = ModelsDirectory,
                Environment = Environment.Name,
                Model = ModelName,
                Version = ModelVersion,
                ApproveMajor = ApproveMajor,
                Accelerator = Accelerator,
            });
            foreach (var check in report.Checks)
            {
                if (check.Passed)
                    Log.Information("{Check}", check.ToString());
                else
                    Log.Error("{Check}", check.ToString());
            }

            ReportsDirectory.CreateDirectory();
            await File.WriteAllTextAsync(ModelValidationReport, JsonSerializer.Serialize(report, ReportJson.Options));
            ReportSummary(s =>
            {
                s["Model"] = $"{report.Model} {report.Version}";
                if (report.Accuracy is { } accuracy)
                    s["Accuracy"] = accuracy.ToString("P2");
                return s;
            });
            Assert.True(report.Passed,
                $"{report.Model} {report.Version} may not serve in {Environment}: {string.Join("; ", report.Failures.Select(f => $"{f.Name}: {f.Message}"))}");
        });
}
