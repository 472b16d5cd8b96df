using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ClientDesk.Tests.Notifications;

/// <summary>The notification outbox (ADR 009): written with the booking, sent by the dispatcher once, retried, visible when it fails.</summary>
public sealed class NotificationsTests
{
    // Tuesday 24 March 2026 at Valmiera; the test clock is 17 March, 09:00 in Riga (+02:00).
    private static readonly DateOnly Tuesday = new(2026, 3, 24);
    private static readonly TimeOnly Ten = new(10, 0);
    private static readonly ClientDetails Farmer = new("Jānis Bērziņš", "29123456", "janis@example.lv");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An app whose mail and SMS files go to folders of this test.</summary>
    internal sealed record Setup(TestApp App, string MailFolder, string SmsFolder, int Location, int Service) : IAsyncDisposable
    {
        public async Task<BookingOutcome> BookAsync(DateOnly date, TimeOnly start, ClientDetails? client = null)
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Bookings>()
                .BookAsync(new BookingRequest(Location, Service, date, start, 1, BookingChannels.Web, client ?? Farmer), Ct);
        }

        public async Task<Appointment> BookedAsync(DateOnly date, TimeOnly start, ClientDetails? client = null) =>
            Assert.IsType<BookingOutcome.Booked>(await BookAsync(date, start, client)).Appointment;

        public async Task<int> DispatchAsync() => await App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(Ct);

