using System.Net;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.Queue;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClientDesk.Tests.Queue.QueuePublicSupport;

namespace ClientDesk.Tests.Queue;

/// <summary>A remote ticket taken on the public site, followed and given up, over HTTP on SQLite and PostgreSQL.</summary>
public sealed class RemoteTicketTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, Providers]
    public async Task A_client_takes_a_number_from_afar_gets_the_link_by_email_and_sms_and_follows_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient("en");

        var places = await client.GetStringAsync("/queue", Ct);
        Assert.Contains("Valmiera", places);
        Assert.Contains("Walk-in open now.", places);
        var services = await client.GetStringAsync("/queue/valmiera", Ct);
        Assert.Contains($"/queue/valmiera/take?service={Exam}", services);
        var form = await client.GetStringAsync($"/queue/valmiera/take?service={Exam}", Ct);
        Assert.Contains("value=\"3\"", form); // "notify me when 3 are ahead" by default

        var response = await TakeRemoteAsync(app, client, page => RemoteForm(page, phone: "29 123 456", email: "Janis@Example.lv", name: "Jānis", notify: "2", language: "en"));
        var (id, token) = Follow(response);
        var ticket = await TicketAsync(app, id);
        Assert.Equal(TicketSource.Remote, ticket.Source);
        Assert.Equal("29123456", ticket.Phone);
        Assert.Equal("janis@example.lv", ticket.Email);
        Assert.Equal(2, ticket.NotifyWhenAhead);
        Assert.Equal("en", ticket.Language);

        var follow = await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct);
        Assert.Contains("Your number is taken.", follow);
        Assert.Contains("C001", follow);
        Assert.Contains("You are next.", follow);
        Assert.Contains($"/queue/tickets/{id}/events?token=", follow);

        var messages = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.TicketId == id).OrderBy(m => m.Channel).ToListAsync(Ct));
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], messages.Select(m => m.Channel).Order());
        Assert.All(messages, m =>
        {
            Assert.Equal("en", m.Language);
            Assert.Contains($"/queue/tickets/{id}?token={Uri.EscapeDataString(token)}", m.Body);
            Assert.Contains("C001", m.Body);
        });
        Assert.Equal("+37129123456", messages.Single(m => m.Channel == MessageChannel.Sms).Recipient);
        Assert.Equal("janis@example.lv", messages.Single(m => m.Channel == MessageChannel.Email).Recipient);
        Assert.Contains("Hello Jānis,", messages.Single(m => m.Channel == MessageChannel.Email).Body);
    }

    [Theory, Providers]
    public async Task One_person_holds_one_remote_ticket_and_is_told_which(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();
        Follow(await TakeRemoteAsync(app, client, page => RemoteForm(page, phone: "29123456")));

        var second = await TakeRemoteAsync(app, client, page => RemoteForm(page, phone: "+371 29123456"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Jums jau ir rindas numurs C001. Saite uz to tika nosūtīta uz jūsu tālruni vai e-pastu.", await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task Bad_contact_details_get_clear_messages_in_latvian_and_english_and_issue_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lv = app.CreateBrowserClient();
        var en = app.CreateBrowserClient("en");

        async Task<string> TryAsync(HttpClient client, Func<string, Dictionary<string, string>> fields)
        {
            var response = await TakeRemoteAsync(app, client, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync(Ct);
        }

        Assert.Contains("Norādiet tālruni vai e-pastu.", await TryAsync(lv, p => RemoteForm(p, phone: "")));
        Assert.Contains("Give a phone number or an e-mail address.", await TryAsync(en, p => RemoteForm(p, phone: "")));
        Assert.Contains("Tālrunis nav derīgs", await TryAsync(lv, p => RemoteForm(p, phone: "123")));
        Assert.Contains("The e-mail address is not valid", await TryAsync(en, p => RemoteForm(p, phone: "", email: "janis@")));
        Assert.Contains("Norādiet skaitli no 1 līdz 20.", await TryAsync(lv, p => RemoteForm(p, notify: "0")));
        Assert.Contains("Give a number from 1 to 20.", await TryAsync(en, p => RemoteForm(p, notify: "many")));
        var tooLong = await TryAsync(en, p => RemoteForm(p, name: new string('a', 201)));
        Assert.Contains("Name (optional)", tooLong);
        Assert.Contains("field-error", tooLong);

        // A script: the hidden field filled, or no form ticket, or sent back at once.
        Assert.Contains("Lūdzu, mēģiniet vēlreiz.", await TryAsync(lv, p => RemoteForm(p) is var f && (f["Input.Website"] = "http://spam") is not null ? f : f));
        Assert.Contains("Please try again.", await TryAsync(en, p => RemoteForm(p) is var f && (f["Input.Ticket"] = "forged") is not null ? f : f));
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task Outside_walk_in_hours_the_remote_form_says_when_and_issues_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient("en");
        var page = await client.GetStringAsync($"/queue/valmiera/take?service={Exam}", Ct);
        app.Clock.SetUtcNow(LunchBreak);

        var response = await client.PostFormAsync($"/queue/valmiera/take?service={Exam}", RemoteForm(page));
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Walk-in service is not open now. Next walk-in service: Tuesday 17 March", text);
        Assert.Contains("Next walk-in service", await client.GetStringAsync("/queue/valmiera", Ct));
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task The_follow_page_opens_only_with_its_token_and_the_holder_can_give_the_number_up(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();
        var (id, token) = Follow(await TakeRemoteAsync(app, client, page => RemoteForm(page)));
        var stranger = app.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/queue/tickets/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/queue/tickets/{id}?token=wrong", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/queue/tickets/{id + 1}?token={Uri.EscapeDataString(token)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/queue/tickets/{id}?handler=status&token=wrong", Ct)).StatusCode);

        var url = $"/queue/tickets/{id}?token={Uri.EscapeDataString(token)}";
        var partial = await stranger.GetStringAsync($"/queue/tickets/{id}?handler=status&token={Uri.EscapeDataString(token)}", Ct);
        Assert.Contains("Gaida rindā", partial);
        Assert.DoesNotContain("<html", partial);

        var withdrawn = await stranger.PostFormAsync($"/queue/tickets/{id}?handler=withdraw&token={Uri.EscapeDataString(token)}", new(), url);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var page = await stranger.GetStringAsync(url, Ct);
        Assert.Contains("Jūs atteicāties no rindas numura.", page);
        Assert.Contains("Iemesls: Klients atteicās", page);
        var ticket = await TicketAsync(app, id);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal("Klients atteicās", ticket.ClosedReason);
        Assert.Null(ticket.ActivePersonKey);

        // Given up, the same person may take a new number.
        Follow(await TakeRemoteAsync(app, client, p => RemoteForm(p)));
    }
}
