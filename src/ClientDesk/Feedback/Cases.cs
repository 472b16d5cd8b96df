using System.Security.Cryptography;
using ClientDesk.Administration;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Feedback;

/// <summary>A file received with a submission.</summary>
public sealed record NewAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>What arrived, from whichever channel; checked by the page or endpoint that took it in.</summary>
public sealed record CaseIntake(CaseKind Kind, CaseChannel Channel, string Text)
{
    public string? Subject { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? PostalAddress { get; init; }
    public string? EAddress { get; init; }
    public ReplyChannel PreferredReply { get; init; }
    public string Language { get; init; } = "lv";
    public int? LocationId { get; init; }
    public int? ServiceId { get; init; }
    public string? ConcernsStaffId { get; init; }
    public string? ConcernsStaffDescription { get; init; }
    public int? AppointmentId { get; init; }
    public int? TicketId { get; init; }

    /// <summary>When it reached the agency, if earlier than now (a letter registered the next morning); null is now.</summary>
    public DateTime? ReceivedAtUtc { get; init; }

    /// <summary>The staff member who registered it; null for the public form, the API and a survey.</summary>
    public string? RegisteredByStaffId { get; init; }
    public IReadOnlyList<NewAttachment> Attachments { get; init; } = [];
}

/// <summary>A registered case and the secret the submitter follows it with (known only now; only its hash is kept).</summary>
public sealed record RegisteredCase(Case Case, string StatusToken);

/// <summary>
/// Registers cases: the number of the year, the deadlines of the law in force on the day received (ADR 011), the
/// reply channel, the status secret. Saving is here because the number is taken in the same transaction.
/// </summary>
public sealed class Cases(ClientDeskDb db, TimeProvider clock)
{
    private const int NumberAttempts = 3;

    /// <summary>Registers the submission and saves it, with what <paramref name="beforeSave"/> adds (its messages), in one transaction.</summary>
    public async Task<RegisteredCase> RegisterAsync(CaseIntake intake, Func<Case, string, Task>? beforeSave = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var receivedAt = intake.ReceivedAtUtc is { } given && given < now ? given : now;
        var receivedOn = DateOnly.FromDateTime(RigaTime.ToLocal(receivedAt));
        var reply = ReplyChannelFor(intake);
        var informationOnly = string.IsNullOrWhiteSpace(intake.Name) || reply == ReplyChannel.None;
        var token = SecretLinks.NewToken();
        var @case = new Case
        {
            Kind = intake.Kind,
            Channel = intake.Channel,
            Language = intake.Language == "en" ? "en" : "lv",
            ReceivedAtUtc = receivedAt,
            ReceivedOn = receivedOn,
            Year = receivedOn.Year,
            LocationId = intake.LocationId,
            ServiceId = intake.ServiceId,
            ConcernsStaffId = intake.ConcernsStaffId,
            ConcernsStaffDescription = Blank(intake.ConcernsStaffDescription),
            AppointmentId = intake.AppointmentId,
            TicketId = intake.TicketId,
            SubmitterName = Blank(intake.Name),
            Email = Blank(intake.Email),
            Phone = Blank(intake.Phone),
            PostalAddress = Blank(intake.PostalAddress),
            EAddress = Blank(intake.EAddress),
            PreferredReply = reply,
            IsInformationOnly = informationOnly,
            Subject = Blank(intake.Subject) ?? "",
            Text = intake.Text.Trim(),
            StatusTokenHash = SecretLinks.Hash(token),
        };

        if (!informationOnly)
        {
            var deadlines = SubmissionLaw.DeadlinesFor(receivedOn, await CalendarSource.LoadAsync(db, ct));
            @case.DeadlineRule = deadlines.RuleCode;
            @case.AnswerBy = deadlines.AnswerBy;
            @case.ForwardBy = deadlines.ForwardBy;
        }

        foreach (var file in intake.Attachments)
        {
            @case.Attachments.Add(new CaseAttachment
            {
                FileName = Path.GetFileName(file.FileName),
                ContentType = file.ContentType,
                Length = file.Content.LongLength,
                Content = file.Content,
                AddedAtUtc = now,
                AddedByStaffId = intake.RegisteredByStaffId,
            });
        }

        @case.Log(CaseEntryKind.Registered, intake.RegisteredByStaffId, now, intake.Channel.ToString());
        db.Cases.Add(@case);
        await SaveWithNextNumberAsync(@case, token, beforeSave, ct);
        return new RegisteredCase(@case, token);
    }

