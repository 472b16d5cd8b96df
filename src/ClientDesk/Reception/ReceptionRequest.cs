using ClientDesk.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClientDesk.Reception;

public enum ReceptionStatus
{
    Requested = 0,
    TimeProposed = 1,
    Confirmed = 2,
    Held = 3,
    Cancelled = 4,
}

public enum ReceptionChannel
{
    Web = 0,
    Phone = 1,
    Email = 2,
    Post = 3,
    InPerson = 4,
}

/// <summary>
/// A client's request to meet an official (V-1, V-2), numbered <c>PN-2026-00042</c>. The client wishes a slot from the
/// official's hours or describes the days that suit; the official or an assistant confirms the wish or proposes a time,
/// which the client accepts or asks to change. The database refuses two confirmed meetings of one official at one start.
/// </summary>
public sealed class ReceptionRequest
{
    public const string NumberPrefix = "PN";

    public int Id { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string Number => FormatNumber(Year, Sequence);

    public int OfficialId { get; set; }
    public ReceptionOfficial Official { get; set; } = null!;

    public required string Topic { get; set; }

    [PersonalData]
    public required string ClientName { get; set; }

    [PersonalData]
    public string? Phone { get; set; }

    [PersonalData]
    public string? Email { get; set; }

    public string Language { get; set; } = "lv";

    /// <summary>A slot from the official's hours that the client chose, when there were hours.</summary>
    public DateOnly? WishedDate { get; set; }
    public TimeOnly? WishedStart { get; set; }

    /// <summary>The days and times that suit, in the client's words (always possible; the only way when there are no hours).</summary>
    public string? PreferredTimes { get; set; }

    public ReceptionChannel Channel { get; set; }
    public string? RegisteredByStaffId { get; set; }
    public StaffMember? RegisteredBy { get; set; }

    public int? CaseId { get; set; }
    public Feedback.Case? Case { get; set; }

    public required string StatusTokenHash { get; set; }

    public ReceptionStatus Status { get; private set; }

    /// <summary>The time offered by the official, while the client is asked.</summary>
    public DateOnly? ProposedDate { get; private set; }
    public TimeOnly? ProposedStart { get; private set; }

    public DateOnly? ConfirmedDate { get; private set; }
    public TimeOnly? ConfirmedStart { get; private set; }

    /// <summary>The client's last word: why another time is asked, or why they cancelled.</summary>
    public string? ClientNote { get; private set; }

    /// <summary>The official's side: why it was cancelled.</summary>
    public string? StatusNote { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? UpdatedAtUtc { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status is ReceptionStatus.Requested or ReceptionStatus.TimeProposed or ReceptionStatus.Confirmed;

    /// <summary>The official confirms the slot the client wished.</summary>
    public void ConfirmWish(DateTime nowUtc)
    {
        if (Status != ReceptionStatus.Requested || WishedDate is null || WishedStart is null)
        {
            throw new InvalidOperationException($"Request {Number} has no wished time to confirm ({Status}).");
        }

        Confirm(WishedDate.Value, WishedStart.Value, nowUtc);
    }

    /// <summary>The official proposes a time; the client accepts it or asks for another.</summary>
    public void Propose(DateOnly date, TimeOnly start, DateTime nowUtc)
    {
        if (Status is not (ReceptionStatus.Requested or ReceptionStatus.TimeProposed or ReceptionStatus.Confirmed))
        {
            throw new InvalidOperationException($"Request {Number} is {Status}; no time can be proposed.");
        }

        Status = ReceptionStatus.TimeProposed;
        ProposedDate = date;
        ProposedStart = start;
        ConfirmedDate = null;
        ConfirmedStart = null;
        Touch(nowUtc);
    }

    /// <summary>The client accepts the proposed time.</summary>
    public void Accept(DateTime nowUtc)
    {
        if (Status != ReceptionStatus.TimeProposed || ProposedDate is null || ProposedStart is null)
        {
            throw new InvalidOperationException($"Request {Number} has no proposed time ({Status}).");
        }

        Confirm(ProposedDate.Value, ProposedStart.Value, nowUtc);
    }

    /// <summary>The client asks for another time than the one proposed, saying why.</summary>
    public void AskAnother(string reason, DateTime nowUtc)
    {
        if (Status != ReceptionStatus.TimeProposed)
        {
            throw new InvalidOperationException($"Request {Number} has no proposed time ({Status}).");
        }

        Status = ReceptionStatus.Requested;
        ClientNote = reason;
        ProposedDate = null;
        ProposedStart = null;
        WishedDate = null;
        WishedStart = null;
        Touch(nowUtc);
    }

    public void MarkHeld(DateTime nowUtc)
    {
        if (Status != ReceptionStatus.Confirmed)
        {
            throw new InvalidOperationException($"Request {Number} is {Status}; only a confirmed meeting is held.");
        }

        Status = ReceptionStatus.Held;
        Touch(nowUtc);
    }

    /// <summary>Cancelled by the official (<paramref name="byClient"/> false) or by the client, with the reason.</summary>
    public void Cancel(string reason, bool byClient, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Request {Number} is {Status}; it cannot be cancelled.");
        }

        Status = ReceptionStatus.Cancelled;
        if (byClient)
        {
            ClientNote = reason;
        }
        else
        {
            StatusNote = reason;
        }

        Touch(nowUtc);
    }

    private void Confirm(DateOnly date, TimeOnly start, DateTime nowUtc)
    {
        Status = ReceptionStatus.Confirmed;
        ConfirmedDate = date;
        ConfirmedStart = start;
        ProposedDate = null;
        ProposedStart = null;
        Touch(nowUtc);
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    public static string FormatNumber(int year, int sequence) => $"{NumberPrefix}-{year}-{sequence:00000}";

    public static bool TryParseNumber(string? number, out int year, out int sequence)
    {
        year = sequence = 0;
        var parts = (number ?? "").Trim().ToUpperInvariant().Split('-');
        return parts.Length == 3 && parts[0] == NumberPrefix && parts[1].Length == 4 && parts[2].Length is > 0 and <= 6
            && int.TryParse(parts[1], out year) && int.TryParse(parts[2], out sequence) && year >= 2000 && sequence > 0;
    }
}

internal sealed class ReceptionRequestConfiguration : IEntityTypeConfiguration<ReceptionRequest>
{
    public void Configure(EntityTypeBuilder<ReceptionRequest> request)
    {
        request.HasIndex(r => new { r.Year, r.Sequence }).IsUnique();
        request.HasIndex(r => r.StatusTokenHash).IsUnique();
        request.HasIndex(r => new { r.OfficialId, r.Status });

        // One official, one confirmed meeting per start time: two assistants confirming at once leave one.
        request.HasIndex(r => new { r.OfficialId, r.ConfirmedDate, r.ConfirmedStart })
            .IsUnique()
            .HasFilter("\"Status\" = 'Confirmed'")
            .HasDatabaseName("IX_ReceptionRequests_OneConfirmedPerStart");
        request.Ignore(r => r.Number);
        request.Ignore(r => r.IsOpen);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Topic).HasMaxLength(2000);
        request.Property(r => r.ClientName).HasMaxLength(200);
        request.Property(r => r.Phone).HasMaxLength(30);
        request.Property(r => r.Email).HasMaxLength(254);
        request.Property(r => r.Language).HasMaxLength(5);
        request.Property(r => r.PreferredTimes).HasMaxLength(500);
        request.Property(r => r.ClientNote).HasMaxLength(1000);
        request.Property(r => r.StatusNote).HasMaxLength(1000);
        request.Property(r => r.StatusTokenHash).HasMaxLength(64);
        request.Property(r => r.RegisteredByStaffId).HasMaxLength(450);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasOne(r => r.Official).WithMany().OnDelete(DeleteBehavior.Restrict);
        request.HasOne(r => r.Case).WithMany().OnDelete(DeleteBehavior.SetNull);
        request.HasOne(r => r.RegisteredBy).WithMany().HasForeignKey(r => r.RegisteredByStaffId).OnDelete(DeleteBehavior.Restrict);
        request.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ReceptionRequests_Contact", "\"Phone\" IS NOT NULL OR \"Email\" IS NOT NULL");
            t.HasCheckConstraint("CK_ReceptionRequests_Confirmed",
                "\"Status\" NOT IN ('Confirmed', 'Held') OR (\"ConfirmedDate\" IS NOT NULL AND \"ConfirmedStart\" IS NOT NULL)");
        });
    }
}
