using System.Text.Json.Nodes;

namespace AniPlanner.FunctionalTests.Outplans;

internal static class OutplanTestData
{
    /// <summary>A valid create body; tests change one field at a time.</summary>
    public static JsonObject CreateBody(string name = "Sales Standard") => new()
    {
        ["name"] = name,
        ["detail"] = "Standard sales campaign strategy",
        ["source"] = new JsonObject { ["type"] = "tel", ["target"] = "+15559876543" },
        ["dial_timeout"] = 30000,
        ["try_interval"] = 7200000,
        ["max_try_count_0"] = 3,
        ["max_try_count_1"] = 2,
        ["max_try_count_2"] = 1,
        ["max_try_count_3"] = 0,
        ["max_try_count_4"] = 0,
    };
}
