using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using Spatial.Build.Generation;
using Spatial.Build.IO;
using Spatial.Build.Logging;
using Spatial.Build.Parameters;
using Spatial.Build.Injection;
using Spectre.Console;
using static Spatial.Build.Logging.ConsoleStyles;

namespace Spatial.Build.Execution;

/// <summary>One run of a build: parses the command line, resolves parameters and targets, plans, executes and reports.</summary>
internal sealed class BuildSession
{
    private readonly NukeBuild _build;
    private readonly BuildRunOptions _options;
    private readonly IReadOnlyList<Func<object, Target>> _defaultTargets;
    private ParameterRegistry? _parameters;
    private ValueInjection? _injection;

    /// <summary>What a shell reports for a run ended by Ctrl+C (128 + SIGINT).</summary>
    public const int CancelledExitCode = 130;

    public BuildSession(NukeBuild build, BuildRunOptions options, IReadOnlyList<Func<object, Target>> defaultTargets)
    {
        _build = build;
        _options = options;
        _defaultTargets = defaultTargets;
        Host = Host.Detect(options.EnvironmentVariables);
        Output = new BuildOutput(options.Output, new SecretMask(), options.Ansi, options.Width, Host == Host.GitHubActions);
    }

    public BuildOutput Output { get; }

    public AbsolutePath RootDirectory { get; private set; } = null!;

    public Host Host { get; }

    public IReadOnlyList<ExecutableTarget> Plan { get; private set; } = [];

    public IReadOnlyList<ExecutableTarget> Invoked { get; private set; } = [];

    public IReadOnlyList<ExecutableTarget> AllTargets { get; private set; } = [];

    public ExecutableTarget? CurrentTarget { get; set; }

    public int Run()
    {
        var previousOutput = Log.Current;
        var previousSession = _build.Session;
        var previousConsole = AnsiConsole.Console;
        Log.Current = Output;
        AnsiConsole.Console = Output.InformationConsole;
        _build.Session = this;
        try
        {
            return RunCore();
        }
        catch (BuildFailedException exception)
        {
            Output.WriteLine(exception.Message, Error);
            Output.WriteLine($"Build failed on {DateTime.Now:yyyy-MM-dd HH:mm:ss}", Error);
            return 1;
        }
        finally
        {
            Output.Flush();
            Log.Current = previousOutput;
            AnsiConsole.Console = previousConsole;
            _build.Session = previousSession;
        }
    }

    public object? TryGetParameter(LambdaExpression expression)
    {
        if (_parameters is null || ParameterMember(expression) is not { } member)
            return null;
        if (_injection is not null && _injection.TryGetValue(member, out var injected))
            return injected;
        return _parameters.TryGetValue(member, out var value) ? value : null;
    }

    public void ReportSummary(Configure<Dictionary<string, string>> configurator)
    {
        var target = CurrentTarget ?? throw new InvalidOperationException("ReportSummary can only be called while a target runs.");
        var figures = configurator(new Dictionary<string, string>(target._summary));
        target._summary.Clear();
        foreach (var (key, value) in figures)
            target._summary[key] = Output.Mask.Apply(value);
    }

    private int RunCore()
    {
        var stopwatch = Stopwatch.StartNew();
        var commandLine = CommandLineArguments.Parse(_options.Arguments);
        if (commandLine.Values("verbosity") is { } verbosity)
            Output.Verbosity = (Verbosity)ValueConverter.Convert(typeof(Verbosity), verbosity, "--verbosity", _options.WorkingDirectory)!;
        RootDirectory = FindRoot(commandLine);
        _build.OnBuildCreated();

        var buildType = _build.GetType();
        var sources = new ParameterSources(commandLine, _options.EnvironmentVariables, RootDirectory, _options.WorkingDirectory, commandLine.Values("profile") ?? []);
        _parameters = new ParameterRegistry(ParameterDescriptor.Discover(buildType), sources);
        _injection = new ValueInjection(buildType, sources, new InjectionContext(RootDirectory, _options.EnvironmentVariables, Host));
        var knownNames = _parameters.Parameters.Select(x => x.Name).Concat(_injection.MemberNames).ToList();
        _parameters.ValidateCommandLine(commandLine, _injection.MemberNames);
        sources.ValidateFileKeys(knownNames);
        _parameters.Inject(_build, Output.Mask);
        _injection.Inject(_build);

        var targets = TargetGraph.Create(_build, TargetDiscovery.Discover(buildType));
        AllTargets = targets;
        var defaults = ResolveDefaults(targets);
        var nukeDirectory = RootDirectory / ".nuke";
        if (nukeDirectory.DirectoryExists())
            BuildSchema.WriteIfChanged(nukeDirectory / "build.schema.json", _parameters.Parameters, targets);

        if (commandLine.Has("help"))
        {
            HelpText.Write(Output, targets, _parameters, _build);
            return 0;
        }

        if (commandLine.Has("generate-configuration"))
            return ConfigurationGeneration.Generate(_build, targets, RootDirectory, commandLine.Values("generate-configuration")!, Output);

        Invoked = ResolveInvoked(commandLine, targets, defaults);
        foreach (var target in Invoked)
            target.Invoked = true;
        Plan = ExecutionPlanner.Plan(targets, Invoked);
        var attempt = new BuildAttempt(TemporaryFile("build-attempt.log"), _options.Arguments);
        SkipRules.Apply(Plan, targets, commandLine, commandLine.Has("continue") ? ResumableTargets(attempt) : new HashSet<string>());

        if (commandLine.Has("plan"))
        {
            PlanReport.Write(Output, Plan, targets, TemporaryFile("execution-plan.html"));
            return 0;
        }

        if (!commandLine.Has("no-logo") && Output.IsEnabled(LogLevel.Information))
            Output.WriteLine($"{buildType.Name}: {string.Join(", ", Plan.Where(x => x.Status == ExecutionStatus.Scheduled).Select(x => x.Name))}", Header);
        try
        {
            RequirementCheck.Verify(Plan, _parameters);
        }
        catch (BuildFailedException exception)
        {
            return FailBeforeRun(exception.Message, "requirements not met", stopwatch);
        }

        try
        {
            _build.OnBuildInitialized();
        }
        catch (Exception exception)
        {
            var text = exception is BuildFailedException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            return FailBeforeRun($"OnBuildInitialized failed: {text}", "OnBuildInitialized failed", stopwatch);
        }

        var outcome = new TargetExecutor(this, _build, _options.Cancellation).Execute(Plan);
        _build.OnBuildFinished();
        attempt.Record(Plan);
        Summary.Write(Output, Plan, stopwatch.Elapsed, outcome);
        return outcome switch
        {
            ExecutionOutcome.Succeeded => 0,
            ExecutionOutcome.Cancelled => CancelledExitCode,
            _ => 1,
        };
    }

