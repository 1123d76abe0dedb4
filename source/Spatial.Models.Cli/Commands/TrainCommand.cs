using System.CommandLine;
using Spatial.Models.Training;

namespace Spatial.Models.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create()
    {
        var root = CommonOptions.ModelsRoot();
        var version = new Option<string?>("--version") { Description = "version to write (default: 1.0.0, or the next minor)" };
        var seed = new Option<int>("--seed") { Description = "training seed", DefaultValueFactory = _ => new TrainingOptions().Seed };
        var epochs = new Option<int>("--epochs") { Description = "epochs", DefaultValueFactory = _ => new TrainingOptions().Epochs };
        var samples = new Option<int>("--samples") { Description = "training images", DefaultValueFactory = _ => new TrainingOptions().TrainingSamples };
        var commit = new Option<string>("--commit") { Description = "source commit recorded in the manifest", DefaultValueFactory = _ => "unknown" };
        var command = new Command("train", "train the reference model, write it under the models root and register it") { root, version, seed, epochs, samples, commit };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var report = ReferenceModelTrainer.TrainAndRegister(new ReferenceTrainingRequest
            {
                ModelsRoot = parse.GetValue(root)!, Version = parse.GetValue(version), SourceCommit = parse.GetValue(commit)!,
                Training = new TrainingOptions { Seed = parse.GetValue(seed), Epochs = parse.GetValue(epochs), TrainingSamples = parse.GetValue(samples) },
            }, Console.WriteLine);
            foreach (var line in report.Lines())
                Console.WriteLine(line);
            return 0;
        }));
        return command;
    }
}
