using Spatial.Models;

namespace Spatial.Models.Registry;

/// <summary>
/// The model registry rooted at a models directory (registry.json plus one package directory per version).
/// Every change runs under an exclusive lock: read, change, write atomically.
/// </summary>
public sealed class ModelRegistry
{
    /// <summary>The registry file's name inside the models root.</summary>
    public const string FileName = "registry.json";

    private readonly TimeProvider _clock;

    /// <summary>Opens the registry under <paramref name="modelsRoot"/> (the file is created by the first registration).</summary>
    public ModelRegistry(string modelsRoot, TimeProvider? clock = null, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelsRoot);
        Root = Path.GetFullPath(modelsRoot);
        FilePath = Path.Combine(Root, FileName);
        _clock = clock ?? TimeProvider.System;
        LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The models root.</summary>
    public string Root { get; }

    /// <summary>Full path of registry.json.</summary>
    public string FilePath { get; }

    /// <summary>How long a writer waits for another writer.</summary>
    public TimeSpan LockTimeout { get; }

    /// <summary>The current registry (empty when the file does not exist yet).</summary>
    public RegistryDocument Read() => RegistryFile.Read(FilePath);

    /// <summary>Runs <paramref name="change"/> on the current document under the lock and writes the result atomically.</summary>
    public T Update<T>(Func<RegistryDocument, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Directory.CreateDirectory(Root);
        using var gate = RegistryLock.Acquire(FilePath, LockTimeout);
        StaleRegistryFiles.CleanUnderLock(Root, FilePath);
        var document = RegistryFile.Read(FilePath);
        var result = change(document);
        RegistryFile.Write(FilePath, document);
        return result;
    }

    /// <summary>The registered model <paramref name="name"/>; throws when unknown.</summary>
    public static RegisteredModel Model(RegistryDocument document, string name) =>
        document.Models.TryGetValue(name, out var model)
            ? model
            : throw new RegistryException($"model '{name}' is not registered (registered: {(document.Models.Count == 0 ? "none" : string.Join(", ", document.Models.Keys))})");

    /// <summary>The registered version, or the latest by semantic version when <paramref name="version"/> is null.</summary>
    public static RegisteredVersion Version(RegistryDocument document, string name, string? version)
    {
        var model = Model(document, name);
        if (version is null)
        {
            return model.Versions.MaxBy(v => SemanticVersion.Parse(v.Version))
                ?? throw new RegistryException($"model '{name}' has no registered versions");
        }
        return model.Versions.FirstOrDefault(v => v.Version == version)
            ?? throw new RegistryException($"{name} {version} is not registered (registered: {string.Join(", ", model.Versions.Select(v => v.Version))})");
    }

    /// <summary>The model name to use when the caller gives none: the only registered model.</summary>
    public static string DefaultModelName(RegistryDocument document) => document.Models.Count switch
    {
        1 => document.Models.Keys.First(),
        0 => throw new RegistryException("the registry holds no models"),
        _ => throw new RegistryException($"the registry holds several models ({string.Join(", ", document.Models.Keys)}); name one"),
    };

    /// <summary>Full path of a registered version's package directory.</summary>
    public string PackageDirectory(RegisteredVersion version) => Path.GetFullPath(Path.Combine(Root, version.Path));

    /// <summary>
    /// Registers the package in <paramref name="packageDirectory"/> (which must lie under the models root): verifies it,
    /// checks its classes against the model's contract and that the version is new, and records its checksums.
    /// </summary>
    public RegisteredVersion Register(string packageDirectory, IReadOnlyDictionary<string, string>? tags = null)
    {
        var package = ModelPackage.Load(packageDirectory);
        var relative = Path.GetRelativePath(Root, package.Directory).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            throw new RegistryException($"{package.Directory} is outside the models root {Root}; copy it under the root (or import an archive) first");
        var manifest = package.Manifest;
        var entry = new RegisteredVersion
        {
            Version = manifest.Version,
            Path = relative,
            ManifestSha256 = PackageFiles.Sha256OfFile(Path.Combine(package.Directory, PackageFiles.ManifestFileName)),
            RegisteredAt = _clock.GetUtcNow(),
            SourceCommit = manifest.SourceCommit,
            HeldOutAccuracy = manifest.Metrics.HeldOutAccuracy,
            Tags = new SortedDictionary<string, string>(tags?.ToDictionary() ?? [], StringComparer.Ordinal),
        };
        return Update(document =>
        {
            if (!document.Models.TryGetValue(manifest.Name, out var model))
            {
                model = new RegisteredModel { Classes = manifest.Classes };
                document.Models[manifest.Name] = model;
            }
            if (!model.Classes.SequenceEqual(manifest.Classes))
                throw new RegistryException($"{manifest.DisplayName} has classes [{string.Join(", ", manifest.Classes)}] but the {manifest.Name} contract is [{string.Join(", ", model.Classes)}]; a new contract needs a new model name");
            if (model.Versions.Any(v => v.Version == manifest.Version))
                throw new RegistryException($"{manifest.DisplayName} is already registered; versions are immutable, register a new version");
            model.Versions.Add(entry);
            return entry;
        });
    }

