using System.Net;
using ClientDesk.Access;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Administration;

/// <summary>
/// The calendar administration (/admin/calendar): schedule rules, location closures and special days, their checks,
/// their previews, and the cached calendar that the rest of the app reads after a save. Today is Tuesday 17 March 2026.
/// </summary>
public sealed class ScheduleAdministrationTests
{
    private static readonly DateOnly Today = new(2026, 3, 17);

    // ---- schedule rules ----

    [Theory, Providers]
    public async Task A_new_walk_in_rule_on_fridays_is_saved_beside_the_appointments_and_opens_the_location(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("en");
        var riga = await LocationIdAsync(app, "riga");

        var saved = await NewRule(await HtmlForm.LoadAsync(admin, "/admin/calendar/rules/new"), riga).PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/admin/calendar/rules", saved.Headers.Location!.OriginalString);
        var list = await admin.GetStringAsync("/admin/calendar/rules", ct);
        Assert.Contains("The rule “Friday walk-in” has been saved.", list);
        Assert.Contains("friday-walk-in", list);
        var friday = (await CachedCalendarAsync(app)).Day(riga, new DateOnly(2026, 3, 20));
        Assert.Contains(friday.Periods, p => p.Kind == WindowKind.WalkIn && p.Start == new TimeOnly(9, 0) && p.End == new TimeOnly(12, 0)
            && p.Breaks.SequenceEqual([new TimeRange(new TimeOnly(10, 0), new TimeOnly(10, 15))]));
        Assert.Contains(friday.Periods, p => p.Kind == WindowKind.Appointment);
        var audit = await admin.GetStringAsync("/admin/audit?type=ScheduleRule", ct);
        Assert.Contains("Schedule rule", audit);
        Assert.Contains("friday-walk-in", audit);
    }

    [Theory, Providers]
    public async Task Each_invalid_rule_gets_its_message_in_the_users_language_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var english = await app.SignInAsAdministratorAsync("en");
        using var latvian = await app.SignInAsAdministratorAsync("lv");
        var riga = await LocationIdAsync(app, "riga");
        var before = await app.WithDbAsync(db => db.ScheduleRules.CountAsync(ct));
        var breaksBefore = await app.WithDbAsync(db => db.Set<ScheduleBreak>().CountAsync(ct));

        async Task<string> Post(HttpClient client, Func<HtmlForm, HtmlForm> change) =>
            await change(NewRule(await HtmlForm.LoadAsync(client, "/admin/calendar/rules/new"), riga)).PostRefusedAsync(client);

        Assert.Contains("Please fill in “Name in Latvian”.", await Post(english, f => f.Set("Input.NameLv", "")));
        Assert.Contains("Lūdzu, aizpildiet laukumu “Nosaukums angliski”.", await Post(latvian, f => f.Set("Input.NameEn", " ")));
        Assert.Contains("“Code” may contain only lowercase Latin letters, digits and hyphens", await Post(english, f => f.Set("Input.Code", "Friday Walk-in")));
        Assert.Contains("Laukumā “Kods” drīkst būt tikai mazie latīņu burti", await Post(latvian, f => f.Set("Input.Code", "-friday")));
        Assert.Contains("The code “s3-walk-in-tuesdays” is already used.", await Post(english, f => f.Set("Input.Code", "s3-walk-in-tuesdays")));
        Assert.Contains("Choose at least one weekday.", await Post(english, f => f.Set("Input.Days")));
        Assert.Contains("Izvēlieties vismaz vienu nedēļas dienu.", await Post(latvian, f => f.Set("Input.Days")));
        Assert.Contains("The end must be later than the start.", await Post(english, f => f.Set("Input.End", "09:00")));
        Assert.Contains("Beigām jābūt vēlāk par sākumu.", await Post(latvian, f => f.Set("Input.Start", "12:00").Set("Input.End", "11:00")));
        Assert.Contains("Break 1 must end later than it starts.", await Post(english, f => f.Set("Input.Breaks[0].End", "09:45")));
        Assert.Contains("Break 2 must lie within the hours 9:00–12:00.",
            await Post(english, f => f.Set("Input.Breaks[1].Start", "11:30").Set("Input.Breaks[1].End", "12:30")));
        Assert.Contains("1. un 2. pārtraukums pārklājas.",
            await Post(latvian, f => f.Set("Input.Breaks[1].Start", "10:10").Set("Input.Breaks[1].End", "10:30")));
        Assert.Contains("Enter both the start and the end of break 3, or leave both empty.", await Post(english, f => f.Set("Input.Breaks[2].Start", "11:00")));
        Assert.Contains("“Valid to” cannot be before “Valid from”.",
            await Post(english, f => f.Set("Input.ValidFrom", "2026-05-01").Set("Input.ValidTo", "2026-04-30")));
        Assert.Contains("Laukumā “Spēkā no” ierakstiet datumu no 2000. līdz 2100. gadam.", await Post(latvian, f => f.Set("Input.ValidFrom", "1999-12-31")));

