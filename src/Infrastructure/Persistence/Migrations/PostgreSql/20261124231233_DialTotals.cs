using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DialTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DialTotals",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Grouping = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    AreaKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Dials = table.Column<long>(type: "bigint", nullable: false),
                    Contacts = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialTotals", x => new { x.CustomerId, x.Grouping, x.Period, x.Start, x.AreaKey });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            // The totals of the dials already counted, from the rollup by campaign.
            migrationBuilder.Sql(
                """
                INSERT INTO "DialTotals" ("CustomerId", "Grouping", "Period", "Start", "AreaKey", "Dials", "Contacts")
                SELECT r."CustomerId", r."Grouping", period.kind, period.start, r."AreaKey", SUM(r."Dials"), SUM(r."Contacts")
                FROM "DialRollups" r
                CROSS JOIN LATERAL (VALUES (0, r."Day"), (1, r."Day" - (extract(isodow FROM r."Day")::int - 1))) AS period (kind, start)
                GROUP BY r."CustomerId", r."Grouping", period.kind, period.start, r."AreaKey";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DialTotals");
        }
    }
}
