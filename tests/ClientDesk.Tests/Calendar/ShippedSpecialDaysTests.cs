using ClientDesk.Calendar;
using ClientDesk.ReferenceData;

namespace ClientDesk.Tests.Calendar;

public sealed class ShippedSpecialDaysTests
{
    private static readonly IReadOnlyList<SpecialDayData> Days = ReferenceDataFile.Read(ReferenceDataFile.DefaultPath).SpecialDays ?? [];

    [Fact]
    public void Every_shipped_moved_working_Saturday_is_a_Saturday_paired_with_a_shipped_weekday_off_in_the_same_month()
    {
        var saturdays = Days.Where(d => d.Kind == SpecialDayKind.MovedWorkingSaturday).ToList();
        Assert.Equal(11, saturdays.Count);
        Assert.All(saturdays, s =>
        {
            Assert.Equal(DayOfWeek.Saturday, s.Date.DayOfWeek);
            Assert.NotNull(s.MovedFrom);
            Assert.Equal(s.Date.Month, s.MovedFrom.Value.Month);
            Assert.Contains(Days, d => d.Kind == SpecialDayKind.MovedDayOff && d.Date == s.MovedFrom);
        });
        Assert.All(Days.Where(d => d.Kind == SpecialDayKind.MovedDayOff), d => Assert.InRange((int)d.Date.DayOfWeek, 1, 5));
    }

    [Fact]
    public void Every_shipped_special_day_has_both_names_and_a_source()
    {
        Assert.Equal(25, Days.Count);
        Assert.All(Days, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.NameLv));
            Assert.False(string.IsNullOrWhiteSpace(d.NameEn));
            Assert.StartsWith("http", d.Source);
        });
    }
}