        // Booking details belong to appointments, and an appointment needs them complete.
        Assert.Contains("“Booking channels” applies only to appointments. Leave it empty for a walk-in rule.",
            await Post(english, f => f.Set("Input.Channels", nameof(BookingChannels.Phone))));
        Assert.Contains("“Booking phone” applies only to appointments.", await Post(english, f => f.Set("Input.BookingPhone", "25594590")));
        Assert.Contains("“Pieraksta termiņš” attiecas tikai uz pieņemšanu pēc pieraksta.",
            await Post(latvian, f => f.Set("Input.CutoffKind", nameof(CutoffKind.DaysBefore)).Set("Input.CutoffDaysBefore", "1").Set("Input.CutoffTime", "15:00")));
        HtmlForm Appointment(HtmlForm f) => f.Set("Input.Kind", nameof(WindowKind.Appointment)).Set("Input.Channels", nameof(BookingChannels.Phone));
        Assert.Contains("Choose at least one booking channel for an appointment rule.", await Post(english, f => Appointment(f).Set("Input.Channels")));
        Assert.Contains("Izvēlieties vismaz vienu pieraksta kanālu.", await Post(latvian, f => Appointment(f).Set("Input.Channels")));
        var incomplete = await Post(english, f => Appointment(f).Set("Input.CutoffKind", nameof(CutoffKind.WeekdayOfSameWeek)));
        Assert.Contains("Choose the weekday of the booking cut-off.", incomplete);
        Assert.Contains("Enter the time of the booking cut-off.", incomplete);
        Assert.Contains("The number of days before must be between 0 and 60.",
            await Post(english, f => Appointment(f).Set("Input.CutoffKind", nameof(CutoffKind.DaysBefore)).Set("Input.CutoffDaysBefore", "61").Set("Input.CutoffTime", "15:00")));
        Assert.Contains("A cut-off on Wednesday comes after Tuesday, a day of this rule in the same week.",
            await Post(english, f => Appointment(f).Set("Input.Days", nameof(Weekdays.Tuesday), nameof(Weekdays.Friday))
                .Set("Input.CutoffKind", nameof(CutoffKind.WeekdayOfSameWeek)).Set("Input.CutoffWeekday", nameof(DayOfWeek.Wednesday)).Set("Input.CutoffTime", "17:00")));
        Assert.Contains("Termiņš “trešdiena” ir vēlāk nekā noteikuma diena “otrdiena” tajā pašā nedēļā.",
            await Post(latvian, f => Appointment(f).Set("Input.Days", nameof(Weekdays.Tuesday))
                .Set("Input.CutoffKind", nameof(CutoffKind.WeekdayOfSameWeek)).Set("Input.CutoffWeekday", nameof(DayOfWeek.Wednesday)).Set("Input.CutoffTime", "17:00")));

