namespace ClientDesk.Feedback;

internal static class FeedbackSetup
{
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection("Feedback"));
        services.AddScoped<Cases>();
        services.AddScoped<Surveys.SurveyInvitations>();
        services.AddScoped<Surveys.SurveyAnswers>();
        services.AddHostedService<Surveys.SurveyInvitationService>();
        return services;
    }
}
