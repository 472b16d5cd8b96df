using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClientDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarSchedulesAndBooking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "SpecialDays",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "BookingIntervalMinutes",
                table: "Locations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BookingSeats",
                table: "Locations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SeatsKeptForStaff",
                table: "Locations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ManageTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LocationId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Machines = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PersonalCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CompanyNumber = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    BookedByStaffId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OverCapacityReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MoveCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.CheckConstraint("CK_Appointments_Machines", "\"Machines\" BETWEEN 1 AND 20");
                    table.CheckConstraint("CK_Appointments_StartBeforeEnd", "\"Start\" < \"End\"");
                    table.ForeignKey(
                        name: "FK_Appointments_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "Seats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LocationId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AppointmentId = table.Column<int>(type: "integer", nullable: true),
                    HoldId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seats", x => x.Id);
                    table.CheckConstraint("CK_Seats_AppointmentOrHold", "(\"AppointmentId\" IS NULL) <> (\"HoldId\" IS NULL)");
                    table.CheckConstraint("CK_Seats_Number", "\"Number\" >= 1");
                    table.ForeignKey(
                        name: "FK_Seats_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Seats_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.AddCheckConstraint(
                name: "CK_Locations_BookingIntervalMinutes",
                table: "Locations",
                sql: "\"BookingIntervalMinutes\" BETWEEN 5 AND 240");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Locations_BookingSeats",
                table: "Locations",
                sql: "\"BookingSeats\" BETWEEN 0 AND 100 AND \"SeatsKeptForStaff\" BETWEEN 0 AND \"BookingSeats\"");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_LocationId_Date",
                table: "Appointments",
                columns: new[] { "LocationId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Reference",
                table: "Appointments",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ServiceId",
                table: "Appointments",
                column: "ServiceId");

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

            migrationBuilder.CreateIndex(
                name: "IX_Seats_AppointmentId",
                table: "Seats",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Seats_HoldId",
                table: "Seats",
                column: "HoldId");

            migrationBuilder.CreateIndex(
                name: "IX_Seats_LocationId_Date_Start_Number",
                table: "Seats",
                columns: new[] { "LocationId", "Date", "Start", "Number" },
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
                name: "Seats");

            migrationBuilder.DropTable(
                name: "ScheduleRules");

            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Locations_BookingIntervalMinutes",
                table: "Locations");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Locations_BookingSeats",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SpecialDays");

            migrationBuilder.DropColumn(
                name: "BookingIntervalMinutes",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "BookingSeats",
                table: "Locations");

            migrationBuilder.DropColumn(
                name: "SeatsKeptForStaff",
                table: "Locations");
        }
    }
}
