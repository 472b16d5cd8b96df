using ClientDesk.Feedback.Retention;
using ClientDesk.Feedback.Officer;

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
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseNotices>();
        services.AddSingleton<DeadlineReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineReminders>());
        services.AddScoped<Surveys.SurveyInvitations>();
        services.AddScoped<Surveys.SurveyAnswers>();
        services.AddHostedService<Surveys.SurveyInvitationService>();
        return services;
    }
}
