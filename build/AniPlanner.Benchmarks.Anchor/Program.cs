using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

// The least an authenticated GET /v1.0/outplans/{id} could cost: MVC and one EF Core primary-key
// read of the same row in the same SQLite file, with no authentication, logging or pipeline.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddControllers();
builder.Services.AddDbContextPool<AnchorDbContext>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("AniPlanner")).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));

var app = builder.Build();
app.MapControllers();
app.Run();

[ApiController]
public sealed class OutplansController(AnchorDbContext db) : ControllerBase
{
    [HttpGet("/v1.0/outplans/{id:guid}")]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await db.Outplans.FirstOrDefaultAsync(outplan => outplan.Id == id, cancellationToken) is { } outplan ? Ok(outplan) : NotFound();
}

public sealed class AnchorDbContext(DbContextOptions<AnchorDbContext> options) : DbContext(options)
{
    public DbSet<OutplanRow> Outplans => Set<OutplanRow>();
}

/// <summary>Every column of the service's Outplans table, read as it is stored.</summary>
public sealed class OutplanRow
{
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public string Name { get; set; } = "";
    public string Detail { get; set; } = "";
    public string SourceType { get; set; } = "";
    public string SourceTarget { get; set; } = "";
    public string SourceTargetName { get; set; } = "";
    public string SourceName { get; set; } = "";
    public string SourceDetail { get; set; } = "";
    public long DialTimeout { get; set; }
    public long TryInterval { get; set; }
    public int MaxTryCount0 { get; set; }
    public int MaxTryCount1 { get; set; }
    public int MaxTryCount2 { get; set; }
    public int MaxTryCount3 { get; set; }
    public int MaxTryCount4 { get; set; }
    public int Version { get; set; }
    public DateTime TmCreate { get; set; }
    public DateTime? TmUpdate { get; set; }
    public DateTime? TmDelete { get; set; }
}
