using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientDesk.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "BookingIntervalMinutes",
                table: "Locations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BookingSeats",
                table: "Locations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SeatsKeptForStaff",
                table: "Locations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ManageTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Machines = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PersonalCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CompanyNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BookedByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OverCapacityReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MoveCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LocationClosures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReasonLv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReasonEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameLv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CutoffKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CutoffWeekday = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CutoffDaysBefore = table.Column<int>(type: "INTEGER", nullable: true),
                    CutoffTime = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    BookingChannels = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    NeedsReview = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    HoldId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScheduleRuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false)
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
                    LocationsId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduleRuleId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    ReplacedRuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplacingRuleId = table.Column<int>(type: "INTEGER", nullable: false)
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
