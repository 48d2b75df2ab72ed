using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccessKeyPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessKeys_CustomerId",
                table: "AccessKeys");

            migrationBuilder.AddColumn<string>(
                name: "Permission",
                table: "AccessKeys",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                // Keys issued before permissions existed were customers' first (or demo) keys: admin.
                defaultValue: "Admin");

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_CustomerId_TmDelete_TmCreate",
                table: "AccessKeys",
                columns: new[] { "CustomerId", "TmDelete", "TmCreate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessKeys_CustomerId_TmDelete_TmCreate",
                table: "AccessKeys");

            migrationBuilder.DropColumn(
                name: "Permission",
                table: "AccessKeys");

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_CustomerId",
                table: "AccessKeys",
                column: "CustomerId");
        }
    }
}
