using Spatial.Models.Registry;
using Spatial.Models.Safetensors;

namespace Spatial.Models.Tests;

public class CliTests
{
    private TempDirectory _root = null!;

    [SetUp]
    public void SetUp() => _root = new TempDirectory();

    [TearDown]
    public void TearDown() => _root.Dispose();

    /// <summary>A loadable package whose head answers the same class for every image (zero weights and bias).</summary>
    private string RegisterConstantModel()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        var path = Path.Combine(package, PackageFiles.WeightsFileName);
        var original = SafetensorsFile.Read(path);
        var tensors = original.Tensors.Keys.Select(name => new Float32Tensor(name, original.Tensors[name].Shape.Select(d => (int)d).ToArray(),
            name.StartsWith("head.fc2.", StringComparison.Ordinal) ? new float[original.Tensors[name].ElementCount] : original.GetFloat32(name))).ToList();
        var bytes = SafetensorsWriter.ToBytes(tensors);
        File.WriteAllBytes(path, bytes);
        var manifest = ManifestJson.Deserialize(File.ReadAllText(Path.Combine(package, PackageFiles.ManifestFileName)));
        ModelPackageWriter.WriteManifest(package, manifest with { Artifacts = [manifest.Artifacts[0] with { Sha256 = PackageFiles.Sha256(bytes), Size = bytes.LongLength }] });
        new ModelRegistry(_root.Path).Register(package);
        return package;
    }

    [Test]
    public void TestExitsNonZeroBelowTheEnvironmentsMinimum()
    {
        RegisterConstantModel();
        var outcome = ModelsCli.Run("test", "--models", _root.Path, "--samples", "50");
        Assert.That(outcome.ExitCode, Is.EqualTo(1), outcome.Output + outcome.Error);
        Assert.That(outcome.Output, Does.Contain("FAIL accuracy: 20.00 % on 50 generated images").And.Contain("minimum 90 % for development"));
    }

    [Test]
    public void TestExitsZeroWhenTheShippedModelMeetsTheMinimum()
    {
        new ModelRegistry(_root.Path).Register(ShippedModel.CopyTo(_root.Path));
        var outcome = ModelsCli.Run("test", "--models", _root.Path, "--samples", "50", "--environment", "staging");
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Output + outcome.Error);
        Assert.That(outcome.Output, Does.Contain("PASS accuracy").And.Contain("minimum 95 % for staging"));
    }

    [Test]
    public void ValidateWithACorruptRegistrySaysWhatIsWrongNotQuestionMarks()
    {
        File.WriteAllText(Path.Combine(_root.Path, ModelRegistry.FileName), "{ not json");
        var outcome = ModelsCli.Run("validate", "--models", _root.Path, "--environment", "development");
        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(outcome.Output, Does.Not.Contain("?"));
        Assert.That(outcome.Output, Does.StartWith("validating for development: the registry does not say which model"));
        Assert.That(outcome.Output, Does.Contain("FAIL registry:").And.Contain("is corrupt"));
    }
}
