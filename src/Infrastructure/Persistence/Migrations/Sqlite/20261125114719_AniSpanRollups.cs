using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The per-ANI rollup by blocks of 4, 16 and 64 days, filled from the per-ANI, per-day rollup,
    /// and an index that reads one ANI's days.
    /// </summary>
    public partial class AniSpanRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID, like the other rollups: rows live in key order. A block starts on a day
            // whose day number (days since 0001-01-01, julian day 1721425.5) is a multiple of its span.
            migrationBuilder.Sql("""
                CREATE TABLE "AniSpanRollups" (
                    "CustomerId" TEXT NOT NULL, "Span" INTEGER NOT NULL, "Start" TEXT NOT NULL, "AniNumber" TEXT NOT NULL,
                    "Dials" INTEGER NOT NULL, "PeakDailyDials" INTEGER NOT NULL,
                    CONSTRAINT "PK_AniSpanRollups" PRIMARY KEY ("CustomerId", "Span", "Start", "AniNumber")) WITHOUT ROWID;
                INSERT INTO "AniSpanRollups" ("CustomerId", "Span", "Start", "AniNumber", "Dials", "PeakDailyDials")
                SELECT r."CustomerId", s."Span", date(julianday(r."Day") - (CAST(julianday(r."Day") - 1721425.5 AS INTEGER) % s."Span")) AS "Start",
                       r."AniNumber", SUM(r."Dials"), MAX(r."Dials")
                FROM "AniDayRollups" r CROSS JOIN (SELECT 4 AS "Span" UNION ALL SELECT 16 UNION ALL SELECT 64) s
                GROUP BY r."CustomerId", s."Span", "Start", r."AniNumber"
                ORDER BY r."CustomerId", s."Span", "Start", r."AniNumber";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AniDayRollups_CustomerId_AniNumber_Day",
                table: "AniDayRollups",
                columns: new[] { "CustomerId", "AniNumber", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AniSpanRollups");

            migrationBuilder.DropIndex(
                name: "IX_AniDayRollups_CustomerId_AniNumber_Day",
                table: "AniDayRollups");
        }
    }
}
