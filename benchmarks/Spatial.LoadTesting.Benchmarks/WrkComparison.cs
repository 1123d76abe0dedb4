using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Spatial.LoadTesting.Engine;
using Spatial.LoadTesting.Scenarios;

namespace Spatial.LoadTesting.Benchmarks;

/// <summary>
/// Our closed model against wrk on one trivial endpoint (<c>GET /ok</c>, Kestrel on 127.0.0.1) served by a separate
/// process, so both clients share the machine with the server the same way; wrk runs first and last so order cannot
/// flatter either.
/// </summary>
internal static partial class WrkComparison
{
    /// <summary>The server process: serves <c>GET /ok</c>, prints its address, stops when its input closes.</summary>
    public static async Task ServeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/ok", () => "ok");
        await app.StartAsync();
        Console.WriteLine(app.Urls.First());
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    public static async Task RunAsync(int connections, TimeSpan duration)
    {
        var self = new ProcessStartInfo(Environment.ProcessPath!, ["serve"]) { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var server = Process.Start(self) ?? throw new InvalidOperationException("the server process did not start");
        var address = new Uri((await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the server printed no address")) + "/ok");
        try
        {
            await CompareAsync(address, connections, duration);
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(10_000))
                server.Kill();
        }
    }

    private static async Task CompareAsync(Uri address, int connections, TimeSpan duration)
    {

        var scenario = ClassifyScenarios.Get(address);
        await LoadEngine.RunAsync(scenario, new ClosedModel(connections, TimeSpan.FromSeconds(2)), new LoadRunOptions());
        var wrkFirst = await WrkAsync(address, connections, duration);
        var ours = await LoadEngine.RunAsync(scenario, new ClosedModel(connections, duration), new LoadRunOptions(MaxRequests: long.MaxValue));
        var wrkLast = await WrkAsync(address, connections, duration);
        if (wrkFirst is null || wrkLast is null)
        {
            Console.WriteLine("wrk is not installed (apt-get install -y wrk): only our figure is measured");
            Console.WriteLine(Line("ours", ours.Throughput, ours.Latency.P50));
            return;
        }
        var wrk = wrkFirst.Value.PerSecond >= wrkLast.Value.PerSecond ? wrkFirst.Value : wrkLast.Value;
        Console.WriteLine(Line("wrk (first)", wrkFirst.Value.PerSecond, wrkFirst.Value.P50Ms));
        Console.WriteLine(Line("ours (closed model)", ours.Throughput, ours.Latency.P50) + $"   {ours.Failed} errors, generator CPU {ours.GeneratorCpuCores:0.00} cores");
        Console.WriteLine(Line("wrk (last)", wrkLast.Value.PerSecond, wrkLast.Value.P50Ms));
        Console.WriteLine($"ours / wrk throughput: {ours.Throughput / wrk.PerSecond:P1} (goal >= 70%; baseline: the better wrk run)");
    }

    private static string Line(string name, double perSecond, double p50) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-22} {perSecond,10:F0} req/s   p50 {p50,7:F3} ms");

    private static async Task<(double PerSecond, double P50Ms)?> WrkAsync(Uri address, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk", ["-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{duration.TotalSeconds:0}s", "--latency", address.ToString()]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        if (process is null)
            return null;
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var rate = RequestsPerSecond().Match(output);
            var p50 = Median().Match(output);
            if (!rate.Success || !p50.Success)
                throw new InvalidOperationException($"wrk's output was not understood:\n{output}");
            return (double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), Milliseconds(p50.Groups[1].Value, p50.Groups[2].Value));
        }
    }

    private static double Milliseconds(string value, string unit) =>
        double.Parse(value, CultureInfo.InvariantCulture) * unit switch { "us" => 0.001, "ms" => 1, "s" => 1000, _ => throw new FormatException($"unit {unit}") };

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Median();
}
