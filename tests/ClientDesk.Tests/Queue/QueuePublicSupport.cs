using System.Net;
using System.Text.RegularExpressions;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Platform;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Queue;

/// <summary>What the kiosk, remote-ticket and API tests share: a booked appointment of today, the kiosk's steps, a remote ticket taken through the pages.</summary>
internal static partial class QueuePublicSupport
{
    public const string Exam = "theory-exam-traffic";

    /// <summary>12:15 in Riga on the test day: Valmiera's lunch break, no walk-in service.</summary>
    public static readonly DateTimeOffset LunchBreak = new(2026, 3, 17, 10, 15, 0, TimeSpan.Zero);

    public static async Task<string> AppointmentTodayAsync(TestApp app, string reference, TimeOnly start, string slug = "valmiera")
    {
        var (location, service) = await QueueEngineTests.PlaceAsync(app, slug);
        await app.WithDbAsync(async db =>
        {
            db.Appointments.Add(new Appointment
            {
                Reference = reference, ManageTokenHash = SecretLinks.Hash("secret-" + reference), LocationId = location, ServiceId = service,
                Date = new DateOnly(2026, 3, 17), Start = start, End = start.AddMinutes(30),
                StartsAtUtc = RigaTime.ToInstant(new DateOnly(2026, 3, 17), start).UtcDateTime,
                Channel = BookingChannels.Web, Status = AppointmentStatus.Booked, ClientName = "Anna Kalniņa", Phone = "29111222",
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        return reference;
    }

    /// <summary>Presses "Take a number" for the service on the kiosk; the response is the redirect to the ticket (or the page saying why not).</summary>
    public static Task<HttpResponseMessage> TakeAtKioskAsync(HttpClient kiosk, string culture = "lv", string service = Exam) =>
        kiosk.PostFormAsync($"/queue/valmiera/kiosk?culture={culture}&handler=take", new() { ["service"] = service },
            $"/queue/valmiera/kiosk/check-in?culture={culture}");

    public static Dictionary<string, string> RemoteForm(string page, string phone = "29123456", string email = "", string name = "", string notify = "3", string language = "lv") => new()
    {
        ["Input.Phone"] = phone,
        ["Input.Email"] = email,
        ["Input.Name"] = name,
        ["Input.NotifyWhenAhead"] = notify,
        ["Input.Language"] = language,
        ["Input.Website"] = "",
        ["Input.Ticket"] = FormTicket().Match(page).Groups[1].Value,
    };

    /// <summary>Fills the remote-ticket form after the few seconds a person needs, and returns the response.</summary>
    public static async Task<HttpResponseMessage> TakeRemoteAsync(TestApp app, HttpClient client, Func<string, Dictionary<string, string>> fields, string service = Exam)
    {
        var url = $"/queue/valmiera/take?service={service}";
        var page = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        return await client.PostFormAsync(url, fields(page));
    }

    /// <summary>The follow page's id and token from a redirect to it.</summary>
    public static (int Id, string Token) Follow(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var match = FollowAddress().Match(redirect.Headers.Location!.OriginalString);
        Assert.True(match.Success, redirect.Headers.Location.OriginalString);
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(match.Groups[2].Value));
    }

    public static Task<ClientDesk.Queue.Ticket> TicketAsync(TestApp app, int id) =>
        app.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));

    [GeneratedRegex("name=\"Input.Ticket\" value=\"([^\"]+)\"")]
    private static partial Regex FormTicket();

    [GeneratedRegex(@"^/queue/tickets/(\d+)\?token=([^&]+)$")]
    private static partial Regex FollowAddress();
}
