using Spatial.Kernels;
using Spatial.Models;
using Spatial.Models.Data;

namespace Spatial.GpuCheck;

/// <summary>
/// The dual-encoder forward pass of the shipped model on every backend, on the same generated validation images:
/// each backend's labels must equal the vectorised CPU path's and its probabilities lie within the tolerance.
/// </summary>
internal static class ForwardPassParity
{
    /// <summary>Probabilities, absolute: the bound the model tests hold ILGPU's forward pass to (ShippedModelTests).</summary>
    public const double ProbabilityTolerance = 1e-3;

    /// <summary>Images classified per backend: every class many times over, in one batch.</summary>
    public const int Images = 100;

    public static IReadOnlyList<ForwardVerdict> Run(ModelPackage package, IReadOnlyList<NamedBackend> backends, TextWriter output)
    {
        var images = ValidationImages(Images);
        var model = $"{package.Manifest.Name}@{package.Manifest.Version}";
        var expected = Classify(package, backends.Single(b => b.Name == NamedBackend.Cpu), images);
        var verdicts = new List<ForwardVerdict>();
        foreach (var backend in backends.Where(b => b.Name != NamedBackend.Cpu))
        {
            ForwardVerdict verdict;
            try
            {
                var actual = Classify(package, backend, images);
                var mismatches = actual.Zip(expected).Count(pair => pair.First.Label != pair.Second.Label);
                verdict = new ForwardVerdict(model, backend.Name, images.Count, mismatches,
                    ParityCheck.Compare(Probabilities(actual, package.Manifest.Classes), Probabilities(expected, package.Manifest.Classes)), ProbabilityTolerance);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                verdict = new ForwardVerdict(model, backend.Name, images.Count, images.Count, ParityResult.None, ProbabilityTolerance, ExceptionText.Of(e));
            }
            verdicts.Add(verdict);
            output.WriteLine(verdict.ToLine());
        }
        return verdicts;
    }

    /// <summary>The registry's validation images (the accuracy gate's seed), generated deterministically.</summary>
    public static IReadOnlyList<RgbImage> ValidationImages(int count) =>
        new PizzaImageGenerator(ModelEvaluator.ValidationSeed).GenerateRange(0, count).Select(s => s.Image).ToList();

    private static IReadOnlyList<ClassificationResult> Classify(ModelPackage package, NamedBackend backend, IReadOnlyList<RgbImage> images)
    {
        using var classifier = new DualEncoderClassifier(package, backend.Backend);
        return classifier.Classify(images).Results;
    }

    private static float[] Probabilities(IReadOnlyList<ClassificationResult> results, IReadOnlyList<string> classes) =>
        results.SelectMany(r => classes.Select(c => r.Probabilities[c])).ToArray();
}
