using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CampaignNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Number",
                table: "Campaigns",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing campaigns are numbered 1..n within their company, in the order they were
            // created (their key order), before the numbers must be unique.
            migrationBuilder.Sql(
                """
                UPDATE "Campaigns" SET "Number" = (
                    SELECT COUNT(*) FROM "Campaigns" AS "Earlier"
                    WHERE "Earlier"."CustomerId" = "Campaigns"."CustomerId" AND "Earlier"."Id" <= "Campaigns"."Id");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_CustomerId_Number",
                table: "Campaigns",
                columns: new[] { "CustomerId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Campaigns_CustomerId_Number",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Campaigns");
        }
    }
}
