using Spatial.Deployment.Releases;
using Spatial.Deployment.Rollouts;

namespace Spatial.Deployment.Tests.Rollouts;

public class RollbackTargetTests
{
    private static Release At(string version, int day, char commit = 'a') =>
        new("folder:sha256:" + new string(commit, 64), "pizza-doneness", version, new string('2', 64), new string(commit, 40), new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero));

    [Test]
    public void Without_a_version_it_is_the_newest_release_created_before_the_one_serving()
    {
        var old = At("1.0.0", 1, 'a');
        var previous = At("1.1.0", 2, 'b');
        var current = At("1.2.0", 3, 'c');
        var newer = At("1.3.0", 4, 'd');

        var (target, problem) = RollbackTarget.Choose([newer, current, previous, old], current, null);

        Assert.That(target, Is.EqualTo(previous));
        Assert.That(problem, Is.Null);
    }

    [Test]
    public void With_a_version_it_is_the_newest_release_of_that_model_version()
    {
        var older = At("1.0.0", 1, 'a');
        var newer = At("1.0.0", 2, 'b');
        var current = At("1.2.0", 3, 'c');

        Assert.That(RollbackTarget.Choose([current, newer, older], current, "1.0.0").Target, Is.EqualTo(newer));
        Assert.That(RollbackTarget.Choose([current, older], current, "9.9.9").Problem, Does.StartWith("no release with model version 9.9.9 exists on this host"));
    }

    [Test]
    public void Nothing_to_go_back_to_is_said_plainly()
    {
        var only = At("1.0.0", 1);

        Assert.That(RollbackTarget.Choose([only], only, null).Problem, Does.StartWith("no release older than"));
        Assert.That(RollbackTarget.Choose([only], null, null).Problem, Is.EqualTo("nothing serves the environment: there is no release to go back from"));
    }
}