    /// <summary>Records an accuracy test of a registered version.</summary>
    public AccuracyTest RecordTest(string name, string version, EvaluationResult result, string accelerator)
    {
        var test = new AccuracyTest(_clock.GetUtcNow(), result.Accuracy, result.Samples, ModelEvaluator.ValidationSeed, accelerator);
        Update(document =>
        {
            Version(document, name, version).Tests.Add(test);
            return test;
        });
        return test;
    }

    /// <summary>
    /// Records that <paramref name="report"/>'s version now serves in its environment. The report must have passed;
    /// the promotion is refused if the environment changed since the validation ran.
    /// </summary>
    public PromotionRecord Promote(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Passed)
            throw new RegistryException($"{report.Model} {report.Version} may not be promoted to {report.Environment}: {report.Checks.First(c => !c.Passed)}");
        return Update(document =>
        {
            var model = Model(document, report.Model);
            Version(document, report.Model, report.Version);
            var history = model.Environments.GetValueOrDefault(report.Environment)?.History ?? [];
            var current = history.LastOrDefault()?.Version;
            if (current != report.CurrentVersion)
                throw new RegistryException($"{report.Environment} changed from {report.CurrentVersion ?? "nothing"} to {current} while {report.Version} was being validated; validate again");
            var record = new PromotionRecord
            {
                Version = report.Version, At = _clock.GetUtcNow(), Kind = PromotionRecord.Promotion,
                Accuracy = report.Accuracy, MajorApproved = report.MajorApproved,
            };
            if (!model.Environments.TryGetValue(report.Environment, out var environment))
                model.Environments[report.Environment] = environment = new EnvironmentHistory();
            environment.History.Add(record);
            return record;
        });
    }

    /// <summary>
    /// Plans a rollback of <paramref name="environment"/>: the most recent earlier version it served that is
    /// not the current one and whose package still verifies.
    /// </summary>
    public RollbackPlan PlanRollback(string name, string environment)
    {
        EnvironmentPolicies.For(environment);
        var document = Read();
        var model = Model(document, name);
        var history = model.Environments.GetValueOrDefault(environment)?.History ?? [];
        if (history.Count == 0)
            throw new RegistryException($"{name} has never been promoted to {environment}; there is nothing to roll back");
        var current = history[^1].Version;
        var skipped = new List<string>();
        for (var i = history.Count - 2; i >= 0; i--)
        {
            var candidate = history[i];
            if (candidate.Version == current || skipped.Contains(candidate.Version))
                continue;
            var registered = model.Versions.FirstOrDefault(v => v.Version == candidate.Version);
            var problem = registered is null ? "no longer registered" : VerifyProblem(registered);
            if (problem is not null)
            {
                skipped.Add(candidate.Version);
                continue;
            }
            var steps = new List<string>
            {
                $"verify {name} {candidate.Version}: package intact (integrity, structure, compatibility)",
                $"redeploy {name} {candidate.Version} to {environment} (served there from {candidate.At:u}{(i + 1 < history.Count ? $" until {history[i + 1].At:u}" : "")})",
                $"record the rollback: spatial-models rollback-plan --model {name} --environment {environment} --record",
            };
            if (skipped.Count > 0)
                steps.Insert(0, $"skip {string.Join(", ", skipped)} (package missing or no longer verifies)");
            return new RollbackPlan(name, environment, current, candidate.Version, candidate.At, steps);
        }
        throw new RegistryException($"{environment} has no earlier known-good version of {name} than {current}{(skipped.Count > 0 ? $" (unusable: {string.Join(", ", skipped)})" : "")}");
    }

    /// <summary>Records that <paramref name="plan"/> was carried out; refused if the environment moved on since it was planned.</summary>
    public PromotionRecord RecordRollback(RollbackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Update(document =>
        {
            var history = Model(document, plan.Model).Environments.GetValueOrDefault(plan.Environment)?.History;
            if (history is null || history.Count == 0 || history[^1].Version != plan.CurrentVersion)
                throw new RegistryException($"{plan.Environment} no longer runs {plan.CurrentVersion}; plan the rollback again");
            var record = new PromotionRecord { Version = plan.TargetVersion, At = _clock.GetUtcNow(), Kind = PromotionRecord.Rollback };
            history.Add(record);
            return record;
        });
    }

    /// <summary>What <paramref name="environment"/> runs now, or null.</summary>
    public static string? CurrentVersion(RegisteredModel model, string environment) =>
        model.Environments.GetValueOrDefault(environment)?.History.LastOrDefault()?.Version;

    /// <summary>Null when the registered package verifies and its manifest is the one registered, else why not.</summary>
    public string? VerifyProblem(RegisteredVersion version)
    {
        var directory = PackageDirectory(version);
        var manifestPath = Path.Combine(directory, PackageFiles.ManifestFileName);
        if (!File.Exists(manifestPath))
            return $"{version.Path}/{PackageFiles.ManifestFileName} is missing";
        var hash = PackageFiles.Sha256OfFile(manifestPath);
        if (hash != version.ManifestSha256)
            return $"{version.Path}/{PackageFiles.ManifestFileName} SHA-256 is {hash[..12]}…, registered {version.ManifestSha256[..Math.Min(12, version.ManifestSha256.Length)]}… (manifest changed after registration)";
        var failed = PackageInspector.Inspect(directory).Checks.FirstOrDefault(c => !c.Passed);
        return failed is null ? null : $"{failed.Name}: {failed.Message}";
    }
}
