using System.Net;
using System.Text.Json.Nodes;

namespace AniPlanner.FunctionalTests.Infrastructure;

/// <summary>
/// What requests racing on one soft-deletable resource must leave behind: each write lands whole
/// or not at all, and nothing lands on a deleted resource.
/// </summary>
public static class RaceOutcomes
{
    /// <summary>The resource as it ended is exactly one of the bodies the writers were answered (the last writer's, whole).</summary>
    public static void AssertIsOneAcknowledgedBody(JsonNode final, IReadOnlyList<JsonNode> acknowledged, string round) =>
        Assert.That(acknowledged.Count(body => JsonNode.DeepEquals(body, final)), Is.EqualTo(1),
            $"{round}: the resource ended as {final.ToJsonString()}, which is none of the {acknowledged.Count} acknowledged bodies " +
            "(two updates merged column by column)");

    /// <summary>
    /// Every update answered 200 landed before the delete (its <c>tm_update</c> is not after
    /// <c>tm_delete</c>) and every other one answered 404; the deleted resource is the last update
    /// that landed (or <paramref name="before"/> when none did), whole, with <c>tm_delete</c> set.
    /// </summary>
    public static void AssertUpdatesLandedBeforeTheDelete(
        JsonNode before,
        IReadOnlyList<(HttpStatusCode Status, JsonNode? Body)> updates,
        (HttpStatusCode Status, JsonNode? Body) delete,
        JsonNode final,
        string notFoundReason,
        string round)
    {
        Assert.That(delete.Status, Is.EqualTo(HttpStatusCode.OK), $"{round}: the delete: {delete.Body?.ToJsonString()}");
        var tmDelete = delete.Body!["tm_delete"]!.GetValue<string>();
        Assert.That(tmDelete, Is.Not.EqualTo(WireFormat.NotSet), round);
        Assert.That(JsonNode.DeepEquals(final, delete.Body), Is.True, $"{round}: the delete answered {delete.Body.ToJsonString()} but the resource is {final.ToJsonString()}");

        var landed = new List<JsonNode>();
        foreach (var (status, body) in updates)
        {
            if (status == HttpStatusCode.OK)
            {
                var tmUpdate = body!["tm_update"]!.GetValue<string>();
                Assert.That(string.CompareOrdinal(tmUpdate, tmDelete), Is.LessThanOrEqualTo(0),
                    $"{round}: an update was answered 200 with tm_update {tmUpdate}, after the delete at {tmDelete}: it changed a deleted resource");
                landed.Add(body);
            }
            else
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), $"{round}: {body?.ToJsonString()}");
                Assert.That(body!["error"]!["reason"]!.GetValue<string>(), Is.EqualTo(notFoundReason), round);
            }
        }

        // The delete sets tm_update too; before it, the resource was the last update that landed.
        Assert.That(final["tm_update"]!.GetValue<string>(), Is.EqualTo(tmDelete), $"{round}: the delete did not set tm_update");
        var lastLanded = landed.MaxBy(body => body["tm_update"]!.GetValue<string>(), StringComparer.Ordinal) ?? before;
        var live = final.DeepClone();
        live["tm_delete"] = WireFormat.NotSet;
        live["tm_update"] = lastLanded["tm_update"]!.GetValue<string>();
        Assert.That(JsonNode.DeepEquals(live, lastLanded), Is.True,
            $"{round}: the deleted resource {final.ToJsonString()} is not the last update that landed before the delete");
        AssertIsOneAcknowledgedBody(live, [before, .. landed], round);
    }
}
