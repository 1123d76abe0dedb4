using System.CommandLine;
using Spatial.Kernels;
using Spatial.Models.Registry;

namespace Spatial.Models.Cli.Commands;

internal static class TestCommand
{
    public static Command Create()
    {
        var (root, model, version, samples) = (CommonOptions.ModelsRoot(), CommonOptions.Model(), CommonOptions.Version(), CommonOptions.Samples());
        var record = new Option<bool>("--record") { Description = "record the measured accuracy in the registry" };
        var environment = new Option<string>("--environment")
        {
            Description = "environment whose minimum accuracy the model must reach (exit 1 below it)",
            DefaultValueFactory = _ => EnvironmentPolicies.All[0].Environment,
        };
        var command = new Command("test", "measure accuracy on the generated validation set against an environment's minimum; print the training ablation beside it; exit 1 below the minimum")
        {
            root, model, version, samples, record, environment,
        };
        command.SetAction(parse => CommonOptions.Run(() =>
        {
            var policy = EnvironmentPolicies.For(parse.GetValue(environment)!);
            var registry = new ModelRegistry(parse.GetValue(root)!);
            var name = CommonOptions.ModelName(registry, parse.GetValue(model));
            var registered = ModelRegistry.Version(registry.Read(), name, parse.GetValue(version));
            var package = ModelPackage.Load(registry.PackageDirectory(registered));
            using var backend = KernelBackends.Create(AcceleratorChoice.Cpu);
            using var classifier = new DualEncoderClassifier(package, backend);
            var result = ModelEvaluator.Evaluate(classifier, ModelEvaluator.ValidationSeed, parse.GetValue(samples));
            var metrics = package.Manifest.Metrics;
            Console.WriteLine($"{package.Manifest.DisplayName}: accuracy {result.Accuracy:P2} on {result.Samples} generated images (seed {ModelEvaluator.ValidationSeed}, {backend.Device.Name})");
            Console.WriteLine($"training metrics: held-out {metrics.HeldOutAccuracy:P2} on {metrics.HeldOutSamples}; visual-only ablation {(metrics.VisualOnlyAccuracy is { } v ? v.ToString("P2", System.Globalization.CultureInfo.InvariantCulture) : "not measured")}");
            foreach (var (label, accuracy) in result.PerClassAccuracy)
            {
                var ablation = metrics.VisualOnlyPerClassAccuracy?.GetValueOrDefault(label) is { } a ? $"  visual-only (training) {a:P1}" : "";
                Console.WriteLine($"  {label,-15} {accuracy:P1}{ablation}");
            }
            if (parse.GetValue(record))
            {
                registry.RecordTest(name, registered.Version, result, backend.Kind.ToString());
                Console.WriteLine($"recorded in {registry.FilePath}");
            }
            var gate = ModelValidation.CheckAccuracy(result, policy);
            Console.WriteLine(gate);
            return gate.Passed ? 0 : 1;
        }));
        return command;
    }
}
