using ClientDesk.Platform;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientDesk.Tests.Booking;

/// <summary>Storing bookings (ADR 008): the database keeps every place unique, whatever arrives at the same moment.</summary>
public sealed class BookingsTests
{
    // Tuesday 24 March 2026 at Valmiera: walk-in and appointments 8:30–18:00. The test clock is 17 March, 09:00.
    private static readonly DateOnly Tuesday = new(2026, 3, 24);
    private static readonly TimeOnly Ten = new(10, 0);
    private static readonly ClientDetails Farmer = new("Jānis Bērziņš", "29123456", null);

    private static async Task<(int Location, int Service)> SetUpAsync(TestApp app, string slug = "valmiera", int seats = 1, int keptForStaff = 0)
    {
        var ct = TestContext.Current.CancellationToken;
        return await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.SingleAsync(l => l.Slug == slug, ct);
            location.BookingSeats = seats;
            location.SeatsKeptForStaff = keptForStaff;
            var service = await db.Services.SingleAsync(s => s.Code == "theory-exam-traffic", ct);
            await db.SaveChangesAsync(ct);
            return (location.Id, service.Id);
        });
    }

    private static async Task<BookingOutcome> BookAsync(TestApp app, BookingRequest request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Bookings>().BookAsync(request, TestContext.Current.CancellationToken);
    }

    [Theory, Providers]
    public async Task A_booking_stores_the_appointment_its_reference_and_one_seat_per_interval(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await SetUpAsync(app);

        var outcome = await BookAsync(app, new BookingRequest(location, service, Tuesday, Ten, 2, BookingChannels.Web, Farmer));

        var booked = Assert.IsType<BookingOutcome.Booked>(outcome);
        Assert.Matches("^[A-HJ-NP-Z2-9]{8}$", booked.Appointment.Reference);
        var stored = await app.WithDbAsync(db => db.Appointments.Include(a => a.Seats).AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(11, 0), AppointmentStatus.Booked), (stored.Start, stored.End, stored.Status));
        Assert.Equal(new DateTime(2026, 3, 24, 8, 0, 0, DateTimeKind.Utc), stored.StartsAtUtc);
        Assert.Equal(SecretLinks.Hash(booked.ManageToken), stored.ManageTokenHash);
        Assert.Equal(["10:00", "10:15", "10:30", "10:45"], stored.Seats.OrderBy(s => s.Start).Select(s => s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory, Providers]
    public async Task Two_hundred_clients_asking_for_the_last_place_at_once_get_one_booking_and_199_refusals(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await SetUpAsync(app);
        var request = new BookingRequest(location, service, Tuesday, Ten, 1, BookingChannels.Web, Farmer);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => BookAsync(app, request))));

        Assert.Single(outcomes.OfType<BookingOutcome.Booked>());
        Assert.Equal(199, outcomes.OfType<BookingOutcome.TimeNotFree>().Count());
        Assert.Equal(1, await app.WithDbAsync(db => db.Appointments.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(2, await app.WithDbAsync(db => db.Seats.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, Providers]
    public async Task The_web_cannot_take_the_seats_kept_for_staff_and_staff_go_beyond_capacity_only_with_a_reason(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await SetUpAsync(app, seats: 2, keptForStaff: 1);
        var staff = (await app.CreateStaffAsync("ilze", [ClientDesk.Access.Roles.ClientServiceSpecialist], ["valmiera"])).Id;
        BookingRequest Web() => new(location, service, Tuesday, Ten, 1, BookingChannels.Web, Farmer);
        BookingRequest Phone(string? reason = null) => new(location, service, Tuesday, Ten, 1, BookingChannels.Phone, Farmer, staff, reason);

        Assert.IsType<BookingOutcome.Booked>(await BookAsync(app, Web()));
        Assert.IsType<BookingOutcome.TimeNotFree>(await BookAsync(app, Web()));
        Assert.IsType<BookingOutcome.Booked>(await BookAsync(app, Phone()));
        Assert.IsType<BookingOutcome.TimeNotFree>(await BookAsync(app, Phone()));
        var over = Assert.IsType<BookingOutcome.Booked>(await BookAsync(app, Phone("Lauksaimnieks atbrauca no tālienes")));

        Assert.Equal("Lauksaimnieks atbrauca no tālienes", over.Appointment.OverCapacityReason);
        Assert.Equal([1, 2, 3], await app.WithDbAsync(db => db.Seats.Where(s => s.Start == Ten).OrderBy(s => s.Number).Select(s => s.Number).ToListAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, Providers]
    public async Task A_live_hold_keeps_the_place_and_an_expired_one_gives_it_up(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (location, service) = await SetUpAsync(app);
        var hold = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.Seats.AddRange(
                new Seat { LocationId = location, Date = Tuesday, Start = Ten, Number = 1, HoldId = hold, ExpiresAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5) },
                new Seat { LocationId = location, Date = Tuesday, Start = new TimeOnly(10, 15), Number = 1, HoldId = hold, ExpiresAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5) });
            await db.SaveChangesAsync(ct);
        });
        var request = new BookingRequest(location, service, Tuesday, Ten, 1, BookingChannels.Web, Farmer);

        Assert.IsType<BookingOutcome.TimeNotFree>(await BookAsync(app, request));
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.IsType<BookingOutcome.Booked>(await BookAsync(app, request));

        Assert.Equal(0, await app.WithDbAsync(db => db.Seats.CountAsync(s => s.HoldId == hold, ct)));
    }

    [Theory, Providers]
    public async Task The_database_itself_refuses_a_second_client_on_the_same_seat(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (location, service) = await SetUpAsync(app);
        Assert.IsType<BookingOutcome.Booked>(await BookAsync(app, new BookingRequest(location, service, Tuesday, Ten, 1, BookingChannels.Web, Farmer)));

        await app.WithDbAsync(async db =>
        {
            db.Seats.Add(new Seat { LocationId = location, Date = Tuesday, Start = Ten, Number = 1, HoldId = Guid.NewGuid(), ExpiresAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5) });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        });
    }

    [Theory, Providers]
    public async Task Times_not_offered_on_the_channel_or_without_a_duration_are_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (madona, service) = await SetUpAsync(app, "madona");
        var staff = (await app.CreateStaffAsync("anna", [ClientDesk.Access.Roles.ClientServiceSpecialist], ["madona"])).Id;
        var noDuration = await app.WithDbAsync(db => db.Services.Where(s => s.Code == "technical-inspection").Select(s => s.Id).SingleAsync(ct));

        Assert.IsType<BookingOutcome.TimeNotFree>(await BookAsync(app, new BookingRequest(madona, service, Tuesday, Ten, 1, BookingChannels.Web, Farmer)));
        Assert.IsType<BookingOutcome.Booked>(await BookAsync(app, new BookingRequest(madona, service, Tuesday, Ten, 1, BookingChannels.Phone, Farmer, staff)));
        Assert.IsType<BookingOutcome.TimeNotFree>(await BookAsync(app, new BookingRequest(madona, service, Tuesday, new TimeOnly(10, 5), 1, BookingChannels.Phone, Farmer, staff)));
        Assert.IsType<BookingOutcome.NotBookable>(await BookAsync(app, new BookingRequest(madona, noDuration, Tuesday, Ten, 1, BookingChannels.Web, Farmer)));
    }

    [Theory, Providers]
    public async Task Two_hundred_holds_staff_bookings_or_moves_at_once_for_the_last_place_give_it_to_exactly_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var (location, service) = await SetUpAsync(app);
        var staff = (await app.CreateStaffAsync("peteris", [ClientDesk.Access.Roles.ClientServiceSpecialist], ["valmiera"])).Id;

        async Task<BookingOutcome> InScope(Func<Bookings, Task<BookingOutcome>> work)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<Bookings>());
        }

        // Holds: 200 browsers choose 10:00 at once.
        var holds = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() =>
            InScope(b => b.HoldAsync(new HoldRequest(location, service, Tuesday, Ten, 1, BookingChannels.Web), ct)))));
        Assert.Single(holds.OfType<BookingOutcome.Held>());
        Assert.Equal(199, holds.OfType<BookingOutcome.TimeNotFree>().Count());

        // Staff: 200 phone bookings at once for 11:00.
        var eleven = new TimeOnly(11, 0);
        var staffBookings = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            InScope(b => b.BookAsync(new BookingRequest(location, service, Tuesday, eleven, 1, BookingChannels.Phone, Farmer with { Phone = $"2{i:0000000}" }, staff), ct)))));
        Assert.Single(staffBookings.OfType<BookingOutcome.Booked>());
        Assert.Equal(199, staffBookings.OfType<BookingOutcome.TimeNotFree>().Count());

        // Moves: 200 booked clients (50 seats at each of 14:00, 14:30, 15:00 and 15:30) all move to 16:00, where one place is left.
        await app.WithDbAsync(async db =>
        {
            (await db.Locations.SingleAsync(l => l.Id == location, ct)).BookingSeats = 50;
            await db.SaveChangesAsync(ct);
        });
        TimeOnly[] starts = [new(14, 0), new(14, 30), new(15, 0), new(15, 30)];
        var movers = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            var booked = Assert.IsType<BookingOutcome.Booked>(await InScope(b => b.BookAsync(
                new BookingRequest(location, service, Tuesday, starts[i / 50], 1, BookingChannels.Phone, Farmer with { Phone = $"2{i:0000000}" }, staff), ct)));
            movers.Add(booked.Appointment.Id);
        }

        await app.WithDbAsync(async db =>
        {
            (await db.Locations.SingleAsync(l => l.Id == location, ct)).BookingSeats = 1;
            await db.SaveChangesAsync(ct);
        });
        var sixteen = new TimeOnly(16, 0);
        var moves = await Task.WhenAll(movers.Select(id => Task.Run(() => InScope(b => b.MoveAsync(id, Tuesday, sixteen, ChangedBy.Client, ct: ct)))));
        Assert.Single(moves.OfType<BookingOutcome.Moved>());
        Assert.Equal(199, moves.OfType<BookingOutcome.TimeNotFree>().Count());

        Assert.Equal(2, await app.WithDbAsync(db => db.Seats.CountAsync(s => s.Start == sixteen || s.Start == new TimeOnly(16, 15), ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.Start == sixteen, ct)));
        Assert.Equal(199, await app.WithDbAsync(db => db.Appointments.CountAsync(a => starts.Contains(a.Start), ct)));
    }
}