        public Task<List<OutboxMessage>> MessagesAsync() =>
            App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.DueAtUtc).ThenBy(m => m.Id).ToListAsync(Ct));

        public string[] MailFiles() => Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml") : [];

        public string[] SmsFiles() => Directory.Exists(SmsFolder) ? Directory.GetFiles(SmsFolder, "*.txt") : [];

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    internal static async Task<Setup> StartAsync(DatabaseProvider provider, Dictionary<string, string?>? settings = null, string? connectionString = null)
    {
        var folder = Directory.CreateTempSubdirectory("clientdesk-notify-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Email:PickupFolder"] = Path.Combine(folder, "mail"),
            ["Sms:Folder"] = Path.Combine(folder, "sms"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        TestApp app;
        if (connectionString is null)
        {
            app = await TestApp.StartAsync(provider, all);
        }
        else
        {
            app = new TestApp(provider, connectionString, all);
        }

        var (location, service) = await app.WithDbAsync(async db =>
        {
            var valmiera = await db.Locations.SingleAsync(l => l.Slug == "valmiera", Ct);
            valmiera.Address = "Rīgas iela 93, Valmiera";
            await db.SaveChangesAsync(Ct);
            return (valmiera.Id, await db.Services.Where(s => s.Code == "theory-exam-traffic").Select(s => s.Id).SingleAsync(Ct));
        });
        return new Setup(app, all["Email:PickupFolder"]!, all["Sms:Folder"]!, location, service);
    }

    [Theory, Providers]
    public async Task A_booking_writes_its_confirmation_and_both_reminders_by_email_and_sms_in_the_same_save(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider);

        var booked = Assert.IsType<BookingOutcome.Booked>(await setup.BookAsync(Tuesday, Ten));

        var messages = await setup.MessagesAsync();
        Assert.All(messages, m => Assert.Equal(booked.Appointment.Id, m.AppointmentId));
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Pending, m.Status));
        Assert.Equal(
            [
                (BookingNotices.ConfirmedKind, MessageChannel.Email, "janis@example.lv", new DateTime(2026, 3, 17, 7, 0, 0)),
                (BookingNotices.ConfirmedKind, MessageChannel.Sms, "+37129123456", new DateTime(2026, 3, 17, 7, 0, 0)),
                (BookingNotices.DayBeforeKind, MessageChannel.Email, "janis@example.lv", new DateTime(2026, 3, 23, 15, 0, 0)),
                (BookingNotices.DayBeforeKind, MessageChannel.Sms, "+37129123456", new DateTime(2026, 3, 23, 15, 0, 0)),
                (BookingNotices.MorningKind, MessageChannel.Email, "janis@example.lv", new DateTime(2026, 3, 24, 5, 0, 0)),
                (BookingNotices.MorningKind, MessageChannel.Sms, "+37129123456", new DateTime(2026, 3, 24, 5, 0, 0)),
            ],
            messages.Select(m => (m.Kind, m.Channel, m.Recipient, DateTime.SpecifyKind(m.DueAtUtc, DateTimeKind.Unspecified))));

        var confirmation = messages[0];
        Assert.Equal("lv", confirmation.Language);
        Assert.Contains("otrdien, 2026. gada 24. martā, plkst. 10:00–10:30", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("Pakalpojums: ", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains("Vieta: Valmiera, Rīgas iela 93, Valmiera", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains($"Pieraksta kods: {booked.Appointment.Reference}", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains("– Personu apliecinošs dokuments (pase vai eID)", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/booking/{booked.Appointment.Reference}?token={booked.ManageToken}", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains("67027149", confirmation.Body, StringComparison.Ordinal);
        Assert.Equal($"vtua-{booked.Appointment.Reference}.ics", confirmation.AttachmentName);
        Assert.Contains("DTSTART;TZID=Europe/Riga:20260324T100000", confirmation.AttachmentContent, StringComparison.Ordinal);
        Assert.Contains($"?token={booked.ManageToken}", messages[1].Body, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Messages_are_stored_only_by_the_save_that_stores_the_booking(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider);

        // Ten clients take the last place at once: one booking, and only its messages.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => setup.BookAsync(Tuesday, Ten))));
        var booked = Assert.Single(outcomes.OfType<BookingOutcome.Booked>());
        var messages = await setup.MessagesAsync();
        Assert.Equal(6, messages.Count);
        Assert.All(messages, m => Assert.Equal(booked.Appointment.Id, m.AppointmentId));

        // A save that fails (the database refuses the appointment) leaves no message behind.
        await using (var scope = setup.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClientDeskDb>();
            var broken = new Appointment
            {
                Reference = "BROKEN22", ManageTokenHash = "x", LocationId = setup.Location, ServiceId = setup.Service, Date = Tuesday,
                Start = new TimeOnly(11, 0), End = new TimeOnly(11, 30), StartsAtUtc = new DateTime(2026, 3, 24, 9, 0, 0, DateTimeKind.Utc),
                Machines = 0, ClientName = "Nesaglabāts", Email = "broken@example.lv",
            };
            db.Appointments.Add(broken);
            await scope.ServiceProvider.GetRequiredService<BookingNotices>().QueueAsync(broken, new BookingNotice.Confirmed("secret"), ct: Ct);
            Assert.NotEmpty(db.ChangeTracker.Entries<OutboxMessage>());
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        Assert.Equal(6, (await setup.MessagesAsync()).Count);
    }

    [Theory, Providers]
    public async Task The_worker_is_woken_when_messages_are_committed_not_before_and_not_for_other_saves(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider);
        var signal = setup.App.Services.GetRequiredService<OutboxSignal>();
        async Task ResetAsync() => await signal.WaitAsync(TimeSpan.Zero, Ct);
        await ResetAsync();

        // A save that writes no message leaves the worker asleep.
        await setup.App.WithDbAsync(async db =>
        {
            (await db.Locations.SingleAsync(l => l.Id == setup.Location, Ct)).Room = "12";
            return await db.SaveChangesAsync(Ct);
        });
        Assert.False(signal.IsRaised);

        // A booking on its own: woken after its save.
        await setup.BookedAsync(Tuesday, Ten);
        Assert.True(signal.IsRaised);
        await ResetAsync();

        // Inside a transaction (as the API's idempotency record): woken at the commit, not at the save.
        async Task BookInTransactionAsync(DateOnly date, ClientDetails client, bool commit)
        {
            await using var scope = setup.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClientDeskDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            Assert.IsType<BookingOutcome.Booked>(await scope.ServiceProvider.GetRequiredService<Bookings>()
                .BookAsync(new BookingRequest(setup.Location, setup.Service, date, new TimeOnly(11, 0), 1, BookingChannels.Web, client), Ct));
            Assert.False(signal.IsRaised);
            await (commit ? transaction.CommitAsync(Ct) : transaction.RollbackAsync(Ct));
        }

        await BookInTransactionAsync(Tuesday, new ClientDetails("Anna Liepa", "29000011", null), commit: true);
        Assert.True(signal.IsRaised);
        await ResetAsync();

        // Rolled back: nothing to send, so no wake.
        await BookInTransactionAsync(Tuesday.AddDays(2), new ClientDetails("Pēteris Kalns", "29000012", null), commit: false);
        Assert.False(signal.IsRaised);
    }

    [Theory, Providers]
    public async Task A_crash_after_the_commit_loses_nothing_and_the_restarted_app_sends_each_message_once(DatabaseProvider provider)
    {
        string connectionString;
        string mail, sms;
        await using (var before = await StartAsync(provider))
        {
            await before.BookAsync(Tuesday, Ten);
            connectionString = Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(before.App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "ClientDesk")!;
            (mail, sms) = (before.MailFolder, before.SmsFolder);
            Assert.Empty(before.MailFiles());
        }

        // A new app on the same database, as after a restart; and a worker whose claim lapsed when it died.
        await using var after = await StartAsync(provider, new() { ["Email:PickupFolder"] = mail, ["Sms:Folder"] = sms }, connectionString);
        await after.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.Channel == MessageChannel.Sms && m.Kind == BookingNotices.ConfirmedKind)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "dead-instance").SetProperty(m => m.ClaimedUntilUtc, after.App.Clock.GetUtcNow().UtcDateTime.AddMinutes(5)), Ct));

        Assert.Equal(1, await after.DispatchAsync());
        Assert.Equal(0, await after.DispatchAsync());
        Assert.Single(after.MailFiles());
        Assert.Empty(after.SmsFiles());

        after.App.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await after.DispatchAsync());
        Assert.Equal(0, await after.DispatchAsync());
        Assert.Single(after.MailFiles());
        Assert.Single(after.SmsFiles());

        var confirmations = (await after.MessagesAsync()).Where(m => m.Kind == BookingNotices.ConfirmedKind).ToList();
        Assert.All(confirmations, m => Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (m.Status, m.Attempts, m.ClaimedBy)));
    }

    [Theory, Providers]
    public async Task Four_dispatchers_at_once_send_every_message_exactly_once(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider, new() { ["Notifications:BatchSize"] = "3" });
        await setup.App.WithDbAsync(async db =>
        {
            var now = setup.App.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 60; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Kind = "test.bulk", Channel = i % 2 == 0 ? MessageChannel.Email : MessageChannel.Sms,
                    Recipient = i % 2 == 0 ? $"client{i}@example.lv" : "29123456", Body = $"Ziņa {i}", Subject = $"Ziņa {i}",
                    CreatedAtUtc = now, DueAtUtc = now,
                });
            }

            await db.SaveChangesAsync(Ct);
        });

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(setup.DispatchAsync)));

        Assert.Equal(60, counts.Sum());
        var files = setup.MailFiles().Concat(setup.SmsFiles()).Select(f => Path.GetFileName(f).Split('-')[2]).ToList();
        Assert.Equal(60, files.Count);
        Assert.Equal(60, files.Distinct().Count());
        Assert.All(await setup.MessagesAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Theory, Providers]
    public async Task Without_smtp_each_email_is_an_eml_file_with_the_text_and_the_calendar_file(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider);
        var appointment = await setup.BookedAsync(Tuesday, Ten, Farmer with { Phone = null });

        Assert.Equal(1, await setup.DispatchAsync());

        var eml = await MimeMessage.LoadAsync(Assert.Single(setup.MailFiles()), Ct);
        Assert.Equal("janis@example.lv", eml.To.Mailboxes.Single().Address);
        Assert.Equal("noreply@vtua.gov.lv", eml.From.Mailboxes.Single().Address);
        Assert.Contains("otrdien, 2026. gada 24. martā, plkst. 10:00–10:30", eml.TextBody, StringComparison.Ordinal);
        var ics = Assert.Single(eml.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        Assert.Equal("REQUEST", ics.ContentType.Parameters["method"]);
        Assert.Equal($"vtua-{appointment.Reference}.ics", ics.FileName);
        Assert.Empty(setup.SmsFiles());
    }

    [Theory, Providers]
    public async Task A_real_smtp_server_receives_the_confirmation_in_latvian_with_the_calendar_file(DatabaseProvider provider)
    {
        await using var mail = new MailServer();
        await mail.StartAsync();
        await using var setup = await StartAsync(provider, mail.Settings());
        var appointment = await setup.BookedAsync(Tuesday, Ten, Farmer with { Phone = null });

        Assert.Equal(1, await setup.DispatchAsync());

        var received = Assert.Single(mail.Received);
        Assert.Equal("Pieraksts apstiprināts: otrdien, 2026. gada 24. martā, plkst. 10:00–10:30", received.Subject);
        Assert.Contains("Labdien, Jānis Bērziņš!", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("Jūsu pieraksts ir apstiprināts.", received.TextBody, StringComparison.Ordinal);
        var attachment = Assert.Single(received.Attachments.OfType<MimePart>());
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, Ct);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal($"{appointment.Reference}@clientdesk.vtua.gov.lv", calendarEvent.Uid);
        Assert.Equal(("Europe/Riga", new DateTime(2026, 3, 24, 10, 0, 0)), (calendarEvent.DtStart!.TzId, calendarEvent.DtStart.Value));
        Assert.Equal(appointment.StartsAtUtc, calendarEvent.DtStart.AsUtc);
        Assert.Empty(setup.MailFiles());
    }

    [Theory, Providers]
    public async Task A_failing_server_is_retried_with_growing_waits_until_the_message_fails_and_send_again_delivers_it(DatabaseProvider provider)
    {
        await using var mail = new MailServer();
        await using var setup = await StartAsync(provider, mail.Settings());
        await setup.BookedAsync(Tuesday, Ten, Farmer with { Phone = null });
        var clock = setup.App.Clock;

        // The server is not up yet: every attempt is refused.
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            Assert.Equal(0, await setup.DispatchAsync());
            var message = (await setup.MessagesAsync()).First(m => m.Kind == BookingNotices.ConfirmedKind);
            Assert.Equal(attempt, message.Attempts);
            Assert.NotNull(message.LastError);
            if (attempt < 8)
            {
                var wait = TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempt - 1), 60));
                Assert.Equal((OutboxStatus.Pending, clock.GetUtcNow().UtcDateTime + wait), (message.Status, message.NextAttemptAtUtc));
                clock.Advance(wait - TimeSpan.FromSeconds(1));
                Assert.Equal(0, await setup.DispatchAsync());
                Assert.Equal(attempt, (await setup.MessagesAsync()).First(m => m.Kind == BookingNotices.ConfirmedKind).Attempts);
                clock.Advance(TimeSpan.FromSeconds(1));
            }
            else
            {
                Assert.Equal(OutboxStatus.Failed, message.Status);
            }
        }

        // The administrator sees it and sends it again once the server is back.
        var admin = await setup.App.SignInAsAdministratorAsync();
        var page = await admin.GetStringAsync("/admin/notifications", Ct);
        Assert.Contains("janis@example.lv", page, StringComparison.Ordinal);
        Assert.Contains(BookingNotices.ConfirmedKind, page, StringComparison.Ordinal);
        var failed = (await setup.MessagesAsync()).First(m => m.Status == OutboxStatus.Failed);
        await mail.StartAsync();
        var response = await admin.PostFormAsync("/admin/notifications?handler=resend", new() { ["id"] = failed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/notifications");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(1, await setup.DispatchAsync());
        Assert.Single(mail.Received);
        Assert.Equal(OutboxStatus.Sent, (await setup.MessagesAsync()).First(m => m.Id == failed.Id).Status);
    }

    [Theory, Providers]
    public async Task A_message_to_an_invalid_address_fails_at_once_and_visibly(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider);
        await setup.App.WithDbAsync(async db =>
        {
            var now = setup.App.Clock.GetUtcNow().UtcDateTime;
            db.OutboxMessages.Add(new OutboxMessage { Kind = "test.invalid", Recipient = "nav-adrese", Body = "?", CreatedAtUtc = now, DueAtUtc = now });
            db.OutboxMessages.Add(new OutboxMessage { Kind = "test.invalid", Channel = MessageChannel.Sms, Recipient = "67027149", Body = "?", CreatedAtUtc = now, DueAtUtc = now });
            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(0, await setup.DispatchAsync());

        Assert.All(await setup.MessagesAsync(), m =>
        {
            Assert.Equal((OutboxStatus.Failed, 1), (m.Status, m.Attempts));
            Assert.Contains("not a", m.LastError, StringComparison.Ordinal);
        });
        var admin = await setup.App.SignInAsAdministratorAsync("en");
        var page = await admin.GetStringAsync("/admin/notifications", Ct);
        Assert.Contains("nav-adrese", page, StringComparison.Ordinal);
        Assert.Contains("not a valid e-mail address", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Moving_withdraws_the_reminders_and_sends_the_old_and_new_times_with_a_replacing_calendar_file(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider);
        var appointment = await setup.BookedAsync(Tuesday, Ten, Farmer with { Phone = null });
        var thursday = new DateOnly(2026, 3, 26);

        await using (var scope = setup.App.Services.CreateAsyncScope())
        {
            Assert.IsType<BookingOutcome.Moved>(await scope.ServiceProvider.GetRequiredService<Bookings>()
                .MoveAsync(appointment.Id, thursday, new TimeOnly(11, 0), new ChangedBy("staff-1", "Inspektors slims"), ct: Ct));
        }

        var messages = await setup.MessagesAsync();
        Assert.Equal(
            [OutboxStatus.Withdrawn, OutboxStatus.Withdrawn],
            messages.Where(m => m.DueAtUtc < new DateTime(2026, 3, 25, 0, 0, 0, DateTimeKind.Utc) && m.Kind.StartsWith("booking.reminder", StringComparison.Ordinal)).Select(m => m.Status));
        var moved = Assert.Single(messages, m => m.Kind == BookingNotices.MovedKind);
        Assert.Contains("Laiks: ceturtdien, 2026. gada 26. martā, plkst. 11:00–11:30", moved.Body, StringComparison.Ordinal);
        Assert.Contains("Iepriekšējais laiks: otrdien, 2026. gada 24. martā, plkst. 10:00\n", moved.Body, StringComparison.Ordinal);
        Assert.Contains("Iemesls: Inspektors slims", moved.Body, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/booking", moved.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", moved.Body, StringComparison.Ordinal);
        var ics = Ical.Net.Calendar.Load(moved.AttachmentContent!)!;
        Assert.Equal("REQUEST", ics.Method);
        Assert.Equal((1, $"{appointment.Reference}@clientdesk.vtua.gov.lv", new DateTime(2026, 3, 26, 11, 0, 0)),
            (ics.Events.Single().Sequence, ics.Events.Single().Uid, ics.Events.Single().DtStart!.Value));
        Assert.Equal(
            [new DateTime(2026, 3, 25, 15, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 26, 5, 0, 0, DateTimeKind.Utc)],
            messages.Where(m => m.Kind.StartsWith("booking.reminder", StringComparison.Ordinal) && m.Status == OutboxStatus.Pending).Select(m => m.DueAtUtc));

        await using (var scope = setup.App.Services.CreateAsyncScope())
        {
            Assert.IsType<BookingOutcome.Cancelled>(await scope.ServiceProvider.GetRequiredService<Bookings>()
                .CancelAsync(appointment.Id, ChangedBy.Client, Ct));
        }

        messages = await setup.MessagesAsync();
        Assert.DoesNotContain(messages, m => m.Kind.StartsWith("booking.reminder", StringComparison.Ordinal) && m.Status == OutboxStatus.Pending);
        var cancelled = Assert.Single(messages, m => m.Kind == BookingNotices.CancelledKind);
        Assert.Contains("Jūsu pieraksts ir atcelts.", cancelled.Body, StringComparison.Ordinal);
        var cancel = Ical.Net.Calendar.Load(cancelled.AttachmentContent!)!;
        Assert.Equal(("CANCEL", 2, "CANCELLED"), (cancel.Method, cancel.Events.Single().Sequence, cancel.Events.Single().Status));
        Assert.Equal($"{appointment.Reference}@clientdesk.vtua.gov.lv", cancel.Events.Single().Uid);
    }

    [Theory, Providers]
    public async Task Calendar_file_times_are_the_riga_times_of_the_text_on_both_sides_of_the_clock_change(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider);
        var friday = await setup.BookedAsync(new DateOnly(2026, 3, 27), Ten, Farmer with { Phone = null });
        var monday = await setup.BookedAsync(new DateOnly(2026, 3, 30), Ten, Farmer with { Phone = null, Email = "anna@example.lv", Language = "en" });

        var messages = await setup.MessagesAsync();
        foreach (var (appointment, text, utc, offset) in new[]
        {
            (friday, "piektdien, 2026. gada 27. martā, plkst. 10:00–10:30", new DateTime(2026, 3, 27, 8, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(2)),
            (monday, "Monday 30 March 2026, 10:00–10:30", new DateTime(2026, 3, 30, 7, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(3)),
        })
        {
            var confirmation = Assert.Single(messages, m => m.AppointmentId == appointment.Id && m.Kind == BookingNotices.ConfirmedKind);
            Assert.Contains(text, confirmation.Body, StringComparison.Ordinal);
            var start = Ical.Net.Calendar.Load(confirmation.AttachmentContent!)!.Events.Single().DtStart!;
            Assert.Equal((new DateTime(2026, 3, appointment.Date.Day, 10, 0, 0), utc, utc), (start.Value, start.AsUtc, appointment.StartsAtUtc));
            Assert.Equal(offset, ClientDesk.Platform.RigaTime.Zone.GetUtcOffset(utc));
        }

        // Sunday 29 March, 17:00 is already summer time; Thursday 26 March, 17:00 is still winter time.
        Assert.Equal(
            [new DateTime(2026, 3, 29, 14, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 30, 4, 0, 0, DateTimeKind.Utc)],
            messages.Where(m => m.AppointmentId == monday.Id && m.Kind != BookingNotices.ConfirmedKind).Select(m => m.DueAtUtc));
        Assert.Equal(
            [new DateTime(2026, 3, 26, 15, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 27, 5, 0, 0, DateTimeKind.Utc)],
            messages.Where(m => m.AppointmentId == friday.Id && m.Kind != BookingNotices.ConfirmedKind).Select(m => m.DueAtUtc));
    }

    [Theory, Providers]
    public async Task A_client_who_reads_english_gets_the_whole_message_in_english(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider);
        var booked = Assert.IsType<BookingOutcome.Booked>(await setup.BookAsync(Tuesday, Ten, Farmer with { Language = "en" }));
        var reference = booked.Appointment.Reference;

        var messages = await setup.MessagesAsync();

        var email = messages.Single(m => m.Kind == BookingNotices.ConfirmedKind && m.Channel == MessageChannel.Email);
        Assert.Equal("Appointment confirmed: Tuesday 24 March 2026, 10:00–10:30", email.Subject);
        Assert.Equal(
            $"""
            Hello Jānis Bērziņš,

            Your appointment is confirmed.

            Service: {ServiceNameEn}
            Place: Valmiera, Rīgas iela 93, Valmiera
            Time: Tuesday 24 March 2026, 10:00–10:30
            Booking reference: {reference}

            Please bring:
            – An identity document (passport or eID card)

            The attached calendar file (.ics) adds this appointment to your calendar.

            View, move or cancel your appointment: http://localhost:5080/booking/{reference}?token={booked.ManageToken}

            If you have questions, call 67027149 or write to pasts@vtua.gov.lv.
            State Technical Supervision Agency (VTUA)
            """,
            email.Body);
        var sms = messages.Single(m => m.Kind == BookingNotices.MorningKind && m.Channel == MessageChannel.Sms);
        Assert.Equal(
            $"VTUA reminder: today, Tuesday 24 March 2026, 10:00–10:30. {ServiceNameEn}, Valmiera. Reference {reference}. http://localhost:5080/booking/{reference}?token={booked.ManageToken}",
            sms.Body);
        Assert.Equal("en", sms.Language);
    }

    private const string ServiceNameEn = "Theory exam on road-traffic rules";

    [Fact]
    public void Reminders_that_would_come_too_soon_or_after_the_start_are_not_written()
    {
        var start = new DateTime(2026, 3, 24, 8, 0, 0, DateTimeKind.Utc);
        DateTimeOffset Riga(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(2));

        Assert.Equal(2, BookingNotices.ReminderTimes(Tuesday, start, Riga(17, 9)).Count());
        Assert.Equal([BookingNotices.MorningKind], BookingNotices.ReminderTimes(Tuesday, start, Riga(23, 16, 30)).Select(r => r.Kind));
        Assert.Equal([BookingNotices.MorningKind], BookingNotices.ReminderTimes(Tuesday, start, Riga(23, 18)).Select(r => r.Kind));
        Assert.Empty(BookingNotices.ReminderTimes(Tuesday, start, Riga(24, 6, 30)));
        Assert.DoesNotContain(BookingNotices.ReminderTimes(Tuesday, new DateTime(2026, 3, 24, 4, 30, 0, DateTimeKind.Utc), Riga(23, 12)), r => r.Kind == BookingNotices.MorningKind);
    }

    [Theory, Providers]
    public async Task Only_administrators_see_the_outbox_page(DatabaseProvider provider)
    {
        await using var setup = await StartAsync(provider);
        await setup.App.CreateStaffAsync("ilze", [ClientDesk.Access.Roles.ClientServiceSpecialist], ["valmiera"]);
        var clerk = await setup.App.SignInAsync("ilze");

        var response = await clerk.GetAsync("/admin/notifications", Ct);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var admin = await setup.App.SignInAsAdministratorAsync();
        Assert.Contains("Paziņojumi", await admin.GetStringAsync("/admin/notifications", Ct), StringComparison.Ordinal);
        Assert.Contains("/admin/notifications", await admin.GetStringAsync("/admin", Ct), StringComparison.Ordinal);
    }
}
