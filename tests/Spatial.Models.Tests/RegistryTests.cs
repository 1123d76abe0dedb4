using System.IO.Compression;
using Spatial.Kernels;
using Spatial.Models.Registry;

namespace Spatial.Models.Tests;

public class RegistryTests
{
    private TempDirectory _root = null!;
    private ModelRegistry _registry = null!;
    private static IKernelBackend _backend = null!;

    [OneTimeSetUp]
    public void CreateBackend() => _backend = KernelBackends.Create(AcceleratorChoice.Cpu);

    [OneTimeTearDown]
    public void DisposeBackend() => _backend.Dispose();

    [SetUp]
    public void SetUp()
    {
        _root = new TempDirectory();
        _registry = new ModelRegistry(_root.Path, lockTimeout: TimeSpan.FromSeconds(60));
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    private RegisteredVersion RegisterCopy(string version) => _registry.Register(ShippedModel.CopyTo(_root.Path, version));

    private ValidationReport Validate(string environment, string? version = null, bool approveMajor = false) =>
        ModelValidation.Validate(new ModelValidationOptions
        {
            ModelsRoot = _root.Path, Environment = environment, Version = version, ApproveMajor = approveMajor, ValidationSamples = 100,
        }, _backend);

    private static ValidationCheck Check(ValidationReport report, string name) => report.Checks.Single(c => c.Name == name);

    [Test]
    public void RegisterRecordsChecksumsAndRefusesDuplicates()
    {
        var entry = RegisterCopy("1.0.0");
        Assert.That(entry.Path, Is.EqualTo("pizza-doneness/1.0.0"));
        Assert.That(entry.ManifestSha256, Is.EqualTo(PackageFiles.Sha256OfFile(Path.Combine(_root.Path, "pizza-doneness", "1.0.0", "manifest.json"))));
        var error = Assert.Throws<RegistryException>(() => _registry.Register(Path.Combine(_root.Path, "pizza-doneness", "1.0.0")));
        Assert.That(error!.Message, Does.Contain("already registered"));
        Assert.That(_registry.Read().Models["pizza-doneness"].Versions, Has.Count.EqualTo(1));
    }

    [Test]
    public void RegisterRefusesATamperedPackageAndAClassContractChange()
    {
        RegisterCopy("1.0.0");
        var renamed = ShippedModel.CopyTo(_root.Path, "1.1.0", m => m with { Classes = [.. m.Classes.Reverse()] });
        Assert.That(Assert.Throws<RegistryException>(() => _registry.Register(renamed))!.Message, Does.Contain("contract"));
        var tampered = ShippedModel.CopyTo(_root.Path, "1.2.0");
        File.AppendAllText(Path.Combine(tampered, PackageFiles.WeightsFileName), "x");
        Assert.Throws<ModelPackageException>(() => _registry.Register(tampered));
        Assert.That(_registry.Read().Models["pizza-doneness"].Versions.Select(v => v.Version), Is.EqualTo(new[] { "1.0.0" }));
    }

    [Test]
    public void CorruptRegistryGivesAClearErrorAndIsNeverOverwritten()
    {
        RegisterCopy("1.0.0");
        var bytes = File.ReadAllBytes(_registry.FilePath)[..^40];
        File.WriteAllBytes(_registry.FilePath, bytes);
        var error = Assert.Throws<RegistryException>(() => _registry.Read());
        Assert.That(error!.Message, Does.Contain("corrupt").And.Contain("left untouched"));
        Assert.Throws<RegistryException>(() => RegisterCopy("1.1.0"));
        Assert.That(Validate("development").Passed, Is.False);
        Assert.That(File.ReadAllBytes(_registry.FilePath), Is.EqualTo(bytes));
    }

    [TestCase("{}", TestName = "empty object")]
    [TestCase("""{"models":{}}""", TestName = "no schema")]
    [TestCase("""{"schema":"spatial-registry/1"}""", TestName = "no models")]
    public void RegistryMissingRequiredMembersIsCorruptAndLeftUntouched(string content)
    {
        File.WriteAllText(_registry.FilePath, content);
        Assert.That(Assert.Throws<RegistryException>(() => _registry.Read())!.Message, Does.Contain("is corrupt").And.Contain("missing required properties"));
        Assert.Throws<RegistryException>(() => RegisterCopy("1.0.0"));
        Assert.That(File.ReadAllText(_registry.FilePath), Is.EqualTo(content));
    }

    [Test]
    public void RegistryWithAnEscapingPathIsCorrupt()
    {
        RegisterCopy("1.0.0");
        File.WriteAllText(_registry.FilePath, File.ReadAllText(_registry.FilePath).Replace("\"pizza-doneness/1.0.0\"", "\"../../etc\"", StringComparison.Ordinal));
        Assert.That(Assert.Throws<RegistryException>(() => _registry.Read())!.Message, Does.Contain("outside the models root"));
    }

    [Test]
    public void ConcurrentWritersLoseNothing()
    {
        RegisterCopy("1.0.0");
        var result = new EvaluationResult(0.97, new Dictionary<string, double>(), new int[5, 5], 10);
        // Separate registry instances, as separate processes would have; the OS lock serialises them.
        Parallel.For(0, 24, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
            new ModelRegistry(_root.Path, lockTimeout: TimeSpan.FromSeconds(60)).RecordTest("pizza-doneness", "1.0.0", result, "Cpu"));
        Assert.That(_registry.Read().Models["pizza-doneness"].Versions[0].Tests, Has.Count.EqualTo(24));
        Assert.That(Directory.GetFiles(_root.Path, "registry.json.tmp-*"), Is.Empty);
    }

    [Test]
    public void StagingNeedsDevelopmentFirstThenPasses()
    {
        RegisterCopy("1.0.0");
        var staging = Validate("staging");
        Assert.That(staging.Passed, Is.False);
        Assert.That(Check(staging, ModelValidation.PrerequisiteCheck).Message, Does.Contain("must be promoted to development"));
        Assert.That(Check(staging, ModelValidation.AccuracyCheck).Passed, Is.True);

        var development = Validate("development");
        Assert.That(development.Passed, Is.True, string.Join("\n", development.Lines()));
        _registry.Promote(development);
        var again = Validate("staging");
        Assert.That(again.Passed, Is.True, string.Join("\n", again.Lines()));
        Assert.That(again.Accuracy, Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public void FailedReportCannotBePromoted()
    {
        RegisterCopy("1.0.0");
        var staging = Validate("staging");
        Assert.That(Assert.Throws<RegistryException>(() => _registry.Promote(staging))!.Message, Does.Contain("may not be promoted"));
        Assert.That(_registry.Read().Models["pizza-doneness"].Environments, Is.Empty);
    }

    [Test]
    public void TamperedRegisteredPackageFailsValidationWithPreciseLines()
    {
        RegisterCopy("1.0.0");
        var weights = Path.Combine(_root.Path, "pizza-doneness", "1.0.0", PackageFiles.WeightsFileName);
        var bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(weights, bytes);
        var report = Validate("development");
        Assert.That(report.Passed, Is.False);
        Assert.That(Check(report, ValidationCheck.Integrity).Message, Does.Contain("SHA-256"));
        Assert.That(Check(report, ModelValidation.AccuracyCheck).Message, Does.Contain("not run"));
    }

    [Test]
    public void SemverRulesRefuseDowngradesAndUnapprovedMajorBumps()
    {
        var policy = EnvironmentPolicies.For("production");
        Assert.That(ModelValidation.CheckSemver("1.0.0", null, policy, false).Passed, Is.True);
        Assert.That(ModelValidation.CheckSemver("1.2.0", "1.1.5", policy, false).Passed, Is.True);
        Assert.That(ModelValidation.CheckSemver("1.1.0", "1.2.0", policy, false).Message, Does.Contain("rollback"));
        Assert.That(ModelValidation.CheckSemver("2.0.0", "1.2.0", policy, false).Passed, Is.False);
        Assert.That(ModelValidation.CheckSemver("2.0.0", "1.2.0", policy, true).Passed, Is.True);
        Assert.That(ModelValidation.CheckSemver("2.0.0", "1.2.0", EnvironmentPolicies.For("development"), false).Passed, Is.True);
        Assert.Throws<ArgumentException>(() => EnvironmentPolicies.For("qa"));
    }

    [Test]
    public void MajorBumpInAnEnvironmentNeedsApproval()
    {
        RegisterCopy("1.0.0");
        RegisterCopy("2.0.0");
        _registry.Promote(Validate("development", "1.0.0"));
        _registry.Promote(Validate("staging", "1.0.0"));
        _registry.Promote(Validate("development", "2.0.0"));
        var refused = Validate("staging", "2.0.0");
        Assert.That(Check(refused, ModelValidation.SemverCheck).Message, Does.Contain("--approve-major"));
        var approved = Validate("staging", "2.0.0", approveMajor: true);
        Assert.That(approved.Passed, Is.True, string.Join("\n", approved.Lines()));
        Assert.That(_registry.Promote(approved).MajorApproved, Is.True);
    }

    [Test]
    public void RollbackPlanComesFromHistoryAndSkipsBrokenVersions()
    {
        RegisterCopy("1.0.0");
        RegisterCopy("1.1.0");
        RegisterCopy("1.2.0");
        foreach (var version in new[] { "1.0.0", "1.1.0", "1.2.0" })
            _registry.Promote(Validate("development", version));
        Assert.That(_registry.PlanRollback("pizza-doneness", "development").TargetVersion, Is.EqualTo("1.1.0"));

        File.Delete(Path.Combine(_root.Path, "pizza-doneness", "1.1.0", PackageFiles.WeightsFileName));
        var plan = _registry.PlanRollback("pizza-doneness", "development");
        Assert.That((plan.CurrentVersion, plan.TargetVersion), Is.EqualTo(("1.2.0", "1.0.0")));
        Assert.That(plan.Steps[0], Does.Contain("skip 1.1.0"));

        _registry.RecordRollback(plan);
        var history = _registry.Read().Models["pizza-doneness"].Environments["development"].History;
        Assert.That((history[^1].Version, history[^1].Kind), Is.EqualTo(("1.0.0", PromotionRecord.Rollback)));
        Assert.Throws<RegistryException>(() => _registry.RecordRollback(plan));
        Assert.That(Assert.Throws<RegistryException>(() => _registry.PlanRollback("pizza-doneness", "staging"))!.Message, Does.Contain("never been promoted"));
    }

    [Test]
    public void ExportImportRoundTripVerifiesEverything()
    {
        RegisterCopy("1.0.0");
        var archive = ModelArchive.Export(_registry, "pizza-doneness", null, _root.Combine("out", "model.zip"));
        using var other = new TempDirectory();
        var target = new ModelRegistry(other.Path);
        var imported = ModelArchive.Import(target, archive);
        Assert.That(imported.Version, Is.EqualTo("1.0.0"));
        var original = ModelPackage.Load(Path.Combine(_root.Path, "pizza-doneness", "1.0.0"));
        var copy = ModelPackage.Load(target.PackageDirectory(imported));
        Assert.That(copy.Manifest.Artifacts, Is.EqualTo(original.Manifest.Artifacts));
        Assert.That(Assert.Throws<RegistryException>(() => ModelArchive.Import(target, archive))!.Message, Does.Contain("already exists"));
    }

    [Test]
    public void TamperedArchiveIsRefusedAndLeavesNothingBehind()
    {
        RegisterCopy("1.0.0");
        var archive = ModelArchive.Export(_registry, "pizza-doneness", "1.0.0", _root.Combine("model.zip"));
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("package/" + PackageFiles.WeightsFileName)!;
            byte[] bytes;
            using (var stream = entry.Open())
            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            bytes[^5] ^= 0x10;
            entry.Delete();
            using var replacement = zip.CreateEntry("package/" + PackageFiles.WeightsFileName).Open();
            replacement.Write(bytes);
        }
        using var other = new TempDirectory();
        var target = new ModelRegistry(other.Path);
        var error = Assert.Throws<RegistryException>(() => ModelArchive.Import(target, archive));
        Assert.That(error!.Message, Does.Contain("SHA-256").And.Contain("tampered"));
        Assert.That(Directory.GetFileSystemEntries(other.Path), Is.Empty);
    }

    [Test]
    public void UnknownModelOrVersionIsAFailedRegistryLine()
    {
        var report = Validate("development");
        Assert.That(report.Passed, Is.False);
        Assert.That(report.Checks.Single().Message, Does.Contain("no models"));
        RegisterCopy("1.0.0");
        Assert.That(Validate("development", "9.9.9").Checks.Single().Message, Does.Contain("not registered"));
    }
}