    /// <summary>The case with this number whose secret matches; null for a wrong number or secret alike.</summary>
    public async Task<Case?> FindForSubmitterAsync(string number, string? token, CancellationToken ct = default)
    {
        if (!SecretLinks.TryHash(token, out var hash) || !TryParseNumber(number, out var year, out var sequence))
        {
            return null;
        }

        return await db.Cases.Include(c => c.Entries).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Year == year && c.Sequence == sequence && c.StatusTokenHash == hash, ct);
    }

    public static bool TryParseNumber(string? number, out int year, out int sequence)
    {
        year = sequence = 0;
        var parts = (number ?? "").Trim().Split('-');
        return parts.Length == 2 && parts[0].Length == 4 && parts[1].Length is > 0 and <= 6
            && int.TryParse(parts[0], out year) && int.TryParse(parts[1], out sequence) && year >= 2000 && sequence > 0;
    }

    /// <summary>The channel asked for when its address was given; else the first address given (e-address, e-mail, post); else none.</summary>
    public static ReplyChannel ReplyChannelFor(CaseIntake intake)
    {
        bool Has(ReplyChannel channel) => channel switch
        {
            ReplyChannel.Email => ClientIdentity.Email(intake.Email) is not null,
            ReplyChannel.Post => !string.IsNullOrWhiteSpace(intake.PostalAddress),
            ReplyChannel.EAddress => !string.IsNullOrWhiteSpace(intake.EAddress),
            _ => false,
        };

        return Has(intake.PreferredReply) ? intake.PreferredReply
            : new[] { ReplyChannel.EAddress, ReplyChannel.Email, ReplyChannel.Post }.FirstOrDefault(Has, ReplyChannel.None);
    }

    /// <summary>
    /// Saves the case with the next number of its year from the year's counter (<see cref="Numbering"/>), in its own
    /// transaction unless the caller has one (a survey answer and the case it opens are saved together).
    /// </summary>
    private async Task SaveWithNextNumberAsync(Case @case, string token, Func<Case, string, Task>? beforeSave, CancellationToken ct)
    {
        var scope = $"case:{@case.Year}";
        Task<int?> HighestInUse(CancellationToken cancel) => db.Cases.Where(c => c.Year == @case.Year).MaxAsync(c => (int?)c.Sequence, cancel);
        var ownTransaction = db.Database.CurrentTransaction is null;
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
            @case.Sequence = await Numbering.NextAsync(db, scope, HighestInUse, ct);
            if (beforeSave is not null)
            {
                // The messages name the case number, so they are written once it is known, and rewritten on a retry.
                foreach (var message in attempt == 1 ? [] : db.ChangeTracker.Entries<Notifications.OutboxMessage>().Where(m => m.State == EntityState.Added).ToList())
                {
                    message.State = EntityState.Detached;
                }

                await beforeSave(@case, token);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(ct);
                }

                return;
            }
            catch (DbUpdateException exception) when (AdminSupport.IsUniqueViolation(exception) && transaction is not null && attempt < NumberAttempts)
            {
                // Only a case numbered without the counter (an import) can hold the number: step past it and try again.
                await transaction.RollbackAsync(ct);
                await Numbering.CatchUpAsync(db, scope, await HighestInUse(ct) ?? 0, ct);
            }
        }
    }


    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
