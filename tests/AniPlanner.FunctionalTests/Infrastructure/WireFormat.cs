using System.Text.Json.Nodes;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>Checks against the VoIPBIN wire format as the seeds show it.</summary>
public static class WireFormat
{
    public const string NotSet = "9999-01-01 00:00:00.000000";
    public const string TimestampPattern = @"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$";
    public const string UuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    public static string[] Keys(JsonNode node) => [.. node.AsObject().Select(pair => pair.Key)];

    /// <summary>
    /// Same keys in the same order, same values; <paramref name="varying"/> fields only need the
    /// right format, and <c>customer_id</c> must be the caller's customer.
    /// </summary>
    public static void AssertMatchesSeed(JsonNode actual, string seedJson, Guid customerId, params string[] varying)
    {
        var seed = JsonNode.Parse(seedJson)!;
        Assert.That(Keys(actual), Is.EqualTo(Keys(seed)), "field names or their order differ from the seed");
        Assert.That(Keys(actual["source"]!), Is.EqualTo(Keys(seed["source"]!)), "source's field names or their order differ from the seed");
        Assert.Multiple(() =>
        {
            foreach (var (key, expected) in seed.AsObject())
            {
                var value = actual[key];
                if (key == "customer_id")
                {
                    Assert.That(value!.GetValue<string>(), Is.EqualTo(customerId.ToString()));
                }
                else if (varying.Contains(key))
                {
                    Assert.That(value!.GetValue<string>(), Does.Match(key == "id" ? UuidPattern : TimestampPattern), key);
                }
                else
                {
                    Assert.That(JsonNode.DeepEquals(value, expected), Is.True, $"{key}: expected {expected?.ToJsonString()}, got {value?.ToJsonString()}");
                }
            }
        });
    }
}
