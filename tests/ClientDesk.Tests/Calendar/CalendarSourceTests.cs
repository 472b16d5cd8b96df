using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Calendar;

public sealed class CalendarSourceTests
{
    [Theory, Providers]
    public async Task The_shipped_special_days_arrive_in_the_calendar_built_from_the_database(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var calendar = await app.WithDbAsync(db => CalendarSource.LoadAsync(db, TestContext.Current.CancellationToken));

        Assert.Equal(25, calendar.SpecialDays.Count);
        Assert.True(calendar.IsPublicHoliday(new DateOnly(2023, 7, 9)));
        Assert.True(calendar.IsWeekendRuleDayOff(new DateOnly(2023, 7, 10)));
        Assert.True(calendar.IsPublicHoliday(new DateOnly(2018, 9, 24)));
        Assert.True(calendar.IsPublicHoliday(new DateOnly(2023, 5, 29)));
        Assert.True(calendar.IsMovedDayOff(new DateOnly(2025, 5, 2)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 5, 10)));
        Assert.True(calendar.IsShortened(new DateOnly(2018, 4, 21)));
        Assert.Equal(new DateOnly(2012, 4, 30), calendar.SpecialDays.Single(d => d.Date == new DateOnly(2012, 4, 28)).MovedFrom);
        Assert.Equal("MK rīkojums Nr. 146", calendar.SpecialDays.Single(d => d.Date == new DateOnly(2012, 4, 28)).LegalBasis);
    }

    [Theory, Providers]
    public async Task A_date_has_at_most_one_special_day_of_each_kind(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        await app.WithDbAsync(async db =>
        {
            db.SpecialDays.Add(new SpecialDay { Date = new DateOnly(2023, 7, 9), Kind = SpecialDayKind.FestivalClosingDay, NameLv = "x", NameEn = "x" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        });
    }
}
