using Spatial.Deployment.Checks;
using Spatial.Deployment.Hosting;
using Spatial.Deployment.Releases;

namespace Spatial.Deployment.Tests.Releases;

public class ReleaseTests
{
    private static readonly Release Sample = new(
        "image:sha256:" + new string('1', 64), "pizza-doneness", "1.0.0", new string('2', 64), new string('3', 40),
        new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void The_id_is_a_content_hash_of_the_identity_not_of_the_creation_time()
    {
        var later = Sample with { CreatedAt = Sample.CreatedAt.AddDays(3) };
        var otherModel = Sample with { ModelVersion = "1.0.1" };

        Assert.That(later.Id, Is.EqualTo(Sample.Id));
        Assert.That(otherModel.Id, Is.Not.EqualTo(Sample.Id));
        Assert.That(Sample.Id, Has.Length.EqualTo(12).And.Match("^[0-9a-f]{12}$"));
    }

    [Test]
    public void A_creation_time_is_kept_to_the_second_so_a_read_back_release_is_equal()
    {
        var precise = Sample with { CreatedAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, 987, TimeSpan.FromHours(2)) };

        Assert.That(precise.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(ReleaseLabels.Read(ReleaseLabels.Of(precise)), Is.EqualTo(precise));
    }

    [Test]
    public void Labels_round_trip_and_edited_labels_are_refused()
    {
        var labels = ReleaseLabels.Of(Sample);

        Assert.That(ReleaseLabels.Read(labels), Is.EqualTo(Sample));
        var edited = new Dictionary<string, string>(labels) { [ReleaseLabels.ModelVersion] = "9.9.9" };
        Assert.That(ReleaseLabels.Read(edited), Is.Null, "the id no longer matches the fields");
        labels.Remove(ReleaseLabels.SourceCommit);
        Assert.That(ReleaseLabels.Read(labels), Is.Null);
    }

    [Test]
    public void A_served_release_is_compared_field_by_field()
    {
        string Json(string id, string build, string version, string sha) => System.Text.Json.JsonSerializer.Serialize(new
        {
            id, serviceBuild = build, sourceCommit = "c", environment = "staging", replica = "r1",
            model = new { name = "pizza-doneness", version, manifestSha256 = sha },
        });

        Assert.That(ServedRelease.Parse(Json(Sample.Id, Sample.ServiceBuild, "1.0.0", Sample.ModelManifestSha256)).MismatchWith(Sample), Is.Null);
        Assert.That(ServedRelease.Parse(Json("000000000000", Sample.ServiceBuild, "1.0.0", Sample.ModelManifestSha256)).MismatchWith(Sample),
            Does.StartWith("serves release 000000000000"));
        Assert.That(ServedRelease.Parse(Json(Sample.Id, Sample.ServiceBuild, "1.0.1", Sample.ModelManifestSha256)).MismatchWith(Sample),
            Does.StartWith("loaded model pizza-doneness 1.0.1"));
        Assert.That(ServedRelease.Parse(Json(Sample.Id, Sample.ServiceBuild, "1.0.0", new string('9', 64))).MismatchWith(Sample),
            Does.StartWith("loaded a manifest with SHA-256 999999999999"));
    }

    [Test]
    public void A_folder_hash_changes_with_any_byte_or_name()
    {
        var folder = Directory.CreateTempSubdirectory("spatial-hash-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.txt"), "one");
            var first = FolderHash.Of(folder);
            File.WriteAllText(Path.Combine(folder, "a.txt"), "onE");
            var edited = FolderHash.Of(folder);
            File.Move(Path.Combine(folder, "a.txt"), Path.Combine(folder, "b.txt"));
            var renamed = FolderHash.Of(folder);

            Assert.That(first, Does.StartWith("sha256:"));
            Assert.That(new[] { first, edited, renamed }.Distinct().Count(), Is.EqualTo(3));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("# HELP x A thing.\n# TYPE x counter\nx 1\nx_total{a=\"b\",c=\"d\"} 2.5e3\n", null)]
    [TestCase("# TYPE x widget\nx 1\n", "line 1: malformed TYPE line")]
    [TestCase("x one\n", "line 1: not a sample")]
    [TestCase("{a=\"b\"} 1\n", "line 1: not a sample")]
    [TestCase("", "no samples")]
    public void Prometheus_text_is_parsed_strictly(string text, string? problem)
    {
        var (_, found) = PrometheusText.Parse(text);

        if (problem is null)
            Assert.That(found, Is.Null);
        else
            Assert.That(found, Does.StartWith(problem));
    }

    [Test]
    public void A_process_identity_round_trips_and_a_dead_pid_is_not_alive()
    {
        var me = ProcessIdentity.Current;

        Assert.That(ProcessIdentity.Parse(me.ToString()), Is.EqualTo(me));
        Assert.That(me.IsAlive, Is.True);
        Assert.That(new ProcessIdentity(me.Machine, me.Pid, "1").IsAlive, Is.False, "same pid, other start time: a reused pid");
        Assert.That(ProcessIdentity.Parse("garbage"), Is.Null);
    }
}
