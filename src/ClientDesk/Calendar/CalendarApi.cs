using System.Globalization;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Calendar;

/// <summary>
/// The calendar for machines: GET /api/v1/locations/{slug}/calendar?from=&amp;to= and GET /api/v1/holidays?year=.
/// Dates are YYYY-MM-DD, times HH:mm local in Europe/Riga, instants ISO 8601 with their offset.
/// </summary>
internal static class CalendarApi
{
    public const int MaxDays = 366;

    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        api.MapGet("/locations/{slug}/calendar", GetLocationCalendar).WithName("GetLocationCalendar").WithTags("Calendar")
            .WithSummary("A location's opening calendar, day by day.")
            .WithDescription($"`from` and `to` are dates (YYYY-MM-DD, inclusive; default: today and 13 days later), at most {MaxDays} days apart, "
                + "within 2000–2100. Each day says whether the location is open, the public holiday or closure that closes it, whether it is a "
                + "shortened pre-holiday day, and its windows of service with breaks cut out: kind (walk-in or appointment), start and end "
                + "(HH:mm, Europe/Riga), the booking cut-off as an instant and the channels through which bookings are accepted.");
        api.MapGet("/holidays", GetHolidays).WithName("GetHolidays").WithTags("Calendar")
            .WithSummary("Latvia's public holidays, moved working days and shortened days of a year.")
            .WithDescription("`year` is 2000–2100 (default: this year). Public holidays come from the law; festival closing days, one-off "
                + "holidays and the Cabinet's moved working days are the agency's data.");
        return api;
    }

    public sealed record WindowResource(string Kind, string Start, string End, DateTimeOffset? BookingCutoff, IReadOnlyList<string> Channels, string? BookingPhone);

    public sealed record DayResource(
        DateOnly Date, bool Open, string? Holiday, string? HolidayEn, string? Closure, string? ClosureEn, string? ClosedBecause,
        bool Shortened, bool MovedWorkingSaturday, IReadOnlyList<WindowResource> Windows);

    public sealed record LocationCalendarResource(string Location, DateOnly From, DateOnly To, string TimeZone, IReadOnlyList<DayResource> Days);

    public sealed record HolidayResource(DateOnly Date, string Name, string NameEn);

    public sealed record MovedDayResource(DateOnly? DayOff, DateOnly? WorkingSaturday, string? LegalBasis);

    public sealed record HolidaysResource(
        int Year, IReadOnlyList<HolidayResource> Holidays, IReadOnlyList<MovedDayResource> MovedWorkingDays,
        IReadOnlyList<DateOnly> DaysOffAfterWeekendHolidays, IReadOnlyList<DateOnly> ShortenedDays);

    private static async Task<Results<Ok<LocationCalendarResource>, ProblemHttpResult>> GetLocationCalendar(
        string slug, string? from, string? to, ClientDeskDb db, CalendarStore store, TimeProvider clock, CancellationToken ct)
    {
        var today = RigaTime.Today(clock);
        if (!TryDate(from, today, out var first))
        {
            return BadRequest($"'from' must be a date written as YYYY-MM-DD, such as {today:yyyy-MM-dd}.");
        }

        if (!TryDate(to, first.AddDays(13), out var last))
        {
            return BadRequest($"'to' must be a date written as YYYY-MM-DD, such as {first.AddDays(13):yyyy-MM-dd}.");
        }

        if (last < first)
        {
            return BadRequest("'to' must not be earlier than 'from'.");
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return BadRequest($"Ask for at most {MaxDays} days at a time; 'from' {first:yyyy-MM-dd} to 'to' {last:yyyy-MM-dd} is {last.DayNumber - first.DayNumber + 1} days.");
        }

        if (first.Year < LatvianHolidays.FirstYear || last.Year > LatvianHolidays.LastYear)
        {
            return BadRequest($"The calendar covers {LatvianHolidays.FirstYear}–{LatvianHolidays.LastYear}.");
        }

        var location = await db.Locations.AsNoTracking().Where(l => l.Slug == slug && l.IsActive).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        if (location is not { } id)
        {
            return TypedResults.Problem(detail: $"There is no location '{slug}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        var calendar = await store.GetAsync(db, ct);
        var days = calendar.Days(id, first, last).Select(ToResource).ToList();
        return TypedResults.Ok(new LocationCalendarResource(slug, first, last, RigaTime.Zone.Id, days));
    }

    private static async Task<Results<Ok<HolidaysResource>, ProblemHttpResult>> GetHolidays(
        string? year, ClientDeskDb db, CalendarStore store, TimeProvider clock, CancellationToken ct)
    {
        var chosen = RigaTime.Today(clock).Year;
        if (!string.IsNullOrEmpty(year) && !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out chosen)
            || chosen is < LatvianHolidays.FirstYear or > LatvianHolidays.LastYear)
        {
            return BadRequest($"'year' must be a year from {LatvianHolidays.FirstYear} to {LatvianHolidays.LastYear}, such as {RigaTime.Today(clock).Year}.");
        }

        var calendar = await store.GetAsync(db, ct);
        return TypedResults.Ok(ToResource(YearOverview.Of(calendar.WorkingDays, chosen)));
    }

    private static HolidaysResource ToResource(YearOverview year) => new(
        year.Year,
        [.. year.Holidays.Select(h => new HolidayResource(h.Date, h.NameLv, h.NameEn))],
        [.. year.MovedDays.Select(m => new MovedDayResource(m.DayOff, m.WorkingSaturday, m.LegalBasis))],
        year.WeekendRuleDaysOff,
        year.ShortenedDays);

    private static DayResource ToResource(LocationDay day) => new(
        day.Date,
        day.Open,
        day.Holiday?.NameLv,
        day.Holiday?.NameEn,
        day.Closure?.ReasonLv,
        day.Closure?.ReasonEn,
        day.ClosedBecause is { } closed ? JsonName(closed) : null,
        day.Shortened,
        day.MovedWorkingSaturday,
        [.. day.Windows.Select(w => new WindowResource(
            w.Kind.Name(),
            w.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
            w.End.ToString("HH:mm", CultureInfo.InvariantCulture),
            w.BookingCutoff,
            [.. w.Channels.Each().Select(c => c.Name())],
            w.BookingPhone))]);

    private static string JsonName(ClosedBecause closed) => closed switch
    {
        ClosedBecause.Holiday => "holiday",
        ClosedBecause.Closure => "closure",
        ClosedBecause.MovedDayOff => "movedDayOff",
        ClosedBecause.WeekendRuleDayOff => "weekendRuleDayOff",
        ClosedBecause.Weekend => "weekend",
        _ => "noService",
    };

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrEmpty(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
