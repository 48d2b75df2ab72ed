using AniPlanner.Domain.AniPlanning.Campaigns;
using AniPlanner.Domain.AniPlanning.Dials;
using AniPlanner.Domain.AniPlanning.Dispositions;
using AniPlanner.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AniPlanner.Infrastructure.AniPlanning;

/// <summary>Where the ANI Planner's tables differ by database provider.</summary>
public sealed class AniPlanningProviderModel : IProviderModelConfiguration
{
    public void Configure(ModelBuilder modelBuilder, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            // DialRollups, DialTotals, AniDayRollups and AniSpanRollups are WITHOUT ROWID tables on SQLite (migrations
            // SqliteRollupsWithoutRowid, AniDayRollups and AniSpanRollups, in SQL: EF Core's model cannot say it): the rows live in
            // their key's order, as SQL Server's clustered key keeps them, so the plan's range scan
            // reads them directly and an import's upsert writes each cell once (a rowid table with
            // a covering index wrote it twice and moved the index entry: about three times slower).
            // An EF-generated rebuild of either table would lose it: keep the clause if one is made.

            // SQLite writes a large import in short transactions so other writers are not kept
            // waiting; these say which dials belong to an import that has not committed yet.
            modelBuilder.Entity<SqliteDialImport>(import =>
            {
                import.ToTable(SqliteDialImport.Table);
                import.Property(dialImport => dialImport.Id).HasAnnotation("Sqlite:Autoincrement", true);
            });
            modelBuilder.Entity<Dial>().Property<long?>(SqliteDialImport.DialsColumn);
        }

        if (database.IsSqlServer())
        {
            // Identifiers compare exactly (binary, case-sensitive), as on SQLite: the default
            // collation ignores case, which made "ABC" and "abc" one call and one campaign.
            modelBuilder.Entity<Dial>().Property(dial => dial.CallId).UseCollation(AniPlannerDbContext.SqlServerBinaryCollation);
            modelBuilder.Entity<Campaign>().Property(campaign => campaign.InternalIdentifier).UseCollation(AniPlannerDbContext.SqlServerBinaryCollation);
            modelBuilder.Entity<Disposition>().Property(disposition => disposition.Identifier).UseCollation(AniPlannerDbContext.SqlServerBinaryCollation);
            modelBuilder.Entity<Dial>().HasIndex(dial => new { dial.CustomerId, dial.DispositionId }).HasFilter("[DispositionId] IS NOT NULL");
        }

        if (database.IsNpgsql())
        {
            // Every import updates rollup rows in place; room on each page lets PostgreSQL keep the
            // new version beside the old (a HOT update: no index entry, dead versions pruned on the
            // page), so plans do not slow down between autovacuum passes.
            modelBuilder.Entity<DialRollup>().HasStorageParameter("fillfactor", 70);
            modelBuilder.Entity<DialTotal>().HasStorageParameter("fillfactor", 70);
            modelBuilder.Entity<AniDayRollup>().HasStorageParameter("fillfactor", 70);
            modelBuilder.Entity<AniSpanRollup>().HasStorageParameter("fillfactor", 70);
        }
    }
}
