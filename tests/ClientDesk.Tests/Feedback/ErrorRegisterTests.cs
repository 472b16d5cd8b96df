using System.Net;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Feedback.Errors;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Feedback;

/// <summary>The error register (C-7) over HTTP: recording from a case, an outcome or alone, done, validation, versions, scope.</summary>
public sealed class ErrorRegisterTests
{
    private static Dictionary<string, string> Form(int? locationId, string responsibleId, string dueOn = "2026-03-31") => new()
    {
        ["Input.LocationId"] = locationId?.ToString() ?? "",
        ["Input.WhatWentWrong"] = "Klientam nosūtījām nepareizu apliecības numuru.",
        ["Input.ClientAffected"] = "true",
        ["Input.Apology"] = "Atvainojamies par kļūdu apliecības numurā.",
        ["Input.ApologySentOn"] = "2026-03-16",
        ["Input.CorrectiveAction"] = "Izsūtīt labotu apliecību; pārbaudīt veidni.",
        ["Input.ResponsibleStaffId"] = responsibleId,
        ["Input.DueOn"] = dueOn,
    };

    [Theory, Providers]
    public async Task A_mistake_recorded_from_a_case_is_linked_to_the_case_and_takes_its_location(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var valmiera = await RegistersTestData.LocationIdAsync(app, "valmiera");
        var @case = await RegistersTestData.RegisterCaseAsync(app, "valmiera");
        var client = await app.SignInAsync("anna");

        var page = await (await client.GetAsync($"/staff/errors/new?case={@case.Number}", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.Contains(@case.Number, page);
        Assert.Contains($"<option value=\"{valmiera}\" selected=\"selected\">", page);

        var saved = await client.PostFormAsync($"/staff/errors/new?case={@case.Number}", Form(valmiera, officer.Id));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await app.WithDbAsync(db => db.ErrorRecords.AsNoTracking().SingleAsync());
        Assert.Equal((@case.Id, (int?)valmiera, officer.Id, officer.Id), (record.CaseId!.Value, record.LocationId, record.RecordedByStaffId, record.ResponsibleStaffId));
        Assert.Equal("Atvainojamies par kļūdu apliecības numurā.", record.Apology);
        Assert.Equal(new DateTime(2026, 3, 15, 22, 0, 0, DateTimeKind.Utc), record.ApologySentAtUtc);
        Assert.Equal(new DateOnly(2026, 3, 31), record.DueOn);
        Assert.Equal($"/staff/errors/{record.Id}", saved.Headers.Location!.OriginalString);
    }

    [Theory, Providers]
    public async Task A_mistake_recorded_from_a_desk_outcome_is_linked_to_it_and_the_visits_location(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var head = await app.CreateStaffAsync("rita", [Roles.RegionalHead], ["valmiera"]);
        var valmiera = await RegistersTestData.LocationIdAsync(app, "valmiera");
        var outcome = await RegistersTestData.OutcomeAsync(app, "valmiera", head.Id);
        var client = await app.SignInAsync("rita");

        var page = await (await client.GetAsync($"/staff/errors/new?outcome={outcome}", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.Contains("A007", page);
        Assert.Contains($"<option value=\"{valmiera}\" selected=\"selected\">", page);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/staff/errors/new?outcome={outcome}", Form(valmiera, head.Id))).StatusCode);
        var record = await app.WithDbAsync(db => db.ErrorRecords.AsNoTracking().SingleAsync());
        Assert.Equal(((int?)outcome, (int?)valmiera, (int?)null), (record.VisitOutcomeId, record.LocationId, record.CaseId));

        // An outcome at a location the member does not work at is not theirs to start from.
        var rigaOutcome = await RegistersTestData.OutcomeAsync(app, "riga", head.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/errors/new?outcome={rigaOutcome}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, Providers]
    public async Task A_mistake_recorded_on_its_own_with_no_client_affected_keeps_no_apology_and_is_later_marked_done(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var valmiera = await RegistersTestData.LocationIdAsync(app, "valmiera");
        var client = await app.SignInAsync("anna");
        var form = Form(valmiera, officer.Id);
        form["Input.ClientAffected"] = "false";
        form["Input.Apology"] = "";
        form["Input.ApologySentOn"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/staff/errors/new", form)).StatusCode);
        var record = await app.WithDbAsync(db => db.ErrorRecords.AsNoTracking().SingleAsync());
        Assert.Null(record.Apology);
        Assert.Null(record.ApologySentAtUtc);
        Assert.Null(record.CaseId);

        var empty = await client.PostFormAsync($"/staff/errors/{record.Id}?handler=done", new() { ["DoneNote"] = " ", ["Input.Version"] = record.Version.ToString() }, $"/staff/errors/{record.Id}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Aprakstiet, kas paveikts.", await empty.BodyAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var done = await client.PostFormAsync($"/staff/errors/{record.Id}?handler=done", new() { ["DoneNote"] = "Veidne salabota.", ["Input.Version"] = record.Version.ToString() }, $"/staff/errors/{record.Id}");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await app.WithDbAsync(db => db.ErrorRecords.AsNoTracking().SingleAsync());
        Assert.Equal("Veidne salabota.", after.DoneNote);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, after.DoneAtUtc);
        var list = await (await client.GetAsync("/staff/errors?state=done", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.Contains("Paveikts 17.03.2026.", list);
    }

    [Theory, Providers]
    public async Task Missing_fields_a_past_due_date_a_future_apology_and_an_unknown_staff_member_are_refused_with_messages_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var inactive = await app.CreateStaffAsync("gone", [Roles.CaseOfficer], ["valmiera"]);
        await app.WithDbAsync(async db => { (await db.Users.SingleAsync(u => u.Id == inactive.Id)).IsActive = false; await db.SaveChangesAsync(); });
        var riga = await RegistersTestData.LocationIdAsync(app, "riga");
        var client = await app.SignInAsync("anna", "en");

        var empty = await (await client.PostFormAsync("/staff/errors/new", new() { ["Input.ClientAffected"] = "true" })).BodyAsync();
        Assert.Contains("Choose one of your service locations.", empty);
        Assert.Contains("Please fill in “What went wrong”.", empty);
        Assert.Contains("Please fill in “Corrective action”.", empty);
        Assert.Contains("Please fill in “Apology to the client”.", empty);
        Assert.Contains("Give the date the apology was sent.", empty);
        Assert.Contains("Choose the responsible staff member from the list.", empty);
        Assert.Contains("Give the date it is due by.", empty);

        var form = Form(riga, "no-such-staff", "2026-03-16");
        form["Input.ApologySentOn"] = "2026-03-18";
        var wrong = await (await client.PostFormAsync("/staff/errors/new", form)).BodyAsync();
        Assert.Contains("Choose one of your service locations.", wrong);
        Assert.Contains("The due date cannot be in the past.", wrong);
        Assert.Contains("The apology's date cannot be in the future.", wrong);
        Assert.Contains("Choose the responsible staff member from the list.", wrong);

        var valmiera = await RegistersTestData.LocationIdAsync(app, "valmiera");
        var withInactive = await (await client.PostFormAsync("/staff/errors/new", Form(valmiera, inactive.Id))).BodyAsync();
        Assert.Contains("Choose the responsible staff member from the list.", withInactive);
        Assert.Equal(0, await app.WithDbAsync(db => db.ErrorRecords.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_change_from_a_stale_form_is_refused_with_a_clear_message_and_the_newer_change_is_kept(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        var valmiera = await RegistersTestData.LocationIdAsync(app, "valmiera");
        var client = await app.SignInAsync("anna");
        await client.PostFormAsync("/staff/errors/new", Form(valmiera, officer.Id));
        var record = await app.WithDbAsync(db => db.ErrorRecords.AsNoTracking().SingleAsync());
        var stale = record.Version.ToString();

        var first = Form(valmiera, officer.Id, "2026-04-10");
        first["Input.Version"] = stale;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/staff/errors/{record.Id}", first)).StatusCode);

        var second = Form(valmiera, officer.Id, "2026-04-20");
        second["Input.Version"] = stale;
        var refused = await client.PostFormAsync($"/staff/errors/{record.Id}", second);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kamēr labojāt, kāds cits šos datus jau mainīja.", await refused.BodyAsync());
        var doneStale = await client.PostFormAsync($"/staff/errors/{record.Id}?handler=done", new() { ["DoneNote"] = "Izdarīts.", ["Input.Version"] = stale }, $"/staff/errors/{record.Id}");
        Assert.Contains("Kamēr labojāt, kāds cits šos datus jau mainīja.", await doneStale.BodyAsync());

        var kept = await app.WithDbAsync(db => db.ErrorRecords.AsNoTracking().SingleAsync());
        Assert.Equal(new DateOnly(2026, 4, 10), kept.DueOn);
        Assert.Null(kept.DoneAtUtc);
    }

    [Theory, Providers]
    public async Task The_register_shows_a_member_only_their_locations_overdue_ones_first_in_words_and_the_director_everything(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.CreateStaffAsync("anna", [Roles.CaseOfficer], ["valmiera"]);
        await app.CreateStaffAsync("direktors", [Roles.Director]);
        await app.CreateStaffAsync("ilze", [Roles.ClientServiceSpecialist], ["valmiera"]);
        var valmiera = await RegistersTestData.LocationIdAsync(app, "valmiera");
        var riga = await RegistersTestData.LocationIdAsync(app, "riga");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        ErrorRecord Record(int location, string what, DateOnly due) => new()
        {
            RecordedAtUtc = now, RecordedByStaffId = officer.Id, LocationId = location, WhatWentWrong = what,
            CorrectiveAction = "Labot.", ResponsibleStaffId = officer.Id, DueOn = due,
        };
        var rigaId = await app.WithDbAsync(async db =>
        {
            db.ErrorRecords.Add(Record(valmiera, "Valmieras kļūda laikā", new DateOnly(2026, 3, 30)));
            db.ErrorRecords.Add(Record(valmiera, "Valmieras nokavētā kļūda", new DateOnly(2026, 3, 12)));
            var inRiga = Record(riga, "Rīgas kļūda", new DateOnly(2026, 3, 20));
            db.ErrorRecords.Add(inRiga);
            await db.SaveChangesAsync();
            return inRiga.Id;
        });

        var client = await app.SignInAsync("anna");
        var list = await (await client.GetAsync("/staff/errors", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.DoesNotContain("Rīgas kļūda", list);
        Assert.Contains("Nokavēts — dienas pēc termiņa: 5", list);
        Assert.True(list.IndexOf("Valmieras nokavētā kļūda", StringComparison.Ordinal) < list.IndexOf("Valmieras kļūda laikā", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/errors/{rigaId}", TestContext.Current.CancellationToken)).StatusCode);

        var director = await app.SignInAsync("direktors");
        var all = await (await director.GetAsync("/staff/errors", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.Contains("Rīgas kļūda", all);
        var onlyRiga = await (await director.GetAsync("/staff/errors?location=riga", TestContext.Current.CancellationToken)).BodyAsync();
        Assert.DoesNotContain("Valmieras", onlyRiga);

        await RegistersTestData.AssertForbiddenAsync(await app.SignInAsync("ilze"), "/staff/errors");
    }
}
