using System.Text.Json.Serialization;

namespace AniPlanner.Application.Identity.Common;

/// <summary>A customer (tenant) on the wire, VoIPBIN style.</summary>
public class CustomerDto
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("detail")] public string Detail { get; init; } = "";
    [JsonPropertyName("tm_create")] public string TmCreate { get; init; } = "";
    [JsonPropertyName("tm_update")] public string? TmUpdate { get; init; }
    [JsonPropertyName("tm_delete")] public string? TmDelete { get; init; }
}

/// <summary>A newly created customer with its first access key, token included (shown this once).</summary>
public sealed class CreatedCustomerDto : CustomerDto
{
    /// <summary>Last on the wire, after the customer's own fields.</summary>
    [JsonPropertyName("accesskey")]
    [JsonPropertyOrder(1)]
    public AccessKeyDto AccessKey { get; set; } = new();
}

/// <summary>One page of customers (VoIPBIN's list object).</summary>
public sealed class CustomerPageDto
{
    [JsonPropertyName("result")] public IReadOnlyList<CustomerDto> Result { get; init; } = [];
    [JsonPropertyName("next_page_token")] public string NextPageToken { get; init; } = "";
}
