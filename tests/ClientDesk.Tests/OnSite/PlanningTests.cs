using ClientDesk.Platform;
using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.OnSite;
using ClientDesk.OnSite.Planning;
using ClientDesk.Queue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.OnSite;

/// <summary>
/// Inspector planning over HTTP on both engines (issue 7, point 2): a round made from a region's open requests, ordered
/// and reordered, its clients told the date, the window and the inspector's name (C-3); one round per request even when
/// two planners race; only the inspector's own region; outcomes on the road checked as at a desk.
/// The clock is Tuesday 17 March 2026 09:00 in Riga; rounds are planned for Wednesday 18 March.
/// </summary>
public sealed partial class PlanningTests
{
    internal const string Page = "/staff/onsite";
    internal static readonly DateOnly Wednesday = new(2026, 3, 18);

    internal static async Task<int> AddRequestAsync(
        TestApp app, string slug, int sequence, string client, double? lat = null, double? lon = null, string? email = null, string? phone = null,
        string language = "lv", int machines = 1, Weekdays weekdays = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday) =>
        await app.WithDbAsync(async db =>
        {
            var request = new OnSiteRequest
            {
                Year = 2026, Sequence = sequence,
                ServiceId = await db.Services.Where(s => s.Code == "technical-inspection").Select(s => s.Id).SingleAsync(),
                LocationId = await db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync(),
                Channel = OnSiteChannel.Web, Address = $"{client} farm, Kocēnu pagasts", Directions = "Second gate after the dairy",
                Latitude = lat, Longitude = lon, Machines = machines, MachinesDescription = "MTZ-82",
                EarliestDate = new DateOnly(2026, 3, 16), LatestDate = new DateOnly(2026, 3, 31), SuitableWeekdays = weekdays,
                ClientName = client, Email = email, Phone = phone, Language = language,
                StatusTokenHash = SecretLinks.Hash(Guid.NewGuid().ToString()), CreatedAtUtc = new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc),
            };
            db.OnSiteRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });

    /// <summary>An inspector at Valmiera named as the notice must name them.</summary>
    internal static async Task<StaffMember> InspectorAsync(TestApp app, string user, string slug = "valmiera", string first = "Jānis", string last = "Bērziņš")
    {
        var staff = await app.CreateStaffAsync(user, [Roles.Inspector], [slug]);
        await app.WithDbAsync(async db =>
        {
            var member = await db.Users.SingleAsync(u => u.Id == staff.Id);
            (member.FirstName, member.LastName, member.PositionLv, member.PositionEn) = (first, last, "Vecākais inspektors", "Senior inspector");
            await db.SaveChangesAsync();
        });
        return staff;
    }

    internal static async Task<int> LocationIdAsync(TestApp app, string slug) =>
        await app.WithDbAsync(db => db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync());

    internal static Dictionary<string, string> RoundForm(string inspectorId, int locationId, params int[] requestIds)
    {
        var form = new Dictionary<string, string>
        {
            ["Plan.Date"] = "2026-03-18", ["Plan.InspectorId"] = inspectorId, ["Plan.LocationId"] = locationId.ToString(),
            ["Plan.Start"] = "9:00", ["Plan.MinutesPerMachine"] = "30", ["Plan.TravelMinutes"] = "30", ["Plan.WindowMinutes"] = "60",
        };
        // FormUrlEncodedContent takes a dictionary, so repeated checkboxes go as indexed names, which model binding accepts too.
        for (var i = 0; i < requestIds.Length; i++)
        {
            form[$"Plan.RequestIds[{i}]"] = requestIds[i].ToString();
        }

        return form;
    }

    private static async Task<int> PlanAsync(HttpClient client, Dictionary<string, string> form)
    {
        var response = await client.PostFormAsync(Page, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(RoundId().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    private static async Task<Dictionary<string, string>> PlanFormAsync(TestApp app, int roundId) => await app.WithDbAsync(async db =>
    {
        var round = await db.InspectionRounds.AsNoTracking().Include(r => r.Stops).SingleAsync(r => r.Id == roundId);
        var form = new Dictionary<string, string> { ["Version"] = round.Version.ToString(), ["Date"] = round.Date.ToString("yyyy-MM-dd") };
        foreach (var stop in round.Stops)
        {
            form[$"From[{stop.Id}]"] = stop.ArriveFrom.ToString("H:mm");
            form[$"To[{stop.Id}]"] = stop.ArriveTo.ToString("H:mm");
        }

        return form;
    });

    private static async Task<List<(int StopId, int RequestId, int Position)>> StopsAsync(TestApp app, int roundId) => await app.WithDbAsync(async db =>
        (await db.RoundStops.AsNoTracking().Where(s => s.RoundId == roundId).OrderBy(s => s.Position).Select(s => new { s.Id, s.OnSiteRequestId, s.Position }).ToListAsync())
        .Select(s => (s.Id, s.OnSiteRequestId, s.Position)).ToList());

    [Theory, Providers]
    public async Task A_planned_round_tells_each_client_the_date_window_address_and_the_inspectors_name_and_position(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var inspector = await InspectorAsync(app, "janis");
        var valmiera = await LocationIdAsync(app, "valmiera");
        var far = await AddRequestAsync(app, "valmiera", 1, "Smiltenes Ozoli", 57.4240, 25.9010, email: "ozoli@example.lv");
        var near = await AddRequestAsync(app, "valmiera", 2, "Kocēnu Liepas", 57.5220, 25.3390, email: "liepas@example.com", language: "en", machines: 2);
        var sms = await AddRequestAsync(app, "gulbene", 3, "Bez Punkta", phone: "29123456");
        var client = await app.SignInAsync("janis");

        var list = await client.GetStringAsync(Page, ct);
        Assert.Contains("IZ-2026-00001", list);
        Assert.Contains("<svg", list);

        var roundId = await PlanAsync(client, RoundForm(inspector.Id, valmiera, far, near, sms));
        var stops = await StopsAsync(app, roundId);
        // Valmiera has no coordinates: the drive starts at the first request with a point, the one without a point goes last.
        Assert.Equal([far, near, sms], stops.Select(s => s.RequestId));

        // The inspector moves the near farm first (up), keeping the windows typed.
        var moved = await client.PostFormAsync($"/staff/onsite/rounds/{roundId}/plan?handler=Move&stopId={stops[1].StopId}&step=-1",
            await PlanFormAsync(app, roundId), $"/staff/onsite/rounds/{roundId}/plan");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal([near, far, sms], (await StopsAsync(app, roundId)).Select(s => s.RequestId));

        var notified = await client.PostFormAsync($"/staff/onsite/rounds/{roundId}/plan?handler=Notify",
            new() { ["Version"] = (await PlanFormAsync(app, roundId))["Version"] }, $"/staff/onsite/rounds/{roundId}/plan");
        Assert.Equal(HttpStatusCode.Redirect, notified.StatusCode);

        var messages = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == RoundNotices.PlannedKind).ToListAsync(ct));
        Assert.Equal(3, messages.Count);
        var latvian = messages.Single(m => m.Recipient == "ozoli@example.lv");
        Assert.Equal(MessageChannel.Email, latvian.Channel);
        Assert.Contains("Jānis Bērziņš, Vecākais inspektors", latvian.Body);
        Assert.Contains("2026. gada 18. marts", latvian.Body);
        Assert.Contains("Smiltenes Ozoli farm, Kocēnu pagasts", latvian.Body);
        var english = messages.Single(m => m.Recipient == "liepas@example.com");
        Assert.Contains("Jānis Bērziņš, Senior inspector", english.Body);
        Assert.Contains("Wednesday 18 March 2026", english.Body);
        var text = messages.Single(m => m.Channel == MessageChannel.Sms);
        Assert.Equal("+37129123456", text.Recipient);
        Assert.Contains("Jānis Bērziņš", text.Body);

        // The link carries a fresh token whose hash is now the request's.
        var link = StatusLink().Match(latvian.Body);
        Assert.True(link.Success, latvian.Body);
        Assert.Equal("IZ-2026-00001", Uri.UnescapeDataString(link.Groups[1].Value));
        var hash = await app.WithDbAsync(db => db.OnSiteRequests.Where(r => r.Id == far).Select(r => r.StatusTokenHash).SingleAsync(ct));
        Assert.Equal(SecretLinks.Hash(Uri.UnescapeDataString(link.Groups[2].Value)), hash);
        var statuses = await app.WithDbAsync(db => db.OnSiteRequests.Select(r => r.Status).ToListAsync(ct));
        Assert.All(statuses, s => Assert.Equal(OnSiteStatus.Planned, s));

        // A window changed after telling is told again — that stop only — and a stop taken out is told it is off.
        var form = await PlanFormAsync(app, roundId);
        var farStop = (await StopsAsync(app, roundId)).Single(s => s.RequestId == far).StopId;
        form[$"From[{farStop}]"] = "13:00";
        form[$"To[{farStop}]"] = "14:00";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/staff/onsite/rounds/{roundId}/plan?handler=Save", form, $"/staff/onsite/rounds/{roundId}/plan")).StatusCode);
        await client.PostFormAsync($"/staff/onsite/rounds/{roundId}/plan?handler=Notify", new() { ["Version"] = (await PlanFormAsync(app, roundId))["Version"] }, $"/staff/onsite/rounds/{roundId}/plan");
        var changed = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == RoundNotices.ChangedKind).ToListAsync(ct));
        Assert.Equal("ozoli@example.lv", Assert.Single(changed).Recipient);
        Assert.Contains("13:00–14:00", changed[0].Body);

        var nearStop = (await StopsAsync(app, roundId)).Single(s => s.RequestId == near).StopId;
        await client.PostFormAsync($"/staff/onsite/rounds/{roundId}/plan?handler=Remove&stopId={nearStop}", new() { ["Version"] = (await PlanFormAsync(app, roundId))["Version"] }, $"/staff/onsite/rounds/{roundId}/plan");
        var removed = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == RoundNotices.RemovedKind).ToListAsync(ct));
        Assert.Equal("liepas@example.com", Assert.Single(removed).Recipient);
        Assert.Equal(OnSiteStatus.Requested, await app.WithDbAsync(db => db.OnSiteRequests.Where(r => r.Id == near).Select(r => r.Status).SingleAsync(ct)));
    }

    [Theory, Providers]
    public async Task A_request_on_a_day_that_does_not_suit_is_planned_only_after_the_planner_confirms(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var inspector = await InspectorAsync(app, "janis");
        var mondays = await AddRequestAsync(app, "valmiera", 1, "Pirmdienas", email: "p@example.lv", weekdays: Weekdays.Monday);
        var client = await app.SignInAsync("janis");
        var form = RoundForm(inspector.Id, await LocationIdAsync(app, "valmiera"), mondays);

        var warned = await client.PostFormAsync(Page, new(form));
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("IZ-2026-00001", await warned.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await app.WithDbAsync(db => db.InspectionRounds.CountAsync()));

        form["Plan.AcceptUnsuitable"] = "true";
        await PlanAsync(client, form);
        Assert.Equal(1, await app.WithDbAsync(db => db.RoundStops.CountAsync()));
    }

    [Theory, Providers]
    public async Task Two_planners_putting_the_same_request_into_two_rounds_at_once_leave_it_in_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var inspector = await InspectorAsync(app, "janis");
        var valmiera = await LocationIdAsync(app, "valmiera");
        var request = await AddRequestAsync(app, "valmiera", 1, "Abi", email: "abi@example.lv");

        async Task<PlanResult> PlanInOwnScopeAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var rounds = scope.ServiceProvider.GetRequiredService<Rounds>();
            return await rounds.CreateAsync(new NewRound(valmiera, Wednesday, inspector.Id, [request], WindowProposal.Default), inspector.Id);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(PlanInOwnScopeAsync)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Problem, new PlanProblem?[] { PlanProblem.AlreadyPlanned, PlanProblem.NotOpen }));
        Assert.Equal(1, await app.WithDbAsync(db => db.RoundStops.CountAsync(s => s.OnSiteRequestId == request)));
    }

    [Theory, Providers]
    public async Task An_inspector_of_another_region_neither_sees_the_requests_nor_opens_the_round(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var inspector = await InspectorAsync(app, "janis");
        await InspectorAsync(app, "zemgale", "jelgava", "Anna", "Kalniņa");
        await app.CreateStaffAsync("clerk", [Roles.ClientServiceSpecialist], ["valmiera"]);
        var request = await AddRequestAsync(app, "valmiera", 1, "Vidzemes Saimniecība", email: "v@example.lv");
        await AddRequestAsync(app, "jelgava", 2, "Zemgales Saimniecība", email: "z@example.lv");
        var roundId = await PlanAsync(await app.SignInAsync("janis"), RoundForm(inspector.Id, await LocationIdAsync(app, "valmiera"), request));

        var other = await app.SignInAsync("zemgale");
        var otherList = await other.GetStringAsync(Page, ct);
        Assert.DoesNotContain("IZ-2026-00001", otherList);
        Assert.Contains("IZ-2026-00002", otherList);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/onsite/rounds/{roundId}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/onsite/rounds/{roundId}/plan", ct)).StatusCode);
        // Planning a Valmiera request from Jelgava is refused like any choice outside the region.
        var refused = await other.PostFormAsync(Page, RoundForm(inspector.Id, await LocationIdAsync(app, "jelgava"), request));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.InspectionRounds.CountAsync(ct)));

        var clerk = await app.SignInAsync("clerk");
        var denied = await clerk.GetAsync(Page, ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("access-denied", denied.Headers.Location!.ToString());
    }

    [Theory, Providers]
    public async Task Outcomes_on_the_road_are_checked_as_at_a_desk_and_a_refusal_notice_names_the_inspector(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var inspector = await InspectorAsync(app, "janis");
        var done = await AddRequestAsync(app, "valmiera", 1, "Pabeigtie", email: "a@example.lv");
        var refusedRequest = await AddRequestAsync(app, "valmiera", 2, "Atteiktie", email: "b@example.lv");
        var basis = await app.WithDbAsync(async db =>
        {
            var b = new LegalBasis { ActLv = "Testa likums", ActEn = "Test Act", SectionLv = "5. panta otrā daļa", SectionEn = "Section 5(2)" };
            db.LegalBases.Add(b);
            await db.SaveChangesAsync(ct);
            return b.Id;
        });
        var client = await app.SignInAsync("janis");
        var roundId = await PlanAsync(client, RoundForm(inspector.Id, await LocationIdAsync(app, "valmiera"), done, refusedRequest));
        var stops = await StopsAsync(app, roundId);
        var sheet = $"/staff/onsite/rounds/{roundId}";
        var doneStop = stops.Single(s => s.RequestId == done).StopId;
        var refusedStop = stops.Single(s => s.RequestId == refusedRequest).StopId;

        var completed = await client.PostFormAsync($"{sheet}?handler=Outcome&stopId={doneStop}", new() { ["Finish.Kind"] = "Completed" }, sheet);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal(OnSiteStatus.Visited, await app.WithDbAsync(db => db.OnSiteRequests.Where(r => r.Id == done).Select(r => r.Status).SingleAsync(ct)));

        var withoutBasis = await client.PostFormAsync($"{sheet}?handler=Outcome&stopId={refusedStop}",
            new() { ["Finish.Kind"] = "Refused", ["Finish.Explanation"] = "Bremzes nedarbojas." }, sheet);
        Assert.Equal(HttpStatusCode.OK, withoutBasis.StatusCode);
        Assert.Contains("field-error", await withoutBasis.Content.ReadAsStringAsync(ct));
        Assert.Equal(1, await app.WithDbAsync(db => db.VisitOutcomes.CountAsync(ct)));

        var refused = await client.PostFormAsync($"{sheet}?handler=Outcome&stopId={refusedStop}",
            new() { ["Finish.Kind"] = "Refused", ["Finish.LegalBasisId"] = basis.ToString(), ["Finish.Explanation"] = "Bremzes nedarbojas." }, sheet);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var outcomeId = await app.WithDbAsync(db => db.VisitOutcomes.Where(o => o.RoundStopId == refusedStop).Select(o => o.Id).SingleAsync(ct));

        var again = await client.PostFormAsync($"{sheet}?handler=Outcome&stopId={doneStop}", new() { ["Finish.Kind"] = "Completed" }, sheet + "/plan");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.VisitOutcomes.CountAsync(ct)));

        var notice = await client.GetStringAsync($"/staff/queue/outcomes/{outcomeId}/notice", ct);
        Assert.Contains("IZ-2026-00002", notice);
        Assert.Contains("Jānis Bērziņš, Vecākais inspektors", notice);
        Assert.Contains("Bremzes nedarbojas.", notice);
    }

    [GeneratedRegex(@"/rounds/(\d+)/plan")]
    private static partial Regex RoundId();

    [GeneratedRegex(@"/onsite/status\?number=([^&\s]+)&token=([^\s]+)")]
    private static partial Regex StatusLink();
}
