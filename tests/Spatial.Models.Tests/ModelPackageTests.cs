using Spatial.Models.Safetensors;

namespace Spatial.Models.Tests;

public class ModelPackageTests
{
    private TempDirectory _root = null!;

    [SetUp]
    public void SetUp() => _root = new TempDirectory();

    [TearDown]
    public void TearDown() => _root.Dispose();

    private string Weights(string package) => Path.Combine(package, PackageFiles.WeightsFileName);

    /// <summary>Replaces the weights file and updates the manifest's checksum and size, so only later checks can catch the change.</summary>
    private static void ReplaceWeightsConsistently(string package, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(package, PackageFiles.WeightsFileName), bytes);
        var manifest = ManifestJson.Deserialize(File.ReadAllText(Path.Combine(package, PackageFiles.ManifestFileName)));
        ModelPackageWriter.WriteManifest(package, manifest with
        {
            Artifacts = [manifest.Artifacts[0] with { Sha256 = PackageFiles.Sha256(bytes), Size = bytes.LongLength }],
        });
    }

    private static string LoadError(string package) => Assert.Throws<ModelPackageException>(() => ModelPackage.Load(package))!.Message;

    [Test]
    public void ShippedPackageLoads()
    {
        var package = ModelPackage.Load(ShippedModel.PackageDirectory);
        Assert.That(package.Manifest.Version, Is.EqualTo(ShippedModel.Version));
        Assert.That(package.Manifest.Head.InputSize, Is.EqualTo(package.Manifest.VisualEncoder.EmbeddingSize + package.Manifest.SpatialEncoder.EmbeddingSize));
        Assert.That(package.Directory, Is.EqualTo(Path.GetFullPath(ShippedModel.PackageDirectory)));
    }

    [Test]
    public void FlippedByteInWeightsFailsIntegrityInOneLine()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        var bytes = File.ReadAllBytes(Weights(package));
        bytes[^10] ^= 0x01;
        File.WriteAllBytes(Weights(package), bytes);
        var message = LoadError(package);
        Assert.That(message, Does.Contain("integrity").And.Contain("SHA-256").And.Contain(PackageFiles.WeightsFileName));
        Assert.That(message, Does.Not.Contain('\n'));
    }

    [Test]
    public void WrongSizeFailsIntegrity()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        File.AppendAllText(Weights(package), " ");
        Assert.That(LoadError(package), Does.Contain("integrity").And.Contain("bytes, manifest says"));
    }

    [Test]
    public void TruncatedSafetensorsFailsStructure()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        ReplaceWeightsConsistently(package, File.ReadAllBytes(Weights(package))[..^64]);
        Assert.That(LoadError(package), Does.Contain("structure").And.Contain("truncated"));
    }

    [Test]
    public void WrongTensorShapeFailsStructure()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        var original = SafetensorsFile.Read(Weights(package));
        var tensors = original.Tensors.Keys.Select(name => name == "head.fc2.bias"
            ? new Float32Tensor(name, [6], new float[6])
            : new Float32Tensor(name, original.Tensors[name].Shape.Select(d => (int)d).ToArray(), original.GetFloat32(name))).ToList();
        ReplaceWeightsConsistently(package, SafetensorsWriter.ToBytes(tensors));
        Assert.That(LoadError(package), Does.Contain("structure").And.Contain("head.fc2.bias").And.Contain("[6]"));
    }

    [Test]
    public void MissingTensorFailsStructure()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        var original = SafetensorsFile.Read(Weights(package));
        var tensors = original.Tensors.Keys.Where(n => n != "visual.conv2.weight")
            .Select(n => new Float32Tensor(n, original.Tensors[n].Shape.Select(d => (int)d).ToArray(), original.GetFloat32(n))).ToList();
        ReplaceWeightsConsistently(package, SafetensorsWriter.ToBytes(tensors));
        Assert.That(LoadError(package), Does.Contain("visual.conv2.weight").And.Contain("missing"));
    }

    [Test]
    public void HeadThatDoesNotFitBothEncodersIsIncompatible()
    {
        // A head sized for the visual embedding only: internally consistent, but not a dual encoder over these two.
        var package = ShippedModel.CopyTo(_root.Path, edit: m => m with
        {
            Head = m.Head with { InputSize = m.VisualEncoder.EmbeddingSize, Layers = [m.Head.Layers[0] with { Inputs = m.VisualEncoder.EmbeddingSize }, .. m.Head.Layers.Skip(1)] },
        });
        var original = SafetensorsFile.Read(Weights(package));
        var tensors = original.Tensors.Keys.Select(n => n == "head.fc1.weight"
            ? new Float32Tensor(n, [32, 32], new float[32 * 32])
            : new Float32Tensor(n, original.Tensors[n].Shape.Select(d => (int)d).ToArray(), original.GetFloat32(n))).ToList();
        ReplaceWeightsConsistently(package, SafetensorsWriter.ToBytes(tensors));
        Assert.That(LoadError(package), Does.Contain("compatibility").And.Contain("visual").And.Contain("spatial"));
    }

    [Test]
    public void UnsupportedFeatureVersionIsIncompatible()
    {
        var package = ShippedModel.CopyTo(_root.Path, edit: m => m with
        {
            SpatialEncoder = m.SpatialEncoder with { Features = m.SpatialEncoder.Features with { Version = "spatial-features/99" } },
        });
        Assert.That(LoadError(package), Does.Contain("compatibility").And.Contain("spatial-features/99"));
    }

    [Test]
    public void UnsupportedPreprocessingIsIncompatible()
    {
        var package = ShippedModel.CopyTo(_root.Path, edit: m => m with
        {
            VisualEncoder = m.VisualEncoder with { Input = m.VisualEncoder.Input with { PreprocessVersion = "preprocess/0" } },
        });
        Assert.That(LoadError(package), Does.Contain("compatibility").And.Contain("preprocess/0"));
    }

    [Test]
    public void FeatureCountTheKernelsDoNotProduceIsIncompatible()
    {
        var package = ShippedModel.CopyTo(_root.Path, edit: m => m with
        {
            SpatialEncoder = m.SpatialEncoder with { Features = m.SpatialEncoder.Features with { OrientationBins = m.SpatialEncoder.Features.OrientationBins + 1 } },
        });
        Assert.That(LoadError(package), Does.Contain("compatibility").And.Contain("features per patch"));
    }

    [Test]
    public void MalformedManifestAndBadVersionAreReported()
    {
        var package = ShippedModel.CopyTo(_root.Path, version: "1.0");
        Assert.That(LoadError(package), Does.Contain("manifest").And.Contain("semantic"));
        File.WriteAllText(Path.Combine(package, PackageFiles.ManifestFileName), "{ not json");
        Assert.That(LoadError(package), Does.Contain("malformed"));
        File.Delete(Path.Combine(package, PackageFiles.ManifestFileName));
        Assert.That(LoadError(package), Does.Contain("no manifest.json"));
    }

    [Test]
    public void NonFiniteWeightsFailStructureNamingTheTensorAndTheCount()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        var original = SafetensorsFile.Read(Weights(package));
        var tensors = original.Tensors.Keys.Select(name =>
        {
            var values = original.GetFloat32(name);
            if (name == "visual.conv2.weight")
                (values[0], values[7], values[9]) = (float.NaN, float.PositiveInfinity, float.NegativeInfinity);
            return new Float32Tensor(name, original.Tensors[name].Shape.Select(d => (int)d).ToArray(), values);
        }).ToList();
        ReplaceWeightsConsistently(package, SafetensorsWriter.ToBytes(tensors));
        var total = original.Tensors["visual.conv2.weight"].ElementCount;
        Assert.That(LoadError(package), Does.EndWith($"structure: tensor 'visual.conv2.weight' holds 3 non-finite values (NaN or infinity) of {total}"));
    }

    [Test]
    public void OversizedArtifactFailsIntegrityWithoutBeingRead()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        using (var stream = new FileStream(Weights(package), FileMode.Open, FileAccess.Write))
            stream.SetLength(512L << 20);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var message = LoadError(package);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(message, Does.Contain("integrity: weights.safetensors is 536870912 bytes, manifest says"));
        Assert.That(allocated, Is.LessThan(4L << 20));
    }

    [Test]
    public void ManifestWithoutASchemaIsRefused()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        var path = Path.Combine(package, PackageFiles.ManifestFileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"schema\": \"spatial-model/1\",", "", StringComparison.Ordinal));
        Assert.That(File.ReadAllText(path), Does.Not.Contain("schema"));
        Assert.That(LoadError(package), Does.Contain("manifest: manifest.json is malformed").And.Contain("missing required properties including: 'schema'"));
    }

    [Test]
    public void ConvolutionLayerBeyondSaneBoundsIsRefusedNamingTheLayerBeforeAnyKernelRuns()
    {
        // Kernel size 2^28 with 16x16 channels: the weight tensor's element count wraps to 0 in 64 bits.
        var package = ShippedModel.CopyTo(_root.Path, edit: m => m with
        {
            VisualEncoder = m.VisualEncoder with
            {
                Layers = [m.VisualEncoder.Layers[0] with { KernelSize = 1 << 28, Padding = 1 << 27 }, .. m.VisualEncoder.Layers.Skip(1)],
            },
        });
        Assert.That(LoadError(package), Does.Contain("structure: visual layer 'visual.conv1' has kernel size 268435456"));
    }

    [Test]
    public void AFlippedByteInsideATensorNamesThatTensorWhenTheManifestRecordsTensorChecksums()
    {
        var package = ShippedModel.CopyTo(_root.Path);
        var path = Weights(package);
        var weights = SafetensorsFile.Read(path);
        var manifest = ManifestJson.Deserialize(File.ReadAllText(Path.Combine(package, PackageFiles.ManifestFileName)));
        ModelPackageWriter.WriteManifest(package, manifest with { Artifacts = [manifest.Artifacts[0] with { TensorSha256 = TensorChecksums.Of(weights) }] });
        Assert.That(ModelPackage.Load(package).Manifest.Artifacts[0].TensorSha256, Has.Count.EqualTo(weights.Tensors.Count));

        var bytes = File.ReadAllBytes(path);
        var dataStart = 8 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        bytes[dataStart + (int)weights.Tensors["spatial.fc1.bias"].Begin + 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        Assert.That(LoadError(package), Does.Contain("integrity: weights.safetensors SHA-256 is").And.EndWith("(file modified or corrupted); tensors that differ: spatial.fc1.bias"));
    }

    [Test]
    public void WrittenPackagesRecordAChecksumPerTensor()
    {
        var source = ModelPackage.Load(ShippedModel.PackageDirectory);
        var tensors = source.Weights.Tensors.Keys.Select(n => new Float32Tensor(n, source.Weights.Tensors[n].Shape.Select(d => (int)d).ToArray(), source.Weights.GetFloat32(n))).ToList();
        var written = ModelPackageWriter.Write(_root.Combine("pizza-doneness", "2.0.0"), source.Manifest with { Version = "2.0.0" }, tensors);
        Assert.That(written.Artifacts[0].TensorSha256!.Keys, Is.EquivalentTo(source.Weights.Tensors.Keys));
        Assert.That(written.Artifacts[0].TensorSha256!["head.fc2.bias"], Is.EqualTo(PackageFiles.Sha256(source.Weights.GetBytes("head.fc2.bias"))));
    }

    [Test]
    public void ArtifactPathOutsideThePackageIsRefused()
    {
        var package = ShippedModel.CopyTo(_root.Path, edit: m => m with { Artifacts = [m.Artifacts[0] with { File = "../weights.safetensors" }] });
        Assert.That(LoadError(package), Does.Contain("not a plain file name"));
    }
}
