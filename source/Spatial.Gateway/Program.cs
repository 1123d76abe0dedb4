using Spatial.Gateway.Hosting;

if (HealthCheckCommand.IsRequested(args))
    return await HealthCheckCommand.RunAsync(args, Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.AddSpatialGateway();

var app = builder.Build();
app.MapSpatialGateway();
await app.RunAsync();
return 0;

/// <summary>The gateway's entry point (named so the test host can start it).</summary>
public partial class Program;
