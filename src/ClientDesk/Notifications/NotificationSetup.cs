using Microsoft.Extensions.Options;

namespace ClientDesk.Notifications;

internal static class NotificationSetup
{
    /// <summary>
    /// The outbox's dispatcher and worker, and the senders: SMTP when <c>Email:Smtp:Host</c> is set, else .eml files
    /// under data/mail; SMS as .txt files under data/sms. The worker is off in the Testing environment unless
    /// <c>Notifications:WorkerEnabled</c> says otherwise.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<NotificationOptions>(options =>
        {
            options.WorkerEnabled = !environment.IsEnvironment("Testing");
            configuration.GetSection("Notifications").Bind(options);
            if (configuration.GetValue<bool?>("Notifications:Worker:Enabled") is { } enabled)
            {
                options.WorkerEnabled = enabled;
            }

            if (configuration["App:PublicBaseUrl"] is { Length: > 0 } baseUrl)
            {
                options.PublicBaseUrl = baseUrl;
            }

            options.PublicBaseUrl = options.PublicBaseUrl.TrimEnd('/');
        });
        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        services.Configure<SmsOptions>(configuration.GetSection("Sms"));

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();
        services.AddSingleton<IEmailSender>(sp =>
        {
            var email = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return string.IsNullOrWhiteSpace(email.Smtp.Host)
                ? new PickupFolderEmailSender(email, DataFolder(environment, email.PickupFolder, "mail"), sp.GetRequiredService<TimeProvider>())
                : new SmtpEmailSender(email, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ISmsSender>(sp => new FileSmsSender(
            DataFolder(environment, sp.GetRequiredService<IOptions<SmsOptions>>().Value.Folder, "sms"), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>data/{name} where the SQLite file goes (the repository's data/ when run from the source tree), unless configured.</summary>
    private static string DataFolder(IHostEnvironment environment, string? configured, string name)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }

        var data = File.Exists(Path.Combine(environment.ContentRootPath, "ClientDesk.csproj"))
            ? Path.Combine(environment.ContentRootPath, "..", "..", "data")
            : Path.Combine(environment.ContentRootPath, "data");
        return Path.GetFullPath(Path.Combine(data, name));
    }
}
