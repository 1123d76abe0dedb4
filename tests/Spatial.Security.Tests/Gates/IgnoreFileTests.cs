using Spatial.Security.Gates;

namespace Spatial.Security.Tests.Gates;

public class IgnoreFileTests
{
    [Test]
    public void Reads_rule_expiry_and_reason_and_skips_comments()
    {
        var entries = IgnoreFile.Parse("""
            # rule        expires      reason
            DS026         2027-03-31   the base image has no shell; the service image defines HEALTHCHECK

            CVE-2026-0004 2026-12-31   tzdata, no fix upstream  # tracked upstream
            """, ".security-ignore");

        Assert.That(entries, Is.EqualTo(new[]
        {
            new IgnoreEntry("DS026", new DateOnly(2027, 3, 31), "the base image has no shell; the service image defines HEALTHCHECK", 2),
            new IgnoreEntry("CVE-2026-0004", new DateOnly(2026, 12, 31), "tzdata, no fix upstream", 4),
        }));
    }

    [TestCase("DS026 2027-03-31", ".security-ignore:1: 'DS026 2027-03-31' needs a rule, an expiry date and a reason: RULE-ID yyyy-mm-dd why it is accepted")]
    [TestCase("DS026", ".security-ignore:1: 'DS026' needs a rule, an expiry date and a reason: RULE-ID yyyy-mm-dd why it is accepted")]
    [TestCase("DS026 31.03.2027 no shell", ".security-ignore:1: '31.03.2027' is not an expiry date (yyyy-mm-dd)")]
    public void An_entry_without_expiry_or_reason_is_an_error_naming_the_line(string line, string message)
    {
        var error = Assert.Throws<FormatException>(() => IgnoreFile.Parse(line, ".security-ignore"));
        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [Test]
    public void No_file_means_no_entries() =>
        Assert.That(IgnoreFile.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))), Is.Empty);
}
