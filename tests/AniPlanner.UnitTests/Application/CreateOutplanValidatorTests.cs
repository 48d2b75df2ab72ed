using AniPlanner.Application.Outplans.Common;
using AniPlanner.Application.Outplans.CreateOutplan;

namespace AniPlanner.UnitTests.Application;

public sealed class CreateOutplanValidatorTests
{
    private readonly CreateOutplanValidator _validator = new();

    private static CreateOutplan Command(long? dialTimeout = 30_000, long? tryInterval = 60_000, AddressFields? source = null, int? maxTryCount3 = null) =>
        new(Guid.NewGuid(), "Sales", "", new DialInfoFields
        {
            DialTimeout = dialTimeout,
            TryInterval = tryInterval,
            Source = source,
            MaxTryCount3 = maxTryCount3,
        });

    private string[] Messages(CreateOutplan command) => [.. _validator.Validate(command).Errors.Select(error => error.ErrorMessage)];

    [Test]
    public void The_seed_example_is_valid()
    {
        var result = _validator.Validate(Command(source: new AddressFields { Type = "tel", Target = "+15559876543" }));

        Assert.That(result.IsValid, Is.True, string.Join(" ", result.Errors));
    }

    [Test]
    public void Every_voipbin_address_type_has_a_target_check() =>
        Assert.That(AddressTargets.CheckedTypes, Is.EquivalentTo(AniPlanner.Domain.Outplans.Address.Types));

    [TestCase(null, "+15559876543", "tel")]
    [TestCase("", "+15559876543", "tel")]
    [TestCase("", "", "")]
    [TestCase("", "15559876543", "")]
    [TestCase("sip", "+15559876543", "sip")]
    public void A_target_without_a_type_is_tel_only_when_it_is_a_phone_number(string? type, string target, string stored) =>
        Assert.That(new AddressFields { Type = type, Target = target }.ToAddress().Type, Is.EqualTo(stored));

    [TestCase("tel", "+15559876543", true)]
    [TestCase("tel", "+1555", false)]
    [TestCase("whatsapp", "+447911123456", true)]
    [TestCase("sip", "2000@example.sip.voipbin.net", true)]
    [TestCase("sip", "@example.net", false)]
    [TestCase("sip", "2000@", false)]
    [TestCase("sip", "a b@example.net", false)]
    [TestCase("email", "a@example.com", true)]
    [TestCase("email", "a@b@example.com", false)]
    [TestCase("conference", "6f1b2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", true)]
    [TestCase("conference", "00000000-0000-0000-0000-000000000000", false)]
    [TestCase("line", "U4af4980629", false)]
    public void Each_type_checks_its_target(string type, string target, bool valid) =>
        Assert.That(AddressTargets.Problem(type, target) is null, Is.EqualTo(valid));

    [TestCase(30, "did you mean 30000?")]
    [TestCase(45, "did you mean 45000?")]
    [TestCase(999, "did you mean 999000?")]
    public void Seconds_sent_as_milliseconds_get_a_suggestion(long seconds, string suggestion) =>
        Assert.That(Messages(Command(dialTimeout: seconds)), Has.One.Contains(suggestion).And.Contains("milliseconds"));

    [Test]
    public void The_limits_are_inclusive()
    {
        Assert.That(Messages(Command(dialTimeout: 1_000, tryInterval: 1_000)), Is.Empty);
        Assert.That(Messages(Command(dialTimeout: 600_000, tryInterval: 2_592_000_000)), Is.Empty);
        Assert.That(Messages(Command(dialTimeout: 600_001)), Has.One.Contains("at most 600000"));
        Assert.That(Messages(Command(tryInterval: 2_592_000_001)), Has.One.Contains("at most 2592000000"));
    }

    [Test]
    public void Missing_timings_are_required_and_named()
    {
        var messages = Messages(Command(dialTimeout: null, tryInterval: null));

        Assert.That(messages, Has.One.StartsWith("dial_timeout is required"));
        Assert.That(messages, Has.One.StartsWith("try_interval is required"));
    }

    [TestCase(-1)]
    [TestCase(101)]
    public void Try_counts_stay_within_0_to_100(int count) =>
        Assert.That(Messages(Command(maxTryCount3: count)), Has.One.Contains("max_try_count_3 must be between 0 and 100"));

    [TestCase("tel", "+442079460000", true)]
    [TestCase("tel", "+15559876543", true)]
    [TestCase("tel", "+1555987654", false)]
    [TestCase("tel", "15559876543", false)]
    [TestCase("tel", "+44 20 7946 0000", false)]
    [TestCase("sip", "agent@pbx.example.com", true)]
    [TestCase("email", "ops@example.com", true)]
    [TestCase("email", "ops", false)]
    [TestCase("agent", "", false)]
    [TestCase("", "", true)]
    [TestCase("", "+15559876543", true)]
    [TestCase("", "agent@pbx.example.com", false)]
    [TestCase("phone", "+15559876543", false)]
    public void Source_addresses_are_checked_by_type(string type, string target, bool valid) =>
        Assert.That(Messages(Command(source: new AddressFields { Type = type, Target = target })), valid ? Is.Empty : Is.Not.Empty);
}
