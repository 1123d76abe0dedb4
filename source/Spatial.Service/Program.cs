using Spatial.Service.Hosting;

if (HealthCheckCommand.IsRequested(args))
    return await HealthCheckCommand.RunAsync(args, Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.AddSpatialService();

if (StartupVerification.BuildVerified(builder, Console.Error) is not { } app)
    return StartupVerification.FailedExitCode;

app.MapSpatialService();
await app.RunAsync();
return Environment.ExitCode;

/// <summary>The service's entry point (named so the test host can start it).</summary>
public partial class Program;
