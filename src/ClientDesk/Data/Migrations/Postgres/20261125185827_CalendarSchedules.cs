using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClientDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LocationClosures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LocationId = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReasonLv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReasonEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocationClosures", x => x.Id);
                    table.CheckConstraint("CK_LocationClosures_Range", "\"StartsOn\" <= \"EndsOn\"");
                    table.ForeignKey(
                        name: "FK_LocationClosures_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameLv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Weekdays = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    CutoffKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CutoffWeekday = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CutoffDaysBefore = table.Column<int>(type: "integer", nullable: true),
                    CutoffTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    BookingChannels = table.Column<int>(type: "integer", nullable: false),
                    BookingPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    NeedsReview = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleRules", x => x.Id);
                    table.CheckConstraint("CK_ScheduleRules_CutoffDaysBefore", "\"CutoffDaysBefore\" IS NULL OR \"CutoffDaysBefore\" BETWEEN 0 AND 60");
                    table.CheckConstraint("CK_ScheduleRules_StartBeforeEnd", "\"Start\" < \"End\"");
                    table.CheckConstraint("CK_ScheduleRules_ValidRange", "\"ValidFrom\" IS NULL OR \"ValidTo\" IS NULL OR \"ValidFrom\" <= \"ValidTo\"");
                    table.CheckConstraint("CK_ScheduleRules_Weekdays", "\"Weekdays\" BETWEEN 1 AND 127");
                });

            migrationBuilder.CreateTable(
                name: "ScheduleBreak",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScheduleRuleId = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleBreak", x => x.Id);
                    table.CheckConstraint("CK_ScheduleBreaks_StartBeforeEnd", "\"Start\" < \"End\"");
                    table.ForeignKey(
                        name: "FK_ScheduleBreak_ScheduleRules_ScheduleRuleId",
                        column: x => x.ScheduleRuleId,
                        principalTable: "ScheduleRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleRuleLocations",
                columns: table => new
                {
                    LocationsId = table.Column<int>(type: "integer", nullable: false),
                    ScheduleRuleId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleRuleLocations", x => new { x.LocationsId, x.ScheduleRuleId });
                    table.ForeignKey(
                        name: "FK_ScheduleRuleLocations_Locations_LocationsId",
                        column: x => x.LocationsId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScheduleRuleLocations_ScheduleRules_ScheduleRuleId",
                        column: x => x.ScheduleRuleId,
                        principalTable: "ScheduleRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScheduleRuleReplacements",
                columns: table => new
                {
                    ReplacedRuleId = table.Column<int>(type: "integer", nullable: false),
                    ReplacingRuleId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleRuleReplacements", x => new { x.ReplacedRuleId, x.ReplacingRuleId });
                    table.ForeignKey(
                        name: "FK_ScheduleRuleReplacements_ScheduleRules_ReplacedRuleId",
                        column: x => x.ReplacedRuleId,
                        principalTable: "ScheduleRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScheduleRuleReplacements_ScheduleRules_ReplacingRuleId",
                        column: x => x.ReplacingRuleId,
                        principalTable: "ScheduleRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LocationClosures_LocationId_StartsOn",
                table: "LocationClosures",
                columns: new[] { "LocationId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleBreak_ScheduleRuleId",
                table: "ScheduleBreak",
                column: "ScheduleRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleRuleLocations_ScheduleRuleId",
                table: "ScheduleRuleLocations",
                column: "ScheduleRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleRuleReplacements_ReplacingRuleId",
                table: "ScheduleRuleReplacements",
                column: "ReplacingRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleRules_Code",
                table: "ScheduleRules",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarChanges");

            migrationBuilder.DropTable(
                name: "LocationClosures");

            migrationBuilder.DropTable(
                name: "ScheduleBreak");

            migrationBuilder.DropTable(
                name: "ScheduleRuleLocations");

            migrationBuilder.DropTable(
                name: "ScheduleRuleReplacements");

            migrationBuilder.DropTable(
                name: "ScheduleRules");
        }
    }
}
