using System.Globalization;
using ClientDesk.Booking;
using MailKit.Net.Smtp;
using MimeKit;

namespace ClientDesk.Notifications;

/// <summary>Sends an outbox message by e-mail: SMTP in production, .eml files locally (ADR 009).</summary>
public interface IEmailSender
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Sends an outbox message by SMS; the local default writes files until a provider is contracted.</summary>
public interface ISmsSender
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>A message that can never be delivered as it is (a malformed address, a mailbox the server refuses): no retry helps.</summary>
public sealed class UndeliverableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The MIME form of an outbox e-mail: plain text, and the appointment's .ics as a text/calendar attachment.</summary>
internal static class EmailMessages
{
    public static MimeMessage Build(OutboxMessage message, string from, TimeProvider clock)
    {
        if (ClientIdentity.Email(message.Recipient) is null || !MailboxAddress.TryParse(message.Recipient, out var to))
        {
            throw new UndeliverableException("The recipient is not a valid e-mail address.");
        }

        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(to);
        mime.Subject = message.Subject;
        mime.Date = clock.GetUtcNow();
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("clientdesk.vtua.gov.lv");
        mime.Headers.Add("Content-Language", message.Language);
        var text = new TextPart("plain") { Text = message.Body };
        text.ContentType.Charset = "utf-8";
        if (message.AttachmentContent is null)
        {
            mime.Body = text;
            return mime;
        }

        var calendar = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.AttachmentContent))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = message.AttachmentName ?? "appointment" + IcsCalendar.FileExtension,
        };
        calendar.ContentType.Charset = "utf-8";
        calendar.ContentType.Parameters.Add("method", IcsCalendar.Method(message.AttachmentContent));
        mime.Body = new Multipart("mixed") { text, calendar };
        return mime;
    }

    /// <summary>A file name that sorts by time and says which message it is; a second sending of one message is a second file.</summary>
    public static string FileName(OutboxMessage message, TimeProvider clock, string extension) =>
        $"{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{message.Id}-{message.Kind}-{Guid.NewGuid().ToString("N")[..8]}{extension}";
}

/// <summary>Sends through the configured SMTP server with MailKit; a refused recipient is undeliverable, anything else is retried.</summary>
internal sealed class SmtpEmailSender(EmailOptions options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var mime = EmailMessages.Build(message, options.From, clock);
        using var client = new SmtpClient { Timeout = (int)options.Smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(options.Smtp.Host ?? "localhost", options.Smtp.Port, options.Smtp.SecureSocketOptions, ct);
        if (!string.IsNullOrEmpty(options.Smtp.UserName))
        {
            await client.AuthenticateAsync(options.Smtp.UserName, options.Smtp.Password ?? "", ct);
        }

        try
        {
            await client.SendAsync(mime, ct);
        }
        catch (SmtpCommandException refused) when (refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)refused.StatusCode >= 500)
        {
            throw new UndeliverableException($"The mail server refused the recipient: {(int)refused.StatusCode} {refused.Message}", refused);
        }

        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>Writes each e-mail as an .eml file, the local default when no SMTP server is configured.</summary>
internal sealed class PickupFolderEmailSender(EmailOptions options, string folder, TimeProvider clock) : IEmailSender
{
    public string Folder => folder;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var mime = EmailMessages.Build(message, options.From, clock);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, EmailMessages.FileName(message, clock, ".eml"));
        await using var file = File.Create(path);
        await mime.WriteToAsync(file, ct);
    }
}

/// <summary>Writes each SMS as a .txt file (number, then the text), the local default until an SMS provider is contracted.</summary>
internal sealed class FileSmsSender(string folder, TimeProvider clock) : ISmsSender
{
    public string Folder => folder;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (BookingNotices.MobileNumber(message.Recipient) is null)
        {
            throw new UndeliverableException("The recipient is not a mobile phone number.");
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, EmailMessages.FileName(message, clock, ".txt"));
        await File.WriteAllTextAsync(path, $"To: {message.Recipient}\n\n{message.Body}\n", ct);
    }
}
