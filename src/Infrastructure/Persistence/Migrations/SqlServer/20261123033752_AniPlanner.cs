using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AniPlanner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Anis",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Managed = table.Column<bool>(type: "bit", nullable: false),
                    AreaKey = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    TmCreate = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Anis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Anis_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InternalIdentifier = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    InboundCampaignIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TmCreate = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DialRollups",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Grouping = table.Column<int>(type: "int", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    AreaKey = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Dials = table.Column<long>(type: "bigint", nullable: false),
                    Contacts = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialRollups", x => new { x.CustomerId, x.Grouping, x.Day, x.CampaignId, x.AreaKey });
                });

            migrationBuilder.CreateTable(
                name: "PlannerSettings",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    TmUpdate = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannerSettings", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_PlannerSettings_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceDataVersions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDataVersions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "RegionAreas",
                columns: table => new
                {
                    Plan = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    AreaCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Country = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Region = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    State = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionAreas", x => new { x.Plan, x.AreaCode });
                });

            migrationBuilder.CreateTable(
                name: "UkNumberRanges",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Territory = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UkNumberRanges", x => new { x.Prefix, x.Territory });
                });

            migrationBuilder.CreateTable(
                name: "ZipAreaCodes",
                columns: table => new
                {
                    Zip = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    AreaCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZipAreaCodes", x => x.Zip);
                });

            migrationBuilder.CreateTable(
                name: "Dials",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CallId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    DialedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ProspectNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AniNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ProspectZip = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Contacted = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dials", x => new { x.CustomerId, x.CallId });
                    table.ForeignKey(
                        name: "FK_Dials_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dials_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Anis_CustomerId_AreaKey",
                table: "Anis",
                columns: new[] { "CustomerId", "AreaKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Anis_CustomerId_Number",
                table: "Anis",
                columns: new[] { "CustomerId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_CustomerId_InternalIdentifier",
                table: "Campaigns",
                columns: new[] { "CustomerId", "InternalIdentifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dials_CampaignId",
                table: "Dials",
                column: "CampaignId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Anis");

            migrationBuilder.DropTable(
                name: "DialRollups");

            migrationBuilder.DropTable(
                name: "Dials");

            migrationBuilder.DropTable(
                name: "PlannerSettings");

            migrationBuilder.DropTable(
                name: "ReferenceDataVersions");

            migrationBuilder.DropTable(
                name: "RegionAreas");

            migrationBuilder.DropTable(
                name: "UkNumberRanges");

            migrationBuilder.DropTable(
                name: "ZipAreaCodes");

            migrationBuilder.DropTable(
                name: "Campaigns");
        }
    }
}
