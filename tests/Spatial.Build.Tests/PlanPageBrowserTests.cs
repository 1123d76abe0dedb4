using System.Globalization;
using Spatial.Build;
using Spatial.Build.IO;
using Spatial.Build.Tooling;
using Spatial.Tests.Build.Support;

namespace Spatial.Tests.Build;

/// <summary>The plan page opened in headless Chromium with every host name unresolvable: the graph must still be drawn.</summary>
[Category("Browser")]
public sealed class PlanPageBrowserTests
{
    private const string ChromiumInstall = "apt-get install -y --no-install-recommends chromium";

    private BuildHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new BuildHarness();

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private sealed class GraphBuild : NukeBuild
    {
        public Target Restore => _ => _.Description("Restores packages").Executes(() => { });
        public Target Compile => _ => _.DependsOn(Restore).Executes(() => { });
        public Target Lint => _ => _.Before(Compile).Executes(() => { });
        public Target Report => _ => _.TriggeredBy(Compile).Executes(() => { });
        public Target Pack => _ => _.DependsOn(Compile).OnlyWhenStatic(() => false).WhenSkipped(DependencyBehavior.Execute).Executes(() => { });
        public Target Publish => _ => _.DependsOn(Pack).Executes(() => { });
    }

    [Test]
    public void The_graph_is_drawn_offline_with_nodes_and_every_kind_of_edge()
    {
        var chromium = ExternalTool.Require("SPATIAL_REQUIRE_BROWSER", ChromiumInstall, "chromium", "chromium-browser", "google-chrome");
        var result = _harness.Run(new GraphBuild(), "Publish", "Lint", "--plan");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var page = _harness.Root / ".nuke" / "temp" / "execution-plan.html";
        var screenshot = Screenshot(chromium, page);
        TestContext.AddTestAttachment(screenshot, "execution-plan.html in headless Chromium, offline");

        var image = PngImage.Read(screenshot);
        // The legend repeats every colour; the graph is what lies below the legend's first swatch row.
        var legendRow = FirstRowWith(image, "#d4edda");
        Assert.That(legendRow, Is.Not.Null, "the legend was drawn");
        var graphTop = legendRow!.Value + 40;
        const int nodeArea = 100 * 30;
        Assert.That(Count(image, graphTop, "#d4edda", tolerance: 0), Is.GreaterThan(4 * nodeArea), "planned boxes (Restore, Lint, Compile, Report, Publish)");
        Assert.That(Count(image, graphTop, "#e6e6e6", tolerance: 0), Is.GreaterThan(nodeArea / 2), "the skipped box (Pack)");
        Assert.That(Count(image, graphTop, "#28a745", tolerance: 24), Is.GreaterThan(5 * 200), "numbered step badges and planned outlines");
        Assert.That(Count(image, graphTop, "#24292f", tolerance: 40), Is.GreaterThan(60), "dependency edges");
        Assert.That(Count(image, graphTop, "#0969da", tolerance: 40), Is.GreaterThan(30), "the ordering edge Lint -> Compile");
        Assert.That(Count(image, graphTop, "#bc4c00", tolerance: 40), Is.GreaterThan(100), "the trigger edge Compile -> Report");
    }

    private string Screenshot(string chromium, AbsolutePath page)
    {
        var output = _harness.Root / "plan.png";
        var profile = (_harness.Root / "chromium-profile").CreateDirectory();
        // No name resolves, so nothing can be fetched from the network; the page must draw from itself.
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile}",
            "--window-size=1600,900", $"--screenshot={output}", new Uri(page).AbsoluteUri,
        ];
        using var process = ProcessTasks.StartProcess(chromium, ArgumentQuoting.Join(arguments), _harness.Root, timeout: 120_000, logOutput: false, logInvocation: false);
        process.AssertWaitForExit();
        Assert.That(output.FileExists(), Is.True, $"chromium wrote no screenshot (exit {process.ExitCode}): {string.Join('\n', process.Output.Select(x => x.Text).TakeLast(10))}");
        return output;
    }

    private static (int R, int G, int B) Colour(string hex) => (
        int.Parse(hex[1..3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex[3..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex[5..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static bool Near(PngImage image, int x, int y, (int R, int G, int B) colour, int tolerance)
    {
        var (r, g, b) = image[x, y];
        return Math.Abs(r - colour.R) <= tolerance && Math.Abs(g - colour.G) <= tolerance && Math.Abs(b - colour.B) <= tolerance;
    }

    private static int? FirstRowWith(PngImage image, string hex)
    {
        var colour = Colour(hex);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (Near(image, x, y, colour, 0))
                    return y;
            }
        }

        return null;
    }

    private static int Count(PngImage image, int fromRow, string hex, int tolerance)
    {
        var colour = Colour(hex);
        var count = 0;
        for (var y = fromRow; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (Near(image, x, y, colour, tolerance))
                    count++;
            }
        }

        return count;
    }
}
