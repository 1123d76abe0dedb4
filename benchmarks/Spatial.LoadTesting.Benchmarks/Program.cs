// Two comparisons, each measured in one run against a baseline of the same run:
//   wrk:      our engine vs wrk (Debian package) against the same trivial loopback endpoint, same connections:
//             both maximum throughputs, the ratio (goal >= 70 %), both p50s.
//   classify: classifications per second over HTTP (our engine as the client) vs in-process (goal >= 80 %).
//   dotnet run -c Release --project benchmarks/Spatial.LoadTesting.Benchmarks -- wrk|classify|all [--connections 16] [--seconds 10]
// (`serve` is the wrk comparison's server process.)
using System.Globalization;
using Spatial.LoadTesting.Benchmarks;

var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
if (mode == "serve")
{
    await WrkComparison.ServeAsync();
    return 0;
}
var connections = IntArg("--connections", 16);
var duration = TimeSpan.FromSeconds(IntArg("--seconds", 10));
ThreadPool.SetMinThreads(connections * 2, connections * 2);
Console.WriteLine($"{Environment.ProcessorCount} cores; load average {LoadAverage()}; {connections} connections; {duration.TotalSeconds:0} s per phase");

if (mode is "wrk" or "all")
    await WrkComparison.RunAsync(connections, duration);
if (mode is "classify" or "all")
    await ClassifyComparison.RunAsync(connections, duration, StringArg("--model"));
Console.WriteLine($"load average after: {LoadAverage()}");
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

int IntArg(string name, int fallback) => StringArg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? StringArg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
