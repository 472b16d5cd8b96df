namespace ClientDesk.Calendar;

internal static class CalendarSetup
{
    public static IServiceCollection AddCalendar(this IServiceCollection services) =>
        services.AddSingleton<CalendarStore>().AddScoped<HoursText>();
}
