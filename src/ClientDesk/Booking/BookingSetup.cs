using ClientDesk.Notifications;

namespace ClientDesk.Booking;

internal static class BookingSetup
{
    public static IServiceCollection AddBooking(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BookingOptions>(configuration.GetSection("Booking"));
        services.AddScoped<Bookings>();
        services.AddSingleton<AvailabilityCache>();
        services.AddScoped<BookingNotices>();
        services.AddScoped<Online.OnlineBooking>();
        return services;
    }
}
