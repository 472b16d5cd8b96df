namespace ClientDesk.Notifications;

/// <summary>How the outbox is drained (configuration section <c>Notifications</c>; ADR 009).</summary>
public sealed class NotificationOptions
{
    /// <summary>Where the client's links point: <c>App:PublicBaseUrl</c>, e.g. https://klienti.vtua.gov.lv.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The background worker; tests switch it off and call <see cref="OutboxDispatcher"/> themselves.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for due messages when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many messages one claim takes.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim keeps other workers off a row; an instance that dies mid-send gives it up after this.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this many failed attempts a message is Failed and waits for an administrator.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each further one, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: 1, 2, 4, 8 … minutes, capped.</summary>
    public TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(FirstBackoff.Ticks * factor, MaxBackoff.Ticks));
    }
}

/// <summary>E-mail delivery (configuration section <c>Email</c>): SMTP when <c>Email:Smtp:Host</c> is set, else .eml files.</summary>
public sealed class EmailOptions
{
    /// <summary>The sender, e.g. "VTUA &lt;noreply@vtua.gov.lv&gt;".</summary>
    public string From { get; set; } = "VTUA <noreply@vtua.gov.lv>";

    /// <summary>Where .eml files go without SMTP; empty means data/mail beside the database.</summary>
    public string? PickupFolder { get; set; }

    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>MailKit's choice: Auto, None, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public MailKit.Security.SecureSocketOptions SecureSocketOptions { get; set; } = MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>SMS delivery (configuration section <c>Sms</c>); the local default writes .txt files.</summary>
public sealed class SmsOptions
{
    /// <summary>Where .txt files go; empty means data/sms beside the database.</summary>
    public string? Folder { get; set; }
}
