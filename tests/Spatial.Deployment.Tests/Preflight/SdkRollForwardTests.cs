using Spatial.Deployment.Preflight;

namespace Spatial.Deployment.Tests.Preflight;

public class SdkRollForwardTests
{
    [TestCase("10.0.401", "10.0.100", "latestFeature", true)]
    [TestCase("10.0.401", "10.0.100", "latestPatch", false)]
    [TestCase("10.0.105", "10.0.100", "latestPatch", true)]
    [TestCase("10.0.099", "10.0.100", "latestFeature", false)]
    [TestCase("11.0.100", "10.0.100", "latestFeature", false)]
    [TestCase("11.0.100", "10.0.100", "latestMajor", true)]
    [TestCase("10.1.100", "10.0.100", "minor", true)]
    [TestCase("10.0.100", "10.0.100", "disable", true)]
    [TestCase("10.0.101", "10.0.100", "disable", false)]
    [TestCase("10.0.100-rc.2", "10.0.100", "latestFeature", true)]
    public void Applies_the_dotnet_host_rule(string installed, string required, string policy, bool expected) =>
        Assert.That(SdkRollForward.Satisfies(installed, required, policy), Is.EqualTo(expected));

    [Test]
    public void Rejects_an_unknown_policy_by_name() =>
        Assert.That(() => SdkRollForward.Satisfies("10.0.100", "10.0.100", "sideways"),
            Throws.ArgumentException.With.Message.Contains("sideways"));

    [Test]
    public void Reads_version_and_policy_from_global_json()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""");
            Assert.That(SdkRollForward.ReadGlobalJson(path), Is.EqualTo(((string?)"10.0.100", "latestFeature")));
            File.WriteAllText(path, """{ "sdk": { "version": "9.0.100" } }""");
            Assert.That(SdkRollForward.ReadGlobalJson(path), Is.EqualTo(((string?)"9.0.100", "latestPatch")));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
