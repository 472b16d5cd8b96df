using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientDesk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectionScheduleAndReception : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionStops",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PlaceName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    WhereExactly = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    NoteLv = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NoteEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionStops", x => x.Id);
                    table.CheckConstraint("CK_InspectionStops_Point", "(\"Latitude\" IS NULL AND \"Longitude\" IS NULL) OR (\"Latitude\" BETWEEN 55.5 AND 58.2 AND \"Longitude\" BETWEEN 20.8 AND 28.4)");
                    table.CheckConstraint("CK_InspectionStops_Window", "\"StartTime\" < \"EndTime\"");
                    table.ForeignKey(
                        name: "FK_InspectionStops_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionOfficials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TitleLv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Room = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StaffMemberId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionOfficials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceptionOfficials_AspNetUsers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReceptionOfficials_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReceptionOfficials_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficialId = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekday = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionHours", x => x.Id);
                    table.CheckConstraint("CK_ReceptionHours_Dates", "\"ValidTo\" IS NULL OR \"ValidFrom\" <= \"ValidTo\"");
                    table.CheckConstraint("CK_ReceptionHours_Slot", "\"SlotMinutes\" BETWEEN 10 AND 240");
                    table.CheckConstraint("CK_ReceptionHours_Times", "\"Start\" < \"End\"");
                    table.ForeignKey(
                        name: "FK_ReceptionHours_ReceptionOfficials_OfficialId",
                        column: x => x.OfficialId,
                        principalTable: "ReceptionOfficials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficialId = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ClientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    WishedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WishedStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    PreferredTimes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegisteredByStaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    StatusTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProposedStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ConfirmedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmedStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    ClientNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionRequests", x => x.Id);
                    table.CheckConstraint("CK_ReceptionRequests_Confirmed", "\"Status\" NOT IN ('Confirmed', 'Held') OR (\"ConfirmedDate\" IS NOT NULL AND \"ConfirmedStart\" IS NOT NULL)");
                    table.CheckConstraint("CK_ReceptionRequests_Contact", "\"Phone\" IS NOT NULL OR \"Email\" IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_ReceptionRequests_AspNetUsers_RegisteredByStaffId",
                        column: x => x.RegisteredByStaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReceptionRequests_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReceptionRequests_ReceptionOfficials_OfficialId",
                        column: x => x.OfficialId,
                        principalTable: "ReceptionOfficials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionStops_Date_StartTime_Municipality_PlaceName",
                table: "InspectionStops",
                columns: new[] { "Date", "StartTime", "Municipality", "PlaceName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionStops_RegionId_Date",
                table: "InspectionStops",
                columns: new[] { "RegionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionHours_OfficialId_Weekday",
                table: "ReceptionHours",
                columns: new[] { "OfficialId", "Weekday" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionOfficials_Key",
                table: "ReceptionOfficials",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionOfficials_LocationId",
                table: "ReceptionOfficials",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionOfficials_RegionId",
                table: "ReceptionOfficials",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionOfficials_StaffMemberId",
                table: "ReceptionOfficials",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionRequests_CaseId",
                table: "ReceptionRequests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionRequests_OfficialId_Status",
                table: "ReceptionRequests",
                columns: new[] { "OfficialId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionRequests_OneConfirmedPerStart",
                table: "ReceptionRequests",
                columns: new[] { "OfficialId", "ConfirmedDate", "ConfirmedStart" },
                unique: true,
                filter: "\"Status\" = 'Confirmed'");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionRequests_RegisteredByStaffId",
                table: "ReceptionRequests",
                column: "RegisteredByStaffId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionRequests_StatusTokenHash",
                table: "ReceptionRequests",
                column: "StatusTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionRequests_Year_Sequence",
                table: "ReceptionRequests",
                columns: new[] { "Year", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectionStops");

            migrationBuilder.DropTable(
                name: "ReceptionHours");

            migrationBuilder.DropTable(
                name: "ReceptionRequests");

            migrationBuilder.DropTable(
                name: "ReceptionOfficials");
        }
    }
}
