using ClientDesk.Access;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using ClientDesk.Queue;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Demo;

/// <summary>
/// A lobby in progress at Valmiera for the demo (issue 5, item 8): three desks with demo staff (who can sign in with
/// <see cref="Password"/>), visits finished earlier today with outcomes (so that the estimates have history), two
/// clients called, a dozen waiting across the service groups, one parked and one checked-in appointment. Times are
/// set back from "now", so the lobby looks alive whenever the demo starts; after closing time the end of the day
/// closes what is left, as it would in the office.
/// </summary>
internal static class DemoQueue
{
    public const string Password = "Demo-rinda-2026";

    private static readonly (string User, string First, string Last, string PositionLv, string PositionEn, string[] Codes)[] DemoStaff =
    [
        ("demo.liga", "Līga", "Kalniņa", "Vecākā klientu apkalpošanas speciāliste", "Senior client service specialist", ["registration", "re-registration", "deregistration", "pledge-mark", "register-statement", "dealer-registration", "training-card"]),
        ("demo.martins", "Mārtiņš", "Ozols", "Klientu apkalpošanas speciālists", "Client service specialist", ["theory-exam-traffic", "theory-exam-safety", "licence-issue", "licence-replacement", "practical-exam"]),
        ("demo.inese", "Inese", "Vītola", "Klientu apkalpošanas speciāliste", "Client service specialist", ["registration", "re-registration", "technical-inspection", "aal-inspection", "licence-issue", "licence-replacement"]),
    ];

    public static async Task SeedAsync(IServiceProvider services, ClientDeskDb db, ILogger logger)
    {
        var location = await db.Locations.Include(l => l.Services).SingleOrDefaultAsync(l => l.Slug == "valmiera");
        if (location is null || await db.Tickets.AnyAsync())
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var users = services.GetRequiredService<UserManager<StaffMember>>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = RigaTime.Today(clock);
        var staff = new List<StaffMember>();
        foreach (var (user, first, last, positionLv, positionEn, codes) in DemoStaff)
        {
            var member = new StaffMember
            {
                UserName = user, FirstName = first, LastName = last, PositionLv = positionLv, PositionEn = positionEn,
                Locations = [location], Competences = await db.Services.Where(s => codes.Contains(s.Code)).ToListAsync(),
            };
            var created = await users.CreateAsync(member, Password);
            if (!created.Succeeded)
            {
                logger.LogWarning("Demo queue: staff member {User} not created: {Errors}", user, string.Join("; ", created.Errors.Select(e => e.Code)));
                return;
            }

            await users.AddToRoleAsync(member, Roles.ClientServiceSpecialist);
            staff.Add(member);
        }

        var desks = staff.Select((s, i) => new Desk { LocationId = location.Id, Number = i + 1, StaffMemberId = s.Id, OpenedAtUtc = now.AddHours(-2) }).ToList();
        db.Desks.AddRange(desks);
        await db.SaveChangesAsync();

        var offered = location.Services.Where(s => s.IsActive).ToList();
        var numbers = new Dictionary<string, int>();
        var random = new Random(2026);
        Ticket New(string code, DateTime queuedSince, TicketStatus status)
        {
            var service = offered.FirstOrDefault(s => s.Code == code) ?? offered[0];
            var letter = QueueLetters.For(service.Code);
            numbers[letter] = numbers.GetValueOrDefault(letter) + 1;
            var ticket = new Ticket
            {
                LocationId = location.Id, Date = today, Letter = letter, Number = numbers[letter], ServiceId = service.Id,
                Source = TicketSource.Kiosk, FollowTokenHash = SecretLinks.Hash(Guid.NewGuid().ToString("N")),
                IssuedAtUtc = queuedSince, QueuedSinceUtc = queuedSince, Status = status,
            };
            db.Tickets.Add(ticket);
            return ticket;
        }

        // Earlier today: finished visits, 8–20 minutes each, so that every group has a service time to estimate from.
        string[] finishedCodes = ["registration", "theory-exam-traffic", "technical-inspection", "licence-replacement", "re-registration", "licence-issue", "dealer-registration", "registration", "theory-exam-traffic"];
        var finishedTickets = new List<Ticket>();
        for (var i = 0; i < finishedCodes.Length; i++)
        {
            var desk = i % desks.Count;
            var started = now.AddMinutes(-150 + i * 12);
            var ticket = New(finishedCodes[i], started.AddMinutes(-6), TicketStatus.Finished);
            ticket.DeskId = desks[desk].Id;
            ticket.StaffMemberId = staff[desk].Id;
            ticket.CallCount = 1;
            ticket.CalledAtUtc = started.AddMinutes(-1);
            ticket.ServingStartedAtUtc = started;
            ticket.FinishedAtUtc = started.AddMinutes(8 + random.Next(13));
            finishedTickets.Add(ticket);
        }

        await db.SaveChangesAsync();
        foreach (var ticket in finishedTickets)
        {
            db.VisitOutcomes.Add(new VisitOutcome
            {
                TicketId = ticket.Id, Kind = OutcomeKind.Completed, RecordedAtUtc = ticket.FinishedAtUtc!.Value, RecordedByStaffId = ticket.StaffMemberId!,
            });
        }

        // Two called now (desks 1 and 2), one parked by desk 3, a dozen waiting across the groups.
        foreach (var (code, desk, minutesAgo) in new[] { ("registration", 0, 2), ("theory-exam-traffic", 1, 1) })
        {
            var called = New(code, now.AddMinutes(-25), TicketStatus.Called);
            called.DeskId = desks[desk].Id;
            called.StaffMemberId = staff[desk].Id;
            called.CallCount = 1;
            called.CalledAtUtc = now.AddMinutes(-minutesAgo);
        }

        var parked = New("re-registration", now.AddMinutes(-40), TicketStatus.Parked);
        parked.ParkedByStaffId = staff[2].Id;
        parked.CallCount = 1;
        parked.CalledAtUtc = now.AddMinutes(-20);

        string[] waitingCodes = ["registration", "theory-exam-traffic", "licence-replacement", "technical-inspection", "re-registration", "theory-exam-safety", "deregistration", "licence-issue", "training-card", "registration", "register-statement", "theory-exam-traffic"];
        for (var i = 0; i < waitingCodes.Length; i++)
        {
            New(waitingCodes[i], now.AddMinutes(-22 + i * 2), TicketStatus.Waiting);
        }

        await db.SaveChangesAsync();
        await CheckInOneAppointmentAsync(services, db, location.Id, staff[0].Id, offered, today, now, New);
        logger.LogInformation("Demo data: a queue in progress at Valmiera (desk staff demo.liga, demo.martins, demo.inese; password {Password})", Password);
    }

