using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AniPlanner.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TmCreate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TmCreate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TmDelete = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DialRollups",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Grouping = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    AreaKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Dials = table.Column<long>(type: "bigint", nullable: false),
                    Contacts = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialRollups", x => new { x.CustomerId, x.Grouping, x.Day, x.CampaignId, x.AreaKey });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.CreateTable(
                name: "ReferenceDataVersions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDataVersions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "RegionAreas",
                columns: table => new
                {
                    Plan = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Region = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    State = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionAreas", x => new { x.Plan, x.AreaCode });
                });

            migrationBuilder.CreateTable(
                name: "UkNumberRanges",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Territory = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UkNumberRanges", x => new { x.Prefix, x.Territory });
                });

            migrationBuilder.CreateTable(
                name: "ZipAreaCodes",
                columns: table => new
                {
                    Zip = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZipAreaCodes", x => x.Zip);
                });

            migrationBuilder.CreateTable(
                name: "AccessKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TokenHint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Permission = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TmExpire = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TmCreate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TmDelete = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessKeys_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Anis",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Managed = table.Column<bool>(type: "boolean", nullable: false),
                    AreaKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    TmCreate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    InternalIdentifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InboundCampaignIds = table.Column<List<long>>(type: "bigint[]", nullable: false),
                    TmCreate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "Outplans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DialTimeout = table.Column<long>(type: "bigint", nullable: false),
                    TryInterval = table.Column<long>(type: "bigint", nullable: false),
                    MaxTryCount0 = table.Column<int>(type: "integer", nullable: false),
                    MaxTryCount1 = table.Column<int>(type: "integer", nullable: false),
                    MaxTryCount2 = table.Column<int>(type: "integer", nullable: false),
                    MaxTryCount3 = table.Column<int>(type: "integer", nullable: false),
                    MaxTryCount4 = table.Column<int>(type: "integer", nullable: false),
                    TmCreate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TmDelete = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SourceDetail = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SourceName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SourceTarget = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SourceTargetName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    SourceType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outplans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outplans_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlannerSettings",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    TmUpdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Permission = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TmCreate = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TmUpdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TmDelete = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Users_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Dials",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    DialedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ProspectNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AniNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProspectZip = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Contacted = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "IX_AccessKeys_CustomerId_TmDelete_TmCreate",
                table: "AccessKeys",
                columns: new[] { "CustomerId", "TmDelete", "TmCreate" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessKeys_TokenHash",
                table: "AccessKeys",
                column: "TokenHash",
                unique: true);

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
                name: "IX_AuditLogs_CustomerId_TmCreate",
                table: "AuditLogs",
                columns: new[] { "CustomerId", "TmCreate" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_CustomerId_InternalIdentifier",
                table: "Campaigns",
                columns: new[] { "CustomerId", "InternalIdentifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dials_CampaignId",
                table: "Dials",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Outplans_CustomerId_TmDelete_TmCreate",
                table: "Outplans",
                columns: new[] { "CustomerId", "TmDelete", "TmCreate" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_CustomerId_TmDelete_TmCreate",
                table: "Users",
                columns: new[] { "CustomerId", "TmDelete", "TmCreate" });

            migrationBuilder.CreateIndex(
                name: "IX_Users_Username",
                table: "Users",
                column: "Username",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessKeys");

            migrationBuilder.DropTable(
                name: "Anis");

            migrationBuilder.DropTable(
                name: "AuditLogs");

            migrationBuilder.DropTable(
                name: "DialRollups");

            migrationBuilder.DropTable(
                name: "Dials");

            migrationBuilder.DropTable(
                name: "Outplans");

            migrationBuilder.DropTable(
                name: "PlannerSettings");

            migrationBuilder.DropTable(
                name: "ReferenceDataVersions");

            migrationBuilder.DropTable(
                name: "RegionAreas");

            migrationBuilder.DropTable(
                name: "UkNumberRanges");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "ZipAreaCodes");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "Customers");
        }
    }
}
