using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.OnSite;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.OnSite;

/// <summary>What the on-site tests share: a filled form, sending it as a browser would, and planning a request into a round.</summary>
internal static partial class OnSiteTestData
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A request for Tuesday 17 March 2026: any weekday from Friday 20 March to Friday 10 April.</summary>
    public static Dictionary<string, string> Form(string service = "technical-inspection", string office = "valmiera") => new()
    {
        ["Input.Service"] = service,
        ["Input.Office"] = office,
        ["Input.Address"] = "Z/s “Kalnieši”, Kocēnu pagasts, Valmieras novads",
        ["Input.Directions"] = "Otrie vārti aiz fermas",
        ["Input.Machines"] = "2",
        ["Input.MachinesDescription"] = "MTZ-82 un piekabe 2PTS-4",
        ["Input.EarliestDate"] = "2026-03-20",
        ["Input.LatestDate"] = "2026-04-10",
        ["Input.Weekdays"] = "Monday",
        ["Input.Name"] = "Jānis Bērziņš",
        ["Input.Phone"] = "29123456",
        ["Input.Email"] = "janis@example.lv",
        ["Input.Language"] = "lv",
    };

    /// <summary>Sends the public form: its antiforgery token and form ticket, a person's few seconds, then the POST.</summary>
    public static async Task<HttpResponseMessage> SendAsync(TestApp app, HttpClient client, Dictionary<string, string> fields, bool wait = true, params string[] extraWeekdays)
    {
        var page = await client.GetStringAsync("/onsite?service=technical-inspection", Ct);
        var content = new List<KeyValuePair<string, string>>(fields)
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value)),
        };
        if (!fields.ContainsKey("Input.FormTicket"))
        {
            content.Add(new("Input.FormTicket", WebUtility.HtmlDecode(FormTicket().Match(page).Groups[1].Value)));
        }

        content.AddRange(extraWeekdays.Select(d => new KeyValuePair<string, string>("Input.Weekdays", d)));
        if (wait)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        return await client.PostAsync("/onsite", new FormUrlEncodedContent(content), Ct);
    }

    public static Task<List<OnSiteRequest>> RequestsAsync(TestApp app) =>
        app.WithDbAsync(db => db.OnSiteRequests.AsNoTracking().Include(r => r.Stop).OrderBy(r => r.Id).ToListAsync(Ct));

    /// <summary>Sends the form and returns the status link it redirects to.</summary>
    public static async Task<string> RequestAsync(TestApp app, HttpClient client, Dictionary<string, string>? fields = null)
    {
        var response = await SendAsync(app, client, fields ?? Form());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Plans the request into a round on <paramref name="date"/> as the planning pages will: a stop, 10:00–11:00, inspector Ilze Ozola (<see cref="InspectorEmail"/>).</summary>
    public const string InspectorEmail = "ilze.ozola@vtua.example";

    public static async Task PlanAsync(TestApp app, int requestId, DateOnly date)
    {
        var inspector = await app.CreateStaffAsync($"ozola{Guid.NewGuid():N}"[..14], [Roles.Inspector], ["valmiera"]);
        await app.WithDbAsync(async db =>
        {
            var staff = await db.Users.SingleAsync(u => u.Id == inspector.Id, Ct);
            staff.FirstName = "Ilze";
            staff.LastName = "Ozola";
            staff.PositionLv = "Vecākā inspektore";
            staff.PositionEn = "Senior inspector";
            staff.Email = InspectorEmail;
            var request = await db.OnSiteRequests.SingleAsync(r => r.Id == requestId, Ct);
            var round = new InspectionRound
            {
                LocationId = request.LocationId,
                Date = date,
                InspectorStaffId = inspector.Id,
                CreatedByStaffId = inspector.Id,
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            };
            round.Stops.Add(new RoundStop { Request = request, Position = 1, ArriveFrom = new TimeOnly(10, 0), ArriveTo = new TimeOnly(11, 0) });
            db.InspectionRounds.Add(round);
            request.Status = OnSiteStatus.Planned;
            request.Version = Guid.NewGuid();
            await db.SaveChangesAsync(Ct);
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    public static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Input.FormTicket\" value=\"([^\"]+)\"")]
    public static partial Regex FormTicket();
}
