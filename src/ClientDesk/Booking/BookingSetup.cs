namespace ClientDesk.Booking;

internal static class BookingSetup
{
    public static IServiceCollection AddBooking(this IServiceCollection services) => services.AddScoped<Bookings>();
}
