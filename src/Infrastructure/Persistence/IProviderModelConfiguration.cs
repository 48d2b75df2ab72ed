using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AniPlanner.Infrastructure.Persistence;

/// <summary>
/// Model configuration that depends on the database provider (an index only SQLite needs, a
/// collation only SQL Server has). A module keeps it beside its entity configurations; the
/// context applies every one in this assembly after those, so Persistence names no module.
/// </summary>
public interface IProviderModelConfiguration
{
    void Configure(ModelBuilder modelBuilder, DatabaseFacade database);
}
