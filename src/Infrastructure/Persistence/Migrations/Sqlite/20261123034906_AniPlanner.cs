using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Managed = table.Column<bool>(type: "INTEGER", nullable: false),
                    AreaKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    TmCreate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InternalIdentifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InboundCampaignIds = table.Column<string>(type: "TEXT", nullable: false),
                    TmCreate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Grouping = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    AreaKey = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Dials = table.Column<long>(type: "INTEGER", nullable: false),
                    Contacts = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialRollups", x => new { x.CustomerId, x.Grouping, x.Day, x.CampaignId, x.AreaKey });
                });

            migrationBuilder.CreateTable(
                name: "PlannerSettings",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    TmUpdate = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDataVersions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "RegionAreas",
                columns: table => new
                {
                    Plan = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionAreas", x => new { x.Plan, x.AreaCode });
                });

            migrationBuilder.CreateTable(
                name: "UkNumberRanges",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Territory = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UkNumberRanges", x => new { x.Prefix, x.Territory });
                });

            migrationBuilder.CreateTable(
                name: "ZipAreaCodes",
                columns: table => new
                {
                    Zip = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZipAreaCodes", x => x.Zip);
                });

            migrationBuilder.CreateTable(
                name: "Dials",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    DialedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProspectNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AniNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProspectZip = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Contacted = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "IX_DialRollups_Covering",
                table: "DialRollups",
                columns: new[] { "CustomerId", "Grouping", "Day", "CampaignId", "AreaKey", "Dials", "Contacts" });

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
