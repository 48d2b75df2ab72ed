using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.SqlServer
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
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Grouping = table.Column<int>(type: "int", nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    AreaKey = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Dials = table.Column<long>(type: "bigint", nullable: false),
                    Contacts = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialTotals", x => new { x.CustomerId, x.Grouping, x.Period, x.Start, x.AreaKey });
                });

            // The totals of the dials already counted, from the rollup by campaign (0001-01-01 was a Monday).
            migrationBuilder.Sql(
                """
                INSERT INTO DialTotals (CustomerId, [Grouping], [Period], [Start], AreaKey, Dials, Contacts)
                SELECT r.CustomerId, r.[Grouping], period.Kind, period.Start, r.AreaKey, SUM(r.Dials), SUM(r.Contacts)
                FROM DialRollups r
                CROSS APPLY (VALUES (0, r.Day), (1, DATEADD(day, -(DATEDIFF(day, CAST('00010101' AS date), r.Day) % 7), r.Day))) AS period (Kind, Start)
                GROUP BY r.CustomerId, r.[Grouping], period.Kind, period.Start, r.AreaKey;
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
