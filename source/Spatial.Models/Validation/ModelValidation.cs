using Spatial.Kernels;
using Spatial.Models.Registry;

namespace Spatial.Models;

/// <summary>
/// Validates a registered model version for an environment: registration, integrity, structure, dual-encoder
/// compatibility, the class contract, semantic-version rules against what the environment runs, the
/// environment's prerequisite, and accuracy on the generated validation set against the environment's minimum.
/// </summary>
public static class ModelValidation
{
    /// <summary>Check names beyond the package checks.</summary>
    public const string RegistryCheck = "registry", ContractCheck = "contract", SemverCheck = "semver", PrerequisiteCheck = "prerequisite", AccuracyCheck = "accuracy";

    /// <summary>
    /// Runs every check and returns the report; never throws for a bad model (each problem is a failed line).
    /// <paramref name="backend"/> runs the accuracy check; null creates one for <see cref="ModelValidationOptions.Accelerator"/>.
    /// </summary>
    public static ValidationReport Validate(ModelValidationOptions options, IKernelBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var policy = EnvironmentPolicies.For(options.Environment);
        var registry = new ModelRegistry(options.ModelsRoot);
        RegistryDocument document;
        string name;
        RegisteredVersion registered;
        try
        {
            document = registry.Read();
            name = options.Model ?? ModelRegistry.DefaultModelName(document);
            registered = ModelRegistry.Version(document, name, options.Version);
        }
        catch (RegistryException e)
        {
            var failed = ValidationCheck.Fail(RegistryCheck, e.Message);
            return new ValidationReport(options.Model ?? ValidationReport.UnknownModel, options.Version ?? ValidationReport.UnknownModel, policy.Environment, null, options.ApproveMajor, [failed], null);
        }
        var model = document.Models[name];
        var current = ModelRegistry.CurrentVersion(model, policy.Environment);
        var checks = new List<ValidationCheck>();
        var directory = registry.PackageDirectory(registered);
        var manifestPath = Path.Combine(directory, PackageFiles.ManifestFileName);
        var manifestHash = File.Exists(manifestPath) ? PackageFiles.Sha256OfFile(manifestPath) : null;
        checks.Add(manifestHash == registered.ManifestSha256
            ? ValidationCheck.Pass(RegistryCheck, $"registered at {registered.Path}, manifest SHA-256 matches the registration")
            : ValidationCheck.Fail(RegistryCheck, manifestHash is null
                ? $"{registered.Path}/{PackageFiles.ManifestFileName} is missing"
                : $"{registered.Path}/{PackageFiles.ManifestFileName} SHA-256 is {manifestHash[..12]}…, registered {Short(registered.ManifestSha256)}… (changed after registration)"));

        var inspection = PackageInspector.Inspect(directory);
        checks.AddRange(inspection.Checks);
        var manifest = inspection.Manifest;
        if (manifest is not null)
        {
            checks.Add(manifest.Name == name && manifest.Version == registered.Version && manifest.Classes.SequenceEqual(model.Classes)
                ? ValidationCheck.Pass(ContractCheck, $"classes match the {name} contract [{string.Join(", ", model.Classes)}]")
                : ValidationCheck.Fail(ContractCheck, $"package is {manifest.DisplayName} with classes [{string.Join(", ", manifest.Classes)}]; registry expects {name} {registered.Version} with [{string.Join(", ", model.Classes)}]"));
        }
        checks.Add(CheckSemver(registered.Version, current, policy, options.ApproveMajor));
        checks.Add(CheckPrerequisite(model, registered.Version, policy));

        double? accuracy = null;
        if (inspection.Passed)
        {
            var (check, measured) = CheckAccuracy(directory, policy, options, backend);
            checks.Add(check);
            accuracy = measured;
        }
        else
        {
            checks.Add(ValidationCheck.Fail(AccuracyCheck, "not run: the package did not load"));
        }
        return new ValidationReport(name, registered.Version, policy.Environment, current, options.ApproveMajor, checks, accuracy);
    }

    /// <summary>Semantic-version rule: no downgrade (that is a rollback), and a major bump needs approval where the policy says so.</summary>
    public static ValidationCheck CheckSemver(string candidate, string? current, EnvironmentPolicy policy, bool approveMajor)
    {
        var next = SemanticVersion.Parse(candidate);
        if (current is null)
            return ValidationCheck.Pass(SemverCheck, $"{policy.Environment} serves nothing yet; {candidate} is its first version");
        var now = SemanticVersion.Parse(current);
        if (next < now)
            return ValidationCheck.Fail(SemverCheck, $"{candidate} is older than {current} which {policy.Environment} runs; going back is a rollback (rollback-plan), not a promotion");
        if (next.Major > now.Major && policy.MajorBumpNeedsApproval && !approveMajor)
            return ValidationCheck.Fail(SemverCheck, $"{current} → {candidate} is a major bump; {policy.Environment} needs explicit approval (--approve-major)");
        var kind = next.Major > now.Major ? "major bump (approved)" : next == now ? "same version (redeploy)" : next.Minor > now.Minor ? "minor bump" : "patch bump";
        return ValidationCheck.Pass(SemverCheck, $"{current} → {candidate}: {kind}");
    }

    private static ValidationCheck CheckPrerequisite(RegisteredModel model, string version, EnvironmentPolicy policy)
    {
        if (policy.Prerequisite is null)
            return ValidationCheck.Pass(PrerequisiteCheck, $"{policy.Environment} has no prerequisite environment");
        var served = model.Environments.GetValueOrDefault(policy.Prerequisite)?.History.Any(h => h.Version == version && h.Kind == PromotionRecord.Promotion) == true;
        return served
            ? ValidationCheck.Pass(PrerequisiteCheck, $"{version} was promoted to {policy.Prerequisite} first")
            : ValidationCheck.Fail(PrerequisiteCheck, $"{version} must be promoted to {policy.Prerequisite} before {policy.Environment}");
    }

    /// <summary>The accuracy gate: <paramref name="result"/> against <paramref name="policy"/>'s minimum, with the per-class figures.</summary>
    public static ValidationCheck CheckAccuracy(EvaluationResult result, EnvironmentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(policy);
        var perClass = string.Join(", ", result.PerClassAccuracy.Select(p => $"{p.Key} {p.Value:P0}"));
        var message = $"{result.Accuracy:P2} on {result.Samples} generated images (seed {ModelEvaluator.ValidationSeed}), minimum {policy.MinimumAccuracy:P0} for {policy.Environment}; {perClass}";
        return result.Accuracy >= policy.MinimumAccuracy ? ValidationCheck.Pass(AccuracyCheck, message) : ValidationCheck.Fail(AccuracyCheck, message);
    }

    private static (ValidationCheck, double?) CheckAccuracy(string directory, EnvironmentPolicy policy, ModelValidationOptions options, IKernelBackend? backend)
    {
        IKernelBackend? owned = null;
        try
        {
            owned = backend is null ? KernelBackends.Create(options.Accelerator) : null;
            var package = ModelPackage.Load(directory);
            using var classifier = new DualEncoderClassifier(package, backend ?? owned!);
            var result = ModelEvaluator.Evaluate(classifier, ModelEvaluator.ValidationSeed, options.ValidationSamples);
            return (CheckAccuracy(result, policy), result.Accuracy);
        }
        catch (Exception e) when (e is ModelPackageException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return (ValidationCheck.Fail(AccuracyCheck, $"could not run: {e.Message}"), null);
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
