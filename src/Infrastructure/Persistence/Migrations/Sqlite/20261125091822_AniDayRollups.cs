using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>The per-ANI, per-day rollup, filled from the dials already stored.</summary>
    public partial class AniDayRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID, like the other rollups (SqliteRollupsWithoutRowid): rows live in key order.
            // Dials of an import that has not committed are not counted (the next start removes them).
            migrationBuilder.Sql("""
                CREATE TABLE "AniDayRollups" (
                    "CustomerId" TEXT NOT NULL, "Day" TEXT NOT NULL, "AniNumber" TEXT NOT NULL, "Dials" INTEGER NOT NULL, "Contacts" INTEGER NOT NULL,
                    CONSTRAINT "PK_AniDayRollups" PRIMARY KEY ("CustomerId", "Day", "AniNumber")) WITHOUT ROWID;
                INSERT INTO "AniDayRollups" ("CustomerId", "Day", "AniNumber", "Dials", "Contacts")
                SELECT "CustomerId", "Day", "AniNumber", COUNT(*), SUM("Contacted") FROM "Dials"
                WHERE "ImportId" IS NULL OR "ImportId" NOT IN (SELECT "Id" FROM "DialImports" WHERE "CommittedAtUtc" IS NULL)
                GROUP BY "CustomerId", "Day", "AniNumber"
                ORDER BY "CustomerId", "Day", "AniNumber";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AniDayRollups");
        }
    }
}
