using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClientDesk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AppointmentContactIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Email",
                table: "Appointments",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PersonalCode",
                table: "Appointments",
                column: "PersonalCode");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Phone",
                table: "Appointments",
                column: "Phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_Email",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_PersonalCode",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_Phone",
                table: "Appointments");
        }
    }
}