    /// <summary>An appointment booked for later today and checked in, so that it is called at its time before walk-ins.</summary>
    private static async Task CheckInOneAppointmentAsync(
        IServiceProvider services, ClientDeskDb db, int locationId, string staffId, List<Catalogue.Service> offered, DateOnly today, DateTime now,
        Func<string, DateTime, TicketStatus, Ticket> create)
    {
        var bookings = services.GetRequiredService<Bookings>();
        foreach (var service in offered.Where(s => s.DurationMinutes != null))
        {
            var free = await bookings.AvailabilityAsync(locationId, service.Id, 1, today, today, BookingChannels.InPerson, forStaff: true);
            var time = free?.SingleOrDefault()?.Times.FirstOrDefault(t => RigaTime.ToInstant(today, t.Start).UtcDateTime > now);
            if (time is null)
            {
                continue;
            }

            if (await bookings.BookAsync(new BookingRequest(locationId, service.Id, today, time.Start, 1, BookingChannels.InPerson,
                    new ClientDetails("Aivars Eglītis", "29000001", null), staffId)) is not BookingOutcome.Booked booked)
            {
                continue;
            }

            var ticket = create(service.Code, now.AddMinutes(-3), TicketStatus.Waiting);
            ticket.AppointmentId = booked.Appointment.Id;
            ticket.DueAtUtc = booked.Appointment.StartsAtUtc;
            ticket.ClientName = "Aivars Eglītis";
            await db.SaveChangesAsync();
            return;
        }
    }
}