        Assert.Equal(before, await app.WithDbAsync(db => db.ScheduleRules.CountAsync(ct)));
        Assert.Equal(breaksBefore, await app.WithDbAsync(db => db.Set<ScheduleBreak>().CountAsync(ct)));
    }

    [Theory, Providers]
    public async Task A_rule_cannot_replace_itself(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var english = await app.SignInAsAdministratorAsync("en");
        using var latvian = await app.SignInAsAdministratorAsync("lv");
        var id = await RuleIdAsync(app, "s5-tuesdays-by-phone");
        var replaced = await app.WithDbAsync(db => db.ScheduleRules.Where(r => r.Id == id).SelectMany(r => r.Replaces).CountAsync(ct));

        var form = await HtmlForm.LoadAsync(english, $"/admin/calendar/rules/{id}/edit");
        var refused = await form.Set("Input.ReplacedRuleIds", [.. form.All("Input.ReplacedRuleIds"), id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .PostRefusedAsync(english);
        var latvianForm = await HtmlForm.LoadAsync(latvian, $"/admin/calendar/rules/{id}/edit");
        var refusedLv = await latvianForm.Set("Input.ReplacedRuleIds", [id]).PostRefusedAsync(latvian);

        Assert.Contains("A rule cannot replace itself.", refused);
        Assert.Contains("Noteikums nevar aizstāt pats sevi.", refusedLv);
        Assert.Equal(replaced, await app.WithDbAsync(db => db.ScheduleRules.Where(r => r.Id == id).SelectMany(r => r.Replaces).CountAsync(ct)));
    }

    [Theory, Providers]
    public async Task A_walk_in_window_overlapping_another_walk_in_window_at_a_location_is_refused_with_the_first_clash_named(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var english = await app.SignInAsAdministratorAsync("en");
        using var latvian = await app.SignInAsAdministratorAsync("lv");
        var valmiera = await LocationIdAsync(app, "valmiera");
        var before = await app.WithDbAsync(db => db.ScheduleRules.CountAsync(ct));

        HtmlForm Evening(HtmlForm form) => NewRule(form, valmiera).Set("Input.Code", "valmiera-evenings")
            .Set("Input.NameLv", "Vakara pieņemšana").Set("Input.NameEn", "Evening walk-in").Set("Input.Days", nameof(Weekdays.Monday))
            .Set("Input.Start", "16:00").Set("Input.End", "18:00").Set("Input.Breaks[0].Start", "").Set("Input.Breaks[0].End", "");
        var refused = await Evening(await HtmlForm.LoadAsync(english, "/admin/calendar/rules/new")).PostRefusedAsync(english);
        var refusedLv = await Evening(await HtmlForm.LoadAsync(latvian, "/admin/calendar/rules/new")).PostRefusedAsync(latvian);

        // S-4 opens Valmiera for walk-in clients 8:30–17:00 on Mondays; the first Monday from today is 23 March.
        Assert.Contains("Overlap on Monday 23 March 2026 at Valmiera: “Evening walk-in” (16:00–18:00) overlaps “Walk-in in Valmiera and Gulbene” (8:30–17:00).", refused);
        Assert.Contains("Pārklāšanās: pirmdiena, 2026. gada 23. marts, Valmiera — noteikums “Vakara pieņemšana” (16:00–18:00) pārklājas ar noteikumu “Pieņemšana bez pieraksta Valmierā un Gulbenē” (8:30–17:00).", refusedLv);
        Assert.Equal(before, await app.WithDbAsync(db => db.ScheduleRules.CountAsync(ct)));

        // From 17:00 on there is no other walk-in window: the same rule is accepted.
        var accepted = await Evening(await HtmlForm.LoadAsync(english, "/admin/calendar/rules/new")).Set("Input.Start", "17:00").PostAsync(english);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Theory, Providers]
    public async Task Every_shipped_rule_can_be_saved_unchanged_without_a_false_overlap(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("en");
        var ids = await app.WithDbAsync(db => db.ScheduleRules.OrderBy(r => r.Code).Select(r => r.Id).ToListAsync(ct));
        Assert.Equal(6, ids.Count);

        foreach (var id in ids)
        {
            var saved = await (await HtmlForm.LoadAsync(admin, $"/admin/calendar/rules/{id}/edit")).PostAsync(admin);
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"Rule {id}: {await saved.Content.ReadAsStringAsync(ct)}");
        }
    }

    [Theory, Providers]
    public async Task The_preview_shows_the_changed_hours_next_to_the_current_ones_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("en");
        var id = await RuleIdAsync(app, "s2-appointments-friday");
        var changesBefore = await app.WithDbAsync(db => db.CalendarChanges.CountAsync(ct));
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(ct));

        var form = await HtmlForm.LoadAsync(admin, $"/admin/calendar/rules/{id}/edit?handler=Preview");
        var preview = await form.Set("Input.End", "15:00").PostRefusedAsync(admin);

        Assert.Contains("Nothing has been saved yet.", preview);
        Assert.Contains("The rule applies at every location. Shown at three locations whose own rules differ: Riga (head office), Alūksne, Gulbene.", preview);
        Assert.Contains("<td>by appointment 8:30–16:00 (break 12:00–12:30)</td>", preview);
        Assert.Contains("<td>by appointment 8:30–15:00 (break 12:00–12:30)</td>", preview);
        Assert.Contains("Friday 20 March 2026", preview);
        Assert.Contains("Days that change: 2.", preview);
        Assert.Contains("<tr class=\"changed\">", preview);
        Assert.Contains("value=\"15:00\"", preview);
        Assert.Equal(new TimeOnly(16, 0), await app.WithDbAsync(db => db.ScheduleRules.Where(r => r.Id == id).Select(r => r.End).SingleAsync(ct)));
        Assert.Equal(changesBefore, await app.WithDbAsync(db => db.CalendarChanges.CountAsync(ct)));
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync(ct)));
    }

    [Theory, Providers]
    public async Task Editing_the_friday_appointments_to_end_at_15_changes_the_cached_calendar(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.SignInAsAdministratorAsync("lv");
        var id = await RuleIdAsync(app, "s2-appointments-friday");
        var riga = await LocationIdAsync(app, "riga");
        var friday = new DateOnly(2026, 3, 20);
        Assert.Equal(new TimeOnly(16, 0), (await CachedCalendarAsync(app)).Day(riga, friday).ClosesAt);

        var saved = await (await HtmlForm.LoadAsync(admin, $"/admin/calendar/rules/{id}/edit")).Set("Input.End", "15:00").PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var period = Assert.Single((await CachedCalendarAsync(app)).Day(riga, friday).Periods);
        Assert.Equal((WindowKind.Appointment, new TimeOnly(8, 30), new TimeOnly(15, 0)), (period.Kind, period.Start, period.End));
    }

    [Theory, Providers]
    public async Task A_rule_edit_made_from_a_stale_form_gets_the_concurrency_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var first = await app.SignInAsAdministratorAsync("en");
        using var second = await app.SignInAsAdministratorAsync("en");
        var id = await RuleIdAsync(app, "s2-appointments-friday");
        var firstForm = await HtmlForm.LoadAsync(first, $"/admin/calendar/rules/{id}/edit");
        var secondForm = await HtmlForm.LoadAsync(second, $"/admin/calendar/rules/{id}/edit");

        var saved = await firstForm.Set("Input.End", "15:00").PostAsync(first);
        var stale = await secondForm.Set("Input.End", "15:30").PostRefusedAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Someone else changed this while you were editing.", stale);
        Assert.Equal(new TimeOnly(15, 0), await app.WithDbAsync(db => db.ScheduleRules.Where(r => r.Id == id).Select(r => r.End).SingleAsync(ct)));
    }

    [Theory, Providers]
    public async Task A_special_day_edit_made_from_a_stale_form_gets_the_concurrency_message(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var first = await app.SignInAsAdministratorAsync("en");
        using var second = await app.SignInAsAdministratorAsync("lv");
        var id = await app.WithDbAsync(db => db.SpecialDays.Where(d => d.Date == new DateOnly(2023, 5, 29)).Select(d => d.Id).SingleAsync(ct));
        var firstForm = await HtmlForm.LoadAsync(first, $"/admin/calendar/special-days/{id}/edit");
        var secondForm = await HtmlForm.LoadAsync(second, $"/admin/calendar/special-days/{id}/edit");

        var saved = await firstForm.Set("Input.NameEn", "Hockey bronze day").PostAsync(first);
        var stale = await secondForm.Set("Input.NameEn", "Ice hockey day").PostRefusedAsync(second);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Kamēr labojāt, kāds cits šos datus jau mainīja.", stale);
        Assert.Equal("Hockey bronze day", await app.WithDbAsync(db => db.SpecialDays.Where(d => d.Id == id).Select(d => d.NameEn).SingleAsync(ct)));
    }

    // ---- closures ----

    [Theory, Providers]
    public async Task An_administrator_closes_a_location_and_the_cached_calendar_shows_it_closed_with_the_reason(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("en");
        var valmiera = await LocationIdAsync(app, "valmiera");
        var gulbene = await LocationIdAsync(app, "gulbene");
        Assert.True((await CachedCalendarAsync(app)).Day(valmiera, Today).Open);

        var preview = await NewClosure(await HtmlForm.LoadAsync(admin, "/admin/calendar/closures/new?handler=Preview"), valmiera, "2026-03-17", "2026-03-17")
            .PostRefusedAsync(admin);
        Assert.Contains("Tuesday 17 March 2026:</strong> walk-in and by appointment 8:30–18:00 (break 12:00–12:30)", preview);
        Assert.Contains("closed: Inspector on the road", preview);
        Assert.Equal(0, await app.WithDbAsync(db => db.LocationClosures.CountAsync(ct)));

        var saved = await NewClosure(await HtmlForm.LoadAsync(admin, "/admin/calendar/closures/new"), valmiera, "2026-03-17", "2026-03-17").PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Valmiera: the closure from Tuesday 17 March 2026 to Tuesday 17 March 2026 has been saved.", await admin.GetStringAsync("/admin/calendar/closures?location=valmiera", ct));
        var calendar = await CachedCalendarAsync(app);
        var closed = calendar.Day(valmiera, Today);
        Assert.False(closed.Open);
        Assert.Equal(ClosedBecause.Closure, closed.ClosedBecause);
        Assert.Equal(("Inspektors izbraukumā", "Inspector on the road"), (closed.Closure!.ReasonLv, closed.Closure.ReasonEn));
        Assert.True(calendar.Day(gulbene, Today).Open);
        Assert.True(calendar.Day(valmiera, Today.AddDays(1)).Open);
        Assert.Contains("Location closure", await admin.GetStringAsync("/admin/audit?type=LocationClosure", ct));
    }

    [Theory, Providers]
    public async Task A_closure_ending_before_it_starts_is_refused_in_both_languages(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var english = await app.SignInAsAdministratorAsync("en");
        using var latvian = await app.SignInAsAdministratorAsync("lv");
        var valmiera = await LocationIdAsync(app, "valmiera");

        var refused = await NewClosure(await HtmlForm.LoadAsync(english, "/admin/calendar/closures/new"), valmiera, "2026-03-20", "2026-03-19").PostRefusedAsync(english);
        var refusedLv = await NewClosure(await HtmlForm.LoadAsync(latvian, "/admin/calendar/closures/new"), valmiera, "2026-03-20", "2026-03-19").PostRefusedAsync(latvian);
        var outOfRange = await NewClosure(await HtmlForm.LoadAsync(english, "/admin/calendar/closures/new"), valmiera, "2026-03-20", "2101-01-01").PostRefusedAsync(english);

        Assert.Contains("The last closed day cannot be before the first.", refused);
        Assert.Contains("Pēdējā slēgtā diena nevar būt agrāka par pirmo.", refusedLv);
        Assert.Contains("Enter a date from 2000 to 2100 in “Last closed day”.", outOfRange);
        Assert.Equal(0, await app.WithDbAsync(db => db.LocationClosures.CountAsync(ct)));
    }

    [Theory, Providers]
    public async Task A_closure_overlapping_another_closure_of_the_same_location_is_refused_and_names_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("en");
        var valmiera = await LocationIdAsync(app, "valmiera");
        var gulbene = await LocationIdAsync(app, "gulbene");
        var first = await NewClosure(await HtmlForm.LoadAsync(admin, "/admin/calendar/closures/new"), valmiera, "2026-03-16", "2026-03-20").PostAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var refused = await NewClosure(await HtmlForm.LoadAsync(admin, "/admin/calendar/closures/new"), valmiera, "2026-03-19", "2026-03-25").PostRefusedAsync(admin);
        var elsewhere = await NewClosure(await HtmlForm.LoadAsync(admin, "/admin/calendar/closures/new"), gulbene, "2026-03-19", "2026-03-25").PostAsync(admin);

        Assert.Contains("This closure overlaps the closure of Valmiera from Monday 16 March 2026 to Friday 20 March 2026 (“Inspector on the road”).", refused);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.LocationClosures.CountAsync(c => c.LocationId == valmiera, ct)));
    }

    [Theory, Providers]
    public async Task Deleting_a_closure_asks_first_and_then_reopens_the_location(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("en");
        var valmiera = await LocationIdAsync(app, "valmiera");
        await NewClosure(await HtmlForm.LoadAsync(admin, "/admin/calendar/closures/new"), valmiera, "2026-03-17", "2026-03-18").PostAsync(admin);
        var id = await app.WithDbAsync(db => db.LocationClosures.Select(c => c.Id).SingleAsync(ct));
        Assert.False((await CachedCalendarAsync(app)).Day(valmiera, Today).Open);

        var confirm = await HtmlForm.LoadAsync(admin, $"/admin/calendar/closures/{id}/delete");
        var question = await admin.GetStringAsync($"/admin/calendar/closures/{id}/delete", ct);
        Assert.Contains("Delete the closure of Valmiera from Tuesday 17 March 2026 to Wednesday 18 March 2026 (“Inspector on the road”)?", question);
        Assert.Equal(1, await app.WithDbAsync(db => db.LocationClosures.CountAsync(ct)));
        var deleted = await confirm.PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("has been deleted.", await admin.GetStringAsync("/admin/calendar/closures", ct));
        Assert.Equal(0, await app.WithDbAsync(db => db.LocationClosures.CountAsync(ct)));
        Assert.True((await CachedCalendarAsync(app)).Day(valmiera, Today).Open);
    }

    // ---- special days ----

    [Theory, Providers]
    public async Task A_one_off_holiday_added_today_for_today_closes_every_location_today(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("en");
        var locations = await app.WithDbAsync(db => db.Locations.Where(l => l.IsActive).Select(l => l.Id).ToListAsync(ct));
        var before = await CachedCalendarAsync(app);
        Assert.All(locations, id => Assert.True(before.Day(id, Today).Open));

        var preview = await NewHoliday(await HtmlForm.LoadAsync(admin, "/admin/calendar/special-days/new?handler=Preview"), "2026-03-17").PostRefusedAsync(admin);
        Assert.Contains("Tuesday 17 March 2026:</strong> working day <span aria-hidden=\"true\">→</span><span class=\"visually-hidden\">becomes</span> public holiday: Day of the Test", preview);
        Assert.Contains("Monday 16 March 2026:</strong> working day <span aria-hidden=\"true\">→</span><span class=\"visually-hidden\">becomes</span> working day, one hour shorter", preview);
        var saved = await NewHoliday(await HtmlForm.LoadAsync(admin, "/admin/calendar/special-days/new"), "2026-03-17").PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Tuesday 17 March 2026 (One-off public holiday) has been saved.", await admin.GetStringAsync(saved.Headers.Location!.OriginalString, ct));
        var calendar = await CachedCalendarAsync(app);
        Assert.All(locations, id => Assert.Equal(ClosedBecause.Holiday, calendar.Day(id, Today).ClosedBecause));
    }

    [Theory, Providers]
    public async Task A_working_saturday_that_is_not_a_saturday_or_names_no_weekday_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var english = await app.SignInAsAdministratorAsync("en");
        using var latvian = await app.SignInAsAdministratorAsync("lv");
        var before = await app.WithDbAsync(db => db.SpecialDays.CountAsync(ct));

        async Task<string> Post(HttpClient client, Func<HtmlForm, HtmlForm> change) =>
            await change((await HtmlForm.LoadAsync(client, "/admin/calendar/special-days/new"))
                .Set("Input.Kind", nameof(SpecialDayKind.MovedWorkingSaturday)).Set("Input.Date", "2026-03-28").Set("Input.MovedFrom", "2026-03-16")
                .Set("Input.NameLv", "Darba sestdiena").Set("Input.NameEn", "Working Saturday"))
            .PostRefusedAsync(client);

        Assert.Contains("A working Saturday must be a Saturday; Wednesday 18 March 2026 is not.", await Post(english, f => f.Set("Input.Date", "2026-03-18")));
        Assert.Contains("Darba sestdienai jābūt sestdienai, bet trešdiena, 2026. gada 18. marts nav sestdiena.", await Post(latvian, f => f.Set("Input.Date", "2026-03-18")));
        Assert.Contains("Enter the weekday (Monday–Friday) this Saturday is worked instead of.", await Post(english, f => f.Set("Input.MovedFrom", "")));
        Assert.Contains("“Moved from” must be a Monday–Friday; Sunday 22 March 2026 is not.", await Post(english, f => f.Set("Input.MovedFrom", "2026-03-22")));
        Assert.Contains("A moved day off must be a Monday–Friday; Saturday 28 March 2026 is not.",
            await Post(english, f => f.Set("Input.Kind", nameof(SpecialDayKind.MovedDayOff)).Set("Input.MovedFrom", "")));
        Assert.Contains("“Moved from” applies only to a working Saturday.", await Post(english, f => f.Set("Input.Kind", nameof(SpecialDayKind.OneOffHoliday))));
        Assert.Contains("Saturday 17 January 2026 is already entered as “Working Saturday (moved working day)”.",
            await Post(english, f => f.Set("Input.Date", "2026-01-17").Set("Input.MovedFrom", "2026-01-02")));
        Assert.Contains("Enter a date from 2000 to 2100 in “Date”.", await Post(english, f => f.Set("Input.Date", "2101-01-01")));

        Assert.Equal(before, await app.WithDbAsync(db => db.SpecialDays.CountAsync(ct)));
    }

    [Theory, Providers]
    public async Task Deleting_a_special_day_asks_first_and_reopens_the_day(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var admin = await app.SignInAsAdministratorAsync("lv");
        var riga = await LocationIdAsync(app, "riga");
        var thursday = new DateOnly(2026, 3, 19);
        await NewHoliday(await HtmlForm.LoadAsync(admin, "/admin/calendar/special-days/new"), "2026-03-19").PostAsync(admin);
        var id = await app.WithDbAsync(db => db.SpecialDays.Where(d => d.Date == thursday).Select(d => d.Id).SingleAsync(ct));
        Assert.False((await CachedCalendarAsync(app)).Day(riga, thursday).Open);
        Assert.Contains("Testa diena", await admin.GetStringAsync("/admin/calendar/special-days?year=2026", ct));

        var question = await admin.GetStringAsync($"/admin/calendar/special-days/{id}/delete", ct);
        Assert.Contains("Vai dzēst šo īpašo dienu? ceturtdiena, 2026. gada 19. marts: Vienreizēja svētku diena (“Testa diena”)", question);
        Assert.Contains("svētku diena: Testa diena", question);
        var deleted = await (await HtmlForm.LoadAsync(admin, $"/admin/calendar/special-days/{id}/delete")).PostAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/admin/calendar/special-days?year=2026", deleted.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.WithDbAsync(db => db.SpecialDays.CountAsync(d => d.Id == id, ct)));
        Assert.True((await CachedCalendarAsync(app)).Day(riga, thursday).Open);
    }

    // ---- access ----

    [Theory, Providers]
    public async Task Staff_without_the_administrator_role_cannot_open_the_calendar_administration(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await app.CreateStaffAsync("anna", [Roles.ClientServiceSpecialist, Roles.RegionalHead]);
        using var staff = await app.SignInAsync("anna");
        using var anonymous = app.CreateBrowserClient();
        var rule = await RuleIdAsync(app, "s3-walk-in-tuesdays");

        foreach (var url in new[]
                 {
                     "/admin/calendar", "/admin/calendar/rules", "/admin/calendar/rules/new", $"/admin/calendar/rules/{rule}/edit",
                     "/admin/calendar/closures", "/admin/calendar/closures/new", "/admin/calendar/special-days", "/admin/calendar/special-days/new",
                 })
        {
            var response = await staff.GetAsync(url, ct);
            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/staff/access-denied", StringComparison.Ordinal)),
                $"{url} gave {(int)response.StatusCode} {response.Headers.Location}");
            var signIn = await anonymous.GetAsync(url, ct);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Contains("/staff/sign-in", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    // ---- helpers ----

    /// <summary>A valid walk-in rule at one location on Fridays 9:00–12:00 with a break: no other walk-in window is open then.</summary>
    private static HtmlForm NewRule(HtmlForm form, int locationId) => form
        .Set("Input.Code", "friday-walk-in").Set("Input.NameLv", "Piektdienas pieņemšana").Set("Input.NameEn", "Friday walk-in")
        .Set("Input.Kind", nameof(WindowKind.WalkIn)).Set("Input.Days", nameof(Weekdays.Friday))
        .Set("Input.Start", "09:00").Set("Input.End", "12:00").Set("Input.Breaks[0].Start", "10:00").Set("Input.Breaks[0].End", "10:15")
        .Set("Input.Channels").Set("Input.LocationIds", [locationId]);

    private static HtmlForm NewClosure(HtmlForm form, int locationId, string from, string to) => form
        .Set("Input.LocationId", [locationId]).Set("Input.StartsOn", from).Set("Input.EndsOn", to)
        .Set("Input.ReasonLv", "Inspektors izbraukumā").Set("Input.ReasonEn", "Inspector on the road");

    private static HtmlForm NewHoliday(HtmlForm form, string date) => form
        .Set("Input.Date", date).Set("Input.Kind", nameof(SpecialDayKind.OneOffHoliday))
        .Set("Input.NameLv", "Testa diena").Set("Input.NameEn", "Day of the Test").Set("Input.LegalBasis", "Grozījumi likumā (Saeima, 2026)");

    private static Task<int> LocationIdAsync(TestApp app, string slug) =>
        app.WithDbAsync(db => db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync());

    private static Task<int> RuleIdAsync(TestApp app, string code) =>
        app.WithDbAsync(db => db.ScheduleRules.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    /// <summary>The calendar every page reads: the singleton store, rebuilt after a calendar save.</summary>
    private static Task<LocationCalendar> CachedCalendarAsync(TestApp app) =>
        app.WithDbAsync(db => app.Services.GetRequiredService<CalendarStore>().GetAsync(db));
}