    private IReadOnlySet<string> ResumableTargets(BuildAttempt attempt)
    {
        if (attempt.SucceededTargets() is { } succeeded)
            return succeeded;
        Output.WriteLog(LogLevel.Warning, "The invocation changed since the last attempt: --continue runs every target again.");
        return new HashSet<string>();
    }

    // A failure between planning and the first target still ends with the summary, every planned target NotRun.
    private int FailBeforeRun(string message, string reason, Stopwatch stopwatch)
    {
        Output.WriteLine(message, Error);
        foreach (var target in Plan.Where(x => x.Status == ExecutionStatus.Scheduled))
        {
            target.Status = ExecutionStatus.NotRun;
            target.SkipReason = reason;
        }

        Summary.Write(Output, Plan, stopwatch.Elapsed, ExecutionOutcome.Failed);
        return 1;
    }

    private AbsolutePath TemporaryFile(string name) => RootDirectory / ".nuke" / "temp" / name;

    private AbsolutePath FindRoot(CommandLineArguments commandLine)
    {
        if (commandLine.Single("root") is { } root)
        {
            var path = AbsolutePath.Create(Path.IsPathRooted(root) ? root : Path.Combine(_options.WorkingDirectory, root));
            return path.DirectoryExists() ? path : throw new BuildFailedException($"--root {root}: the folder does not exist.");
        }

        if (_options.RootDirectory is { } given)
            return given;
        for (var directory = AbsolutePath.Create(_options.WorkingDirectory); directory is not null; directory = directory.Parent)
        {
            if ((directory / ".nuke").DirectoryExists())
                return directory;
        }

        throw new BuildFailedException($"No .nuke folder found at or above {_options.WorkingDirectory}: create one at the repository root or pass --root.");
    }

    private List<ExecutableTarget> ResolveDefaults(IReadOnlyList<ExecutableTarget> targets)
    {
        var defaults = new List<ExecutableTarget>();
        foreach (var selector in _defaultTargets)
        {
            var factory = selector(_build);
            var target = targets.FirstOrDefault(x => x.FactoryMethod == factory.Method.MethodHandle)
                ?? throw new BuildFailedException("The default target passed to Execute is not a target of this build.");
            target.IsDefault = true;
            defaults.Add(target);
        }

        return defaults;
    }

    private static List<ExecutableTarget> ResolveInvoked(CommandLineArguments commandLine, IReadOnlyList<ExecutableTarget> targets, List<ExecutableTarget> defaults)
    {
        var names = commandLine.Positional.Concat((commandLine.Values("target") ?? []).SelectMany(CommandLineArguments.SplitTargets)).ToList();
        if (names.Count == 0)
        {
            return defaults.Count > 0
                ? defaults
                : throw new BuildFailedException($"No target given and the build has no default target. Available targets: {string.Join(", ", targets.Where(x => x.Listed).Select(x => x.Name))}.");
        }

        return names.Select(name => FindTarget(name, targets)).Distinct().ToList();
    }

    /// <summary>Finds a target by name (case-insensitive, dashes ignored), failing with the closest name and the list.</summary>
    public static ExecutableTarget FindTarget(string name, IReadOnlyList<ExecutableTarget> targets)
    {
        var key = ParameterNames.Normalize(name);
        if (targets.FirstOrDefault(x => ParameterNames.Normalize(x.Name) == key) is { } target)
            return target;
        var closest = EditDistance.Closest(name, targets.Select(x => x.Name), maxResults: 1);
        var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
        throw new BuildFailedException($"Target '{name}' is not defined.{hint} Available targets: {string.Join(", ", targets.Where(x => x.Listed).Select(x => x.Name))}.");
    }

    // Parameter expressions look like () => Member or () => (object)Member.
    private static MemberInfo? ParameterMember(LambdaExpression expression)
    {
        var body = expression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary)
            body = unary.Operand;
        return (body as MemberExpression)?.Member;
    }
}
