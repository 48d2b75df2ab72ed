using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.PostgreSql
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
            migrationBuilder.CreateTable(
                name: "AniSpanRollups",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Span = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    AniNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Dials = table.Column<long>(type: "bigint", nullable: false),
                    PeakDailyDials = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AniSpanRollups", x => new { x.CustomerId, x.Span, x.Start, x.AniNumber });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.CreateIndex(
                name: "IX_AniDayRollups_CustomerId_AniNumber_Day",
                table: "AniDayRollups",
                columns: new[] { "CustomerId", "AniNumber", "Day" });

            // A block starts on a day whose day number (days since 0001-01-01) is a multiple of its span.
            migrationBuilder.Sql("""
                INSERT INTO "AniSpanRollups" ("CustomerId", "Span", "Start", "AniNumber", "Dials", "PeakDailyDials")
                SELECT r."CustomerId", s.span, r."Day" - ((r."Day" - DATE '0001-01-01') % s.span), r."AniNumber", SUM(r."Dials"), MAX(r."Dials")
                FROM "AniDayRollups" r CROSS JOIN (VALUES (4), (16), (64)) AS s (span)
                GROUP BY r."CustomerId", s.span, r."Day" - ((r."Day" - DATE '0001-01-01') % s.span), r."AniNumber";
                """);
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
