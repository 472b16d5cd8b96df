using ClientDesk.Platform;
using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Booking.Desk;

/// <summary>
/// The staff booking desk over HTTP (S-6, VAL-2): booking for a client through every other channel, the day view with
/// search and marks, moves and cancellations with a reason for the client, and the bookings a calendar change hit.
/// The test clock is Tuesday 17 March 2026, 09:00 in Riga; Valmiera serves by appointment 8:30–18:00 on Tuesdays.
/// </summary>
public sealed partial class DeskTests
{
    private static readonly DateOnly Today = new(2026, 3, 17);
    private static readonly DateOnly Tuesday = new(2026, 3, 24);
    private static readonly DateOnly Wednesday = new(2026, 3, 25);
    private static readonly TimeOnly Ten = new(10, 0);
    private const string Service = "theory-exam-traffic";
    private const string StepOne = "/staff/bookings/new?location=valmiera&service=theory-exam-traffic&machines=1&channel=Phone&date=2026-03-24";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Desk(TestApp App, HttpClient Client, string StaffId, int Location, int ServiceId);

    private static async Task<Desk> StartAsync(TestApp app, int seats = 1, int keptForStaff = 0, string culture = "lv")
    {
        var (location, service) = await app.WithDbAsync(async db =>
        {
            var valmiera = await db.Locations.SingleAsync(l => l.Slug == "valmiera", Ct);
            valmiera.BookingSeats = seats;
            valmiera.SeatsKeptForStaff = keptForStaff;
            await db.SaveChangesAsync(Ct);
            return (valmiera.Id, await db.Services.Where(s => s.Code == Service).Select(s => s.Id).SingleAsync(Ct));
        });
        var staff = await app.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist], ["valmiera"]);
        return new Desk(app, await app.SignInAsync("ilze", culture), staff.Id, location, service);
    }

    private static async Task<BookingOutcome.Booked> BookAsync(Desk desk, DateOnly date, TimeOnly start, string name = "Jānis Bērziņš", string? phone = "29123456", BookingChannels channel = BookingChannels.Web, string? slug = null)
    {
        await using var scope = desk.App.Services.CreateAsyncScope();
        var location = slug is null ? desk.Location : await desk.App.WithDbAsync(db => db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync(Ct));
        var outcome = await scope.ServiceProvider.GetRequiredService<Bookings>().BookAsync(
            new BookingRequest(location, desk.ServiceId, date, start, 1, channel, new ClientDetails(name, phone, null), channel == BookingChannels.Web ? null : desk.StaffId), Ct);
        return Assert.IsType<BookingOutcome.Booked>(outcome);
    }

    private static Dictionary<string, string> Booking(string start = "10:00", string name = "Anna Kalniņa", string phone = "26123456", string channel = "Phone") => new()
    {
        ["Location"] = "valmiera",
        ["Service"] = Service,
        ["Machines"] = "1",
        ["Channel"] = channel,
        ["Date"] = "2026-03-24",
        ["Start"] = start,
        ["Client.Name"] = name,
        ["Client.Phone"] = phone,
        ["Client.Language"] = "lv",
    };

    private static Task<HttpResponseMessage> PostBookingAsync(Desk desk, Dictionary<string, string> fields) =>
        desk.Client.PostFormAsync("/staff/bookings/new", fields, StepOne);

    private static Task<List<Appointment>> AppointmentsAsync(TestApp app) =>
        app.WithDbAsync(db => db.Appointments.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Ct));

    [Theory, Providers]
    public async Task Staff_book_a_caller_by_phone_and_the_channel_and_the_staff_member_are_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);

        var form = await desk.Client.GetStringAsync(StepOne, Ct);
        Assert.Contains("value=\"10:00\"", form, StringComparison.Ordinal);
        var response = await PostBookingAsync(desk, Booking());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await AppointmentsAsync(app));
        Assert.Equal((BookingChannels.Phone, desk.StaffId, "Anna Kalniņa", "26123456", Tuesday, Ten),
            (stored.Channel, stored.BookedByStaffId, stored.ClientName, stored.Phone, stored.Date, stored.Start));
        Assert.Equal("/staff/bookings/new?booked=" + stored.Reference, response.Headers.Location!.OriginalString);
        var confirmation = await desk.Client.GetStringAsync(response.Headers.Location.OriginalString, Ct);
        Assert.Contains(stored.Reference, confirmation, StringComparison.Ordinal);
        var token = ManageLink().Match(confirmation);
        Assert.True(token.Success, "The confirmation shows the manage link.");
        Assert.Equal(stored.Reference, token.Groups[1].Value);
        Assert.Equal(SecretLinks.Hash(WebUtility.HtmlDecode(token.Groups[2].Value)), stored.ManageTokenHash);

        // The link is shown once: reading the page again shows no token.
        Assert.DoesNotMatch(ManageLink(), await desk.Client.GetStringAsync(response.Headers.Location.OriginalString, Ct));
    }

    [Theory, Providers]
    public async Task Staff_fill_the_seat_kept_for_staff_that_the_web_cannot(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app, seats: 2, keptForStaff: 1);
        await BookAsync(desk, Tuesday, Ten);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var web = await scope.ServiceProvider.GetRequiredService<Bookings>().AvailabilityAsync(desk.Location, desk.ServiceId, 1, Tuesday, Tuesday, BookingChannels.Web, Ct);
            Assert.DoesNotContain(web!.Single().Times, t => t.Start == Ten);
        }

        Assert.Contains("brīvas vietas: 1", TimeLabel(await desk.Client.GetStringAsync(StepOne, Ct), "10:00"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostBookingAsync(desk, Booking())).StatusCode);

        var appointments = await AppointmentsAsync(app);
        Assert.Equal(2, appointments.Count(a => a.Date == Tuesday && a.Start == Ten));
        Assert.All(appointments, a => Assert.Null(a.OverCapacityReason));
    }

    [Theory, Providers]
    public async Task Over_capacity_is_refused_without_a_reason_and_accepted_and_audited_with_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);
        await BookAsync(desk, Tuesday, Ten);
        Assert.Contains("aizņemts", TimeLabel(await desk.Client.GetStringAsync(StepOne, Ct), "10:00"), StringComparison.Ordinal);

        var full = await PostBookingAsync(desk, Booking());
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains("Laiks 10:00 ir aizņemts", WebUtility.HtmlDecode(await full.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var withoutReason = Booking();
        withoutReason["OverCapacity"] = "true";
        var refused = await PostBookingAsync(desk, withoutReason);
        Assert.Contains("Lai pierakstītu virs ietilpības, norādiet iemeslu.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Single(await AppointmentsAsync(app));

        var withReason = Booking();
        withReason["OverCapacity"] = "true";
        withReason["OverCapacityReason"] = "Farmer drove 80 km";
        Assert.Equal(HttpStatusCode.Redirect, (await PostBookingAsync(desk, withReason)).StatusCode);

        var over = (await AppointmentsAsync(app)).Last();
        Assert.Equal(("Farmer drove 80 km", Ten, desk.StaffId), (over.OverCapacityReason, over.Start, over.BookedByStaffId));
        // A new appointment's key is not known before the save; its entry is found by the reference it records.
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Appointment)).ToListAsync(Ct));
        var added = Assert.Single(audit, e => e.Changes.Contains(over.Reference, StringComparison.Ordinal));
        Assert.Equal((desk.StaffId, "Added"), (added.StaffId, added.Action));
        Assert.Contains("\"OverCapacityReason\":[null,\"Farmer drove 80 km\"]", added.Changes, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_client_without_phone_and_email_is_refused_with_a_clear_message_in_Latvian_and_English(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);
        var english = await app.CreateStaffAsync("maris", [Roles.ClientServiceSpecialist], ["valmiera"]);
        var englishClient = await app.SignInAsync("maris", "en");

        var latvian = await PostBookingAsync(desk, Booking(phone: ""));
        var inEnglish = await englishClient.PostFormAsync("/staff/bookings/new", Booking(phone: ""), StepOne);

        Assert.Contains("Norādiet tālruni vai e-pastu (vismaz vienu)", WebUtility.HtmlDecode(await latvian.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("Give a phone number or an e-mail address (at least one)", WebUtility.HtmlDecode(await inEnglish.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Empty(await AppointmentsAsync(app));

        // A letter by post may give neither, when the note holds the postal address.
        var post = Booking(phone: "", channel: "Post");
        Assert.Contains("ierakstiet piezīmē klienta pasta adresi", WebUtility.HtmlDecode(await (await PostBookingAsync(desk, post)).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        post["Client.Note"] = "Rīgas iela 1, Valmiera, LV-4201";
        Assert.Equal(HttpStatusCode.Redirect, (await PostBookingAsync(desk, post)).StatusCode);
        var stored = Assert.Single(await AppointmentsAsync(app));
        Assert.Equal((BookingChannels.Post, (string?)null, (string?)null), (stored.Channel, stored.Phone, stored.Email));
        Assert.NotNull(english);
    }

    [Theory, Providers]
    public async Task An_invalid_personal_code_or_company_number_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);

        var badCode = Booking();
        badCode["Client.PersonalCode"] = "120380-12346";
        var badCompany = Booking();
        badCompany["Client.CompanyNumber"] = "40003012345";

        Assert.Contains("Personas kods nav derīgs", WebUtility.HtmlDecode(await (await PostBookingAsync(desk, badCode)).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("Uzņēmuma reģistrācijas numurs nav derīgs", WebUtility.HtmlDecode(await (await PostBookingAsync(desk, badCompany)).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Empty(await AppointmentsAsync(app));

        var good = Booking();
        good["Client.PersonalCode"] = "321234-56789";
        good["Client.CompanyNumber"] = "40003032949";
        Assert.Equal(HttpStatusCode.Redirect, (await PostBookingAsync(desk, good)).StatusCode);
        var stored = Assert.Single(await AppointmentsAsync(app));
        Assert.Equal(("321234-56789", "40003032949"), (stored.PersonalCode, stored.CompanyNumber));
    }

    [Theory, Providers]
    public async Task The_day_view_lists_the_days_appointments_in_time_order_and_search_finds_by_reference_name_and_phone(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);
        var late = await BookAsync(desk, Tuesday, new TimeOnly(14, 0), "Pēteris Ozols", "27111222");
        var early = await BookAsync(desk, Tuesday, Ten, "Jānis Bērziņš", "29123456", BookingChannels.Phone);
        var otherDay = await BookAsync(desk, Wednesday, Ten, "Līga Liepa", "26999888");

        var day = WebUtility.HtmlDecode(await desk.Client.GetStringAsync("/staff/bookings?location=valmiera&date=2026-03-24", Ct));
        Assert.True(day.IndexOf(early.Appointment.Reference, StringComparison.Ordinal) < day.IndexOf(late.Appointment.Reference, StringComparison.Ordinal));
        Assert.DoesNotContain(otherDay.Appointment.Reference, day, StringComparison.Ordinal);
        Assert.Contains("Pa tālruni", day, StringComparison.Ordinal);
        Assert.Contains("Test ilze", day, StringComparison.Ordinal); // who booked
        Assert.Contains("10:00–10:30", day, StringComparison.Ordinal);

        async Task<string> SearchAsync(string q) => WebUtility.HtmlDecode(await desk.Client.GetStringAsync(
            "/staff/bookings?location=valmiera&date=2026-03-17&q=" + Uri.EscapeDataString(q), Ct));
        var byReference = await SearchAsync(otherDay.Appointment.Reference.ToLowerInvariant());
        var byName = await SearchAsync("berzins");
        var byPhone = await SearchAsync("+371 27 111 222");

        Assert.Contains("Atrasti pieraksti: 1", byReference, StringComparison.Ordinal);
        Assert.Contains("Līga Liepa", byReference, StringComparison.Ordinal);
        Assert.Contains("Atrasti pieraksti: 1", byName, StringComparison.Ordinal);
        Assert.Contains(early.Appointment.Reference, byName, StringComparison.Ordinal);
        Assert.Contains("Atrasti pieraksti: 1", byPhone, StringComparison.Ordinal);
        Assert.Contains(late.Appointment.Reference, byPhone, StringComparison.Ordinal);
        Assert.Contains("Atrasti pieraksti: 0", await SearchAsync("Kalniņš"), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Staff_see_and_change_only_the_locations_in_their_scope(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);
        var gulbene = await BookAsync(desk, Tuesday, Ten, slug: "gulbene");
        var id = gulbene.Appointment.Id;
        await app.CreateStaffAsync("inspektors", [Roles.Inspector], ["valmiera"]);
        var inspector = await app.SignInAsync("inspektors");

        Assert.Equal(HttpStatusCode.NotFound, (await desk.Client.GetAsync("/staff/bookings?location=gulbene", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Client.GetAsync($"/staff/bookings/{id}/move", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Client.GetAsync($"/staff/bookings/{id}/cancel", Ct)).StatusCode);
        var picker = await desk.Client.GetStringAsync("/staff/bookings", Ct);
        Assert.Contains("value=\"valmiera\"", picker, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"gulbene\"", picker, StringComparison.Ordinal);
        var foreign = Booking();
        foreign["Location"] = "gulbene";
        Assert.Contains("Izvēlieties struktūrvienību.", WebUtility.HtmlDecode(await (await PostBookingAsync(desk, foreign)).Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var cancel = await desk.Client.PostFormAsync($"/staff/bookings/{id}/cancel", new() { ["Reason"] = "x" }, StepOne);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);

        var denied = await inspector.GetAsync("/staff/bookings", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/staff/access-denied", denied.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, (await AppointmentsAsync(app)).Single().Status);
    }

    [Theory, Providers]
    public async Task The_desk_marks_a_client_arrived_or_not_come_and_can_take_the_mark_back(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);
        var today = await BookAsync(desk, Today, new TimeOnly(11, 0), channel: BookingChannels.InPerson);
        var coming = await BookAsync(desk, Tuesday, Ten);
        const string DayPage = "/staff/bookings?location=valmiera&date=2026-03-17";

        Task<HttpResponseMessage> MarkAsync(int id, string status) =>
            desk.Client.PostFormAsync("/staff/bookings?handler=Mark", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = status }, DayPage);
        async Task<AppointmentStatus> StatusAsync(int id) => await app.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(Ct));

        // Each mark form carries its own antiforgery token, and a coming appointment offers no arrival buttons.
        var dayPage = await desk.Client.GetStringAsync(DayPage, Ct);
        Assert.Matches("<form method=\"post\" action=\"/staff/bookings\\?handler=Mark\">\\s*<input type=\"hidden\" name=\"id\"[^>]*>(?:(?!</form>)[\\s\\S])*__RequestVerificationToken", dayPage);
        var tuesdayPage = await desk.Client.GetStringAsync("/staff/bookings?location=valmiera&date=2026-03-24", Ct);
        Assert.Contains(coming.Appointment.Reference, tuesdayPage, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Arrived\"", tuesdayPage, StringComparison.Ordinal);

        var arrived = await MarkAsync(today.Appointment.Id, "Arrived");
        Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);
        Assert.Equal(AppointmentStatus.Arrived, await StatusAsync(today.Appointment.Id));
        Assert.Contains("ieradās", WebUtility.HtmlDecode(await desk.Client.GetStringAsync(DayPage, Ct)), StringComparison.Ordinal);
        await MarkAsync(today.Appointment.Id, "Booked");
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(today.Appointment.Id));
        await MarkAsync(today.Appointment.Id, "NoShow");
        Assert.Equal(AppointmentStatus.NoShow, await StatusAsync(today.Appointment.Id));
        var marked = await app.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == today.Appointment.Id, Ct));
        Assert.Equal(desk.StaffId, marked.MarkedByStaffId);

        // A coming appointment cannot be marked before its day.
        await MarkAsync(coming.Appointment.Id, "Arrived");
        Assert.Equal(AppointmentStatus.Booked, await StatusAsync(coming.Appointment.Id));
        Assert.Contains("var atzīmēt tikai pieraksta dienā", WebUtility.HtmlDecode(await desk.Client.GetStringAsync(DayPage, Ct)), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Staff_move_an_appointment_only_with_a_reason_for_the_client(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);
        var booked = await BookAsync(desk, Tuesday, Ten);
        var id = booked.Appointment.Id;
        var page = $"/staff/bookings/{id}/move?date=2026-03-25";
        var form = await desk.Client.GetStringAsync(page, Ct);
        Assert.Contains("value=\"14:00\"", form, StringComparison.Ordinal);

        var noReason = await desk.Client.PostFormAsync($"/staff/bookings/{id}/move", new() { ["Date"] = "2026-03-25", ["Start"] = "14:00", ["Reason"] = " " }, page);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Norādiet iemeslu, ko paziņot klientam.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal((Tuesday, Ten), await app.WithDbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => new ValueTuple<DateOnly, TimeOnly>(a.Date, a.Start)).SingleAsync(Ct)));

        var moved = await desk.Client.PostFormAsync($"/staff/bookings/{id}/move", new() { ["Date"] = "2026-03-25", ["Start"] = "14:00", ["Reason"] = "Eksaminētājs slims" }, page);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var stored = await app.WithDbAsync(db => db.Appointments.Include(a => a.Seats).AsNoTracking().SingleAsync(a => a.Id == id, Ct));
        Assert.Equal((Wednesday, new TimeOnly(14, 0), 1), (stored.Date, stored.Start, stored.MoveCount));
        Assert.All(stored.Seats, s => Assert.Equal(Wednesday, s.Date));
        Assert.Contains("pārcelts", WebUtility.HtmlDecode(await desk.Client.GetStringAsync(moved.Headers.Location!.OriginalString, Ct)), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Staff_cancel_with_a_reason_and_the_freed_time_can_be_booked_on_the_web_again(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);
        var booked = await BookAsync(desk, Tuesday, Ten);
        var id = booked.Appointment.Id;
        var page = $"/staff/bookings/{id}/cancel";

        var noReason = await desk.Client.PostFormAsync(page, new() { ["Reason"] = "" }, page);
        Assert.Contains("Norādiet iemeslu, ko paziņot klientam.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, (await AppointmentsAsync(app)).Single().Status);

        var cancelled = await desk.Client.PostFormAsync(page, new() { ["Reason"] = "Eksāmens šajā dienā nenotiks" }, page);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var stored = (await AppointmentsAsync(app)).Single();
        Assert.Equal((AppointmentStatus.Cancelled, "Eksāmens šajā dienā nenotiks", desk.StaffId), (stored.Status, stored.CancelReason, stored.CancelledByStaffId));
        Assert.Equal(0, await app.WithDbAsync(db => db.Seats.CountAsync(Ct)));

        await BookAsync(desk, Tuesday, Ten, "Cits Klients", "26000111");
    }

    [Theory, Providers]
    public async Task Bookings_on_a_new_one_off_holiday_are_listed_and_moved_in_bulk_to_the_first_free_times_on_another_day(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);
        var first = await BookAsync(desk, Tuesday, Ten, "Jānis Bērziņš", "29123456");
        var second = await BookAsync(desk, Tuesday, new TimeOnly(10, 30), "Pēteris Ozols", "27111222");
        var untouched = await BookAsync(desk, Wednesday, Ten, "Līga Liepa", "26999888");
        Assert.DoesNotContain("Kalendāra izmaiņas skar pierakstus", await desk.Client.GetStringAsync("/staff", Ct), StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            db.SpecialDays.Add(new SpecialDay { Date = Tuesday, Kind = SpecialDayKind.OneOffHoliday, NameLv = "Valsts sēru diena", NameEn = "Day of mourning" });
            await db.SaveChangesAsync(Ct);
        });

        var affected = WebUtility.HtmlDecode(await desk.Client.GetStringAsync("/staff/bookings/affected", Ct));
        Assert.Contains("Iestāde šajā dienā ir slēgta: Valsts sēru diena", affected, StringComparison.Ordinal);
        Assert.Contains(first.Appointment.Reference, affected, StringComparison.Ordinal);
        Assert.Contains(second.Appointment.Reference, affected, StringComparison.Ordinal);
        Assert.DoesNotContain(untouched.Appointment.Reference, affected, StringComparison.Ordinal);
        Assert.Contains("Kalendāra izmaiņas skar pierakstus: 2", WebUtility.HtmlDecode(await desk.Client.GetStringAsync("/staff", Ct)), StringComparison.Ordinal);
        Assert.Contains("Kalendāra izmaiņas skar pierakstus: 2", WebUtility.HtmlDecode(await desk.Client.GetStringAsync("/staff/bookings", Ct)), StringComparison.Ordinal);
        var admin = await app.SignInAsAdministratorAsync();
        Assert.Contains("Kalendāra izmaiņas skar pierakstus: 2", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/calendar/special-days?year=2026", Ct)), StringComparison.Ordinal);

        // Wednesday 10:00 is taken, so the first goes to 10:30 and the second to the next free time after its own.
        var response = await PostManyAsync(desk.Client, "/staff/bookings/affected",
        [
            new("ids", first.Appointment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ids", second.Appointment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("date", "2026-03-25"),
            new("reason", "Iestāde šajā dienā ir slēgta"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = (await AppointmentsAsync(app)).ToDictionary(a => a.Id);
        Assert.Equal((Wednesday, new TimeOnly(10, 30)), (stored[first.Appointment.Id].Date, stored[first.Appointment.Id].Start));
        Assert.Equal((Wednesday, new TimeOnly(11, 0)), (stored[second.Appointment.Id].Date, stored[second.Appointment.Id].Start));
        Assert.Equal((Wednesday, Ten), (stored[untouched.Appointment.Id].Date, stored[untouched.Appointment.Id].Start));
        var report = WebUtility.HtmlDecode(await desk.Client.GetStringAsync("/staff/bookings/affected", Ct));
        Assert.Contains($"{first.Appointment.Reference} (Jānis Bērziņš): pārcelts", report, StringComparison.Ordinal);
        Assert.Contains("Nav pierakstu, ko skartu kalendāra izmaiņas.", report, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_bulk_move_to_a_day_without_free_times_leaves_the_bookings_for_handling_one_by_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var desk = await StartAsync(app);
        var booked = await BookAsync(desk, Tuesday, Ten);
        await app.WithDbAsync(async db =>
        {
            db.LocationClosures.Add(new LocationClosure { LocationId = desk.Location, StartsOn = Tuesday, EndsOn = Wednesday, ReasonLv = "Remonts", ReasonEn = "Repairs" });
            await db.SaveChangesAsync(Ct);
        });

        Assert.Contains("Iestāde šajā dienā ir slēgta: Remonts", WebUtility.HtmlDecode(await desk.Client.GetStringAsync("/staff/bookings/affected", Ct)), StringComparison.Ordinal);
        await PostManyAsync(desk.Client, "/staff/bookings/affected",
            [new("ids", booked.Appointment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("date", "2026-03-25"), new("reason", "Remonts")]);

        Assert.Equal((Tuesday, Ten), await app.WithDbAsync(db => db.Appointments.Select(a => new ValueTuple<DateOnly, TimeOnly>(a.Date, a.Start)).SingleAsync(Ct)));
        Assert.Contains("brīva laika nav", WebUtility.HtmlDecode(await desk.Client.GetStringAsync("/staff/bookings/affected", Ct)), StringComparison.Ordinal);
    }

    /// <summary>A form post with repeated fields (several checkboxes of one name), with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostManyAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url, Ct);
        var token = Token().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {url}.");
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>The label text next to a time's radio button on the staff booking page.</summary>
    private static string TimeLabel(string page, string time)
    {
        var match = Regex.Match(page, $"value=\"{time}\"[^>]*>\\s*<span><strong>{time.TrimStart('0')}</strong> <span class=\"hint\">([^<]*)</span>");
        Assert.True(match.Success, $"No time {time} on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("/booking/([A-Z0-9]{8})\\?token=([A-Za-z0-9_\\-]+)")]
    private static partial Regex ManageLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
