using ClientDesk.Feedback.Retention;

namespace ClientDesk.Feedback;

internal static class FeedbackSetup
{
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection("Feedback"));
        services.AddScoped<Cases>();
        services.AddScoped<PersonalDataRetention>();
        services.AddHostedService<PersonalDataRetentionService>();
        services.AddScoped<SubmitterMessages>();
        services.AddScoped<Intake.IntakeForm>();
        return services;
    }
}
