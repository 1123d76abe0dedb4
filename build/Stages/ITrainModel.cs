using Spatial.Build;
using Spatial.Models.Training;

/// <summary>The reference model's recipe: trains a new version reproducibly on the CPU and registers it.</summary>
interface ITrainModel : IHazModels, IHazSourceRevision
{
    [Parameter("Version to write when training (default: the next minor version)")]
    string? TrainVersion => TryGetValue(() => TrainVersion);

    Target TrainModel => _ => _
        .Description("Train the reference dual-encoder model on generated data, write it under models/ and register it")
        .Executes(() =>
        {
            var report = ReferenceModelTrainer.TrainAndRegister(new ReferenceTrainingRequest
            {
                ModelsRoot = ModelsDirectory,
                Version = TrainVersion,
                SourceCommit = SourceRevision(),
            }, line => Log.Information("{Line}", line));
            foreach (var line in report.Lines())
                Log.Information("{Line}", line);
            ReportSummary(s =>
            {
                s["Model"] = $"{report.Manifest.Name} {report.Manifest.Version}";
                s["Held-out accuracy"] = report.HeldOut.Accuracy.ToString("P2");
                return s;
            });
        });
}
