using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using ClientDesk.Administration;
using ClientDesk.Booking;
using ClientDesk.Calendar;
using ClientDesk.Data;
using ClientDesk.Notifications;
using ClientDesk.OnSite.Requests;
using ClientDesk.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ClientDesk.OnSite;

/// <summary>What the public form, the staff page and the API send; every field is checked by <see cref="OnSiteRequests.CheckAsync"/>.</summary>
public sealed class OnSiteRequestInput
{
    public const int AddressMaxLength = 300;
    public const int DirectionsMaxLength = 500;
    public const int MachinesDescriptionMaxLength = 500;
    public const int NameMaxLength = 200;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;
    public const int NoteMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int MaxMachines = 50;

    public string? Service { get; set; }
    public string? Office { get; set; }
    public string? Address { get; set; }
    public string? Directions { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Machines { get; set; }
    public string? MachinesDescription { get; set; }
    public string? EarliestDate { get; set; }
    public string? LatestDate { get; set; }
    public List<string> Weekdays { get; set; } = [];
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Language { get; set; }
    public string? Note { get; set; }

    // Staff registration and machine clients only.
    public string? Channel { get; set; }

    // The public form's bot protection (as the booking and feedback forms').
    public string? Website { get; set; }
    public string? FormTicket { get; set; }
}

/// <summary>A request checked and ready to be saved, with the travel fee that was shown for it.</summary>
public sealed record OnSiteApplication(
    int ServiceId, int LocationId, string Address, string? Directions, double? Latitude, double? Longitude, int Machines, string MachinesDescription,
    DateOnly EarliestDate, DateOnly LatestDate, Weekdays Weekdays, string Name, string? Phone, string? Email, string Language, string? Note,
    TravelFeeQuote Quote);

public sealed record RegisteredOnSiteRequest(OnSiteRequest Request, string StatusToken);

/// <summary>What the client may do with a request from the status page or the API.</summary>
public enum ClientAction
{
    Confirm,
    AskOtherDay,
    Withdraw,
}

public enum ClientChange
{
    Done,

    /// <summary>Not in this state (not planned yet, already visited, the day has passed).</summary>
    NotAllowed,

    /// <summary>Someone changed the request since the client looked at it (an inspector re-planned it).</summary>
    Stale,

    /// <summary>Another day was asked for without saying why.</summary>
    ReasonMissing,
}

/// <summary>An office the client may choose for a service, with its region and its point when known.</summary>
public sealed record OfficeChoice(int Id, string Slug, string NameLv, string NameEn, string RegionLv, string RegionEn, double? Latitude, double? Longitude)
{
    public (double, double)? Point => Latitude is { } lat && Longitude is { } lon ? (lat, lon) : null;
}

/// <summary>A service that may be done at the client's place, with its fee lines.</summary>
public sealed record OnSiteService(int Id, string Code, string NameLv, string NameEn, IReadOnlyList<FeeLineView> Fees);

/// <summary>
/// On-site visit requests (S-6, VAL-5): checking what the form, staff or the API send, saving with the year's next
/// number and the receipt e-mail, finding a request for its client by number and secret, and the client's own
/// changes — confirm the planned day, ask for another one, withdraw — each allowed only in the right state.
/// </summary>
public sealed class OnSiteRequests(
    ClientDeskDb db, IStringLocalizer<RequestTexts> t, TimeProvider clock, IOptions<NotificationOptions> notifications)
{
    /// <summary>How far ahead the first suitable day may be, and the last.</summary>
    public const int HorizonDays = 180;

    public const string ReceiptKind = "onsite.received";

    /// <summary>To the inspector whose round lost a stop because the client asked for another day or withdrew.</summary>
    public const string InspectorToldKind = "onsite.inspector-told";

    private const int NumberAttempts = 5;

    private static readonly ResourceManager Texts = new(typeof(RequestTexts));

    public static readonly OnSiteChannel[] StaffChannels =
        [OnSiteChannel.Phone, OnSiteChannel.Email, OnSiteChannel.Post, OnSiteChannel.InPerson, OnSiteChannel.EServicePortal, OnSiteChannel.LatvijaLv, OnSiteChannel.EAddress];

    public static readonly OnSiteChannel[] MachineChannels = [OnSiteChannel.EServicePortal, OnSiteChannel.LatvijaLv, OnSiteChannel.EAddress];

    public static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>"20.03.2026." / "20 March 2026": a date inside "from … to …", where the sentence form of a weekday would not fit.</summary>
    public static string ShortDate(DateOnly date, bool english) =>
        english ? date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en")) : date.ToString("dd.MM.yyyy.", CultureInfo.InvariantCulture);

    public static Weekdays FlagOf(DayOfWeek day) => (Weekdays)(1 << (((int)day + 6) % 7));

    public async Task<IReadOnlyList<OnSiteService>> ServicesAsync(CancellationToken ct)
    {
        var services = await db.Services.AsNoTracking().Where(s => s.IsActive && s.OnSite).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Code, s.NameLv, s.NameEn, Fees = s.Fees.OrderBy(f => f.Position).ToList() })
            .ToListAsync(ct);
        return [.. services.Select(s => new OnSiteService(s.Id, s.Code, s.NameLv, s.NameEn, [.. s.Fees.Select(TravelFees.View)]))];
    }

    /// <summary>The offices that do this service, by name; their region's inspectors plan the visit.</summary>
    public async Task<IReadOnlyList<OfficeChoice>> OfficesAsync(int serviceId, CancellationToken ct)
    {
        var offices = await db.Locations.AsNoTracking()
            .Where(l => l.IsActive && l.Services.Any(s => s.Id == serviceId))
            .Select(l => new OfficeChoice(l.Id, l.Slug, l.NameLv, l.NameEn, l.Region.NameLv, l.Region.NameEn, l.Latitude, l.Longitude))
            .ToListAsync(ct);
        var english = Localization.IsEnglish;
        return [.. offices.OrderBy(o => english ? o.NameEn : o.NameLv, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))];
    }

    /// <summary>
    /// Checks every field; each problem goes to <paramref name="error"/> under the input's property name, in the current
    /// language. Null means nothing is to be saved.
    /// </summary>
    public async Task<OnSiteApplication?> CheckAsync(OnSiteRequestInput input, Action<string, string> error, CancellationToken ct)
    {
        var valid = true;
        void Error(string field, string message)
        {
            valid = false;
            error(field, message);
        }

        void Length(string? value, int max, string field)
        {
            if (value is not null && value.Trim().Length > max)
            {
                Error(field, t["Error.TooLong", t["Form." + field], max, value.Trim().Length]);
            }
        }

        var service = string.IsNullOrWhiteSpace(input.Service) || input.Service.Length > 60 ? null
            : (await ServicesAsync(ct)).FirstOrDefault(s => s.Code == input.Service.Trim());
        if (service is null)
        {
            Error(nameof(input.Service), t["Error.Service"]);
        }

        var office = service is null || string.IsNullOrWhiteSpace(input.Office) ? null
            : (await OfficesAsync(service.Id, ct)).FirstOrDefault(o => o.Slug == input.Office.Trim());
        if (service is not null && office is null)
        {
            Error(nameof(input.Office), t["Error.Office"]);
        }

        var address = input.Address?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            Error(nameof(input.Address), t["Error.Address"]);
        }

        Length(input.Address, OnSiteRequestInput.AddressMaxLength, nameof(input.Address));
        Length(input.Directions, OnSiteRequestInput.DirectionsMaxLength, nameof(input.Directions));
        Length(input.MachinesDescription, OnSiteRequestInput.MachinesDescriptionMaxLength, nameof(input.MachinesDescription));
        Length(input.Name, OnSiteRequestInput.NameMaxLength, nameof(input.Name));
        Length(input.Note, OnSiteRequestInput.NoteMaxLength, nameof(input.Note));

        var point = CheckPoint(input.Latitude, input.Longitude, Error);

        var machines = 0;
        if (!int.TryParse(input.Machines?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out machines) || machines is < 1 or > OnSiteRequestInput.MaxMachines)
        {
            Error(nameof(input.Machines), t["Error.Machines", OnSiteRequestInput.MaxMachines]);
        }

        if (string.IsNullOrWhiteSpace(input.MachinesDescription))
        {
            Error(nameof(input.MachinesDescription), t["Error.MachinesDescription"]);
        }

        var (earliest, latest, weekdays) = CheckDays(input, Error);

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            Error(nameof(input.Name), t["Error.Name"]);
        }

        string? phone = null, email = null;
        if (!string.IsNullOrWhiteSpace(input.Phone) && (input.Phone.Length > OnSiteRequestInput.PhoneMaxLength || (phone = ClientIdentity.Phone(input.Phone)) is null))
        {
            Error(nameof(input.Phone), t["Error.Phone"]);
        }

        if (!string.IsNullOrWhiteSpace(input.Email) && (email = ClientIdentity.Email(input.Email)) is null)
        {
            Error(nameof(input.Email), t["Error.Email"]);
        }

        if (string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.Email))
        {
            Error(nameof(input.Phone), t["Error.PhoneOrEmail"]);
        }

        var language = input.Language?.Trim().ToLowerInvariant();
        if (language is not (Localization.Latvian or Localization.English))
        {
            Error(nameof(input.Language), t["Error.Language"]);
        }

        if (!valid || service is null || office is null)
        {
            return null;
        }

        var quote = TravelFees.Quote(service.Fees, office.Point, point);
        return new OnSiteApplication(
            service.Id, office.Id, address!, Blank(input.Directions), point?.Latitude, point?.Longitude, machines, input.MachinesDescription!.Trim(),
            earliest!.Value, latest!.Value, weekdays, name!, phone, email, language!, Blank(input.Note), quote);
    }

    /// <summary>The travel fee for a service, an office and perhaps a point, for the form's "what it costs" before sending.</summary>
    public static TravelFeeQuote QuoteFor(OnSiteService service, OfficeChoice? office, (double Latitude, double Longitude)? point) =>
        TravelFees.Quote(service.Fees, office?.Point, point);

    /// <summary>Reads the point from two fields: both or neither, decimal degrees with a point or a comma, in Latvia.</summary>
    public (double Latitude, double Longitude)? CheckPoint(string? latitude, string? longitude, Action<string, string> error)
    {
        var hasLat = !string.IsNullOrWhiteSpace(latitude);
        var hasLon = !string.IsNullOrWhiteSpace(longitude);
        if (!hasLat && !hasLon)
        {
            return null;
        }

        static double? Parse(string? text) =>
            text is { Length: <= 20 } && double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;

        var lat = Parse(latitude);
        var lon = Parse(longitude);
        if (!hasLat || !hasLon || lat is null || lon is null)
        {
            error(hasLat && lat is not null ? nameof(OnSiteRequestInput.Longitude) : nameof(OnSiteRequestInput.Latitude), t["Error.Point"]);
            return null;
        }

        // Latvia lies within about 55.6–58.1° N and 20.9–28.3° E; a point far outside is a slip (swapped numbers, another country).
        if (lat is < 55.5 or > 58.2 || lon is < 20.8 or > 28.3)
        {
            error(nameof(OnSiteRequestInput.Latitude), t["Error.PointOutsideLatvia"]);
            return null;
        }

        return (Math.Round(lat.Value, 6), Math.Round(lon.Value, 6));
    }

    private (DateOnly? Earliest, DateOnly? Latest, Weekdays Weekdays) CheckDays(OnSiteRequestInput input, Action<string, string> error)
    {
        var today = RigaTime.Today(clock);
        var horizon = today.AddDays(HorizonDays);
        DateOnly? Parse(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                error(field, t["Error.DateRequired"]);
                return null;
            }

            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error(field, t["Error.DateFormat"]);
                return null;
            }

            if (date <= today)
            {
                error(field, t["Error.DateNotFuture"]);
                return null;
            }

            if (date > horizon)
            {
                error(field, t["Error.DateTooFar", HorizonDays]);
                return null;
            }

            return date;
        }

        var earliest = Parse(input.EarliestDate, nameof(input.EarliestDate));
        var latest = Parse(input.LatestDate, nameof(input.LatestDate));
        if (earliest is { } from && latest is { } to && to < from)
        {
            error(nameof(input.LatestDate), t["Error.DatesOrder"]);
            latest = null;
        }

        var weekdays = Weekdays.None;
        foreach (var day in input.Weekdays.Where(d => !string.IsNullOrWhiteSpace(d)))
        {
            if (Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(day, out _))
            {
                weekdays |= FlagOf(parsed);
            }
            else
            {
                error(nameof(input.Weekdays), t["Error.Weekday"]);
                return (earliest, latest, Weekdays.None);
            }
        }

        if (weekdays == Weekdays.None)
        {
            error(nameof(input.Weekdays), t["Error.WeekdaysNone"]);
        }
        else if (earliest is { } first && latest is { } last && !Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Any(i => (weekdays & FlagOf(first.AddDays(i).DayOfWeek)) != 0))
        {
            error(nameof(input.Weekdays), t["Error.WeekdaysNotInRange"]);
        }

        return (earliest, latest, weekdays);
    }

    /// <summary>Saves the request with the year's next number ("IZ-2026-00042") and, when an e-mail was given, the receipt in the client's language.</summary>
    public async Task<RegisteredOnSiteRequest> RegisterAsync(OnSiteApplication application, OnSiteChannel channel, string? staffId, CancellationToken ct = default)
    {
        var token = SecretLinks.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new OnSiteRequest
        {
            Year = RigaTime.Today(clock).Year,
            ServiceId = application.ServiceId,
            LocationId = application.LocationId,
            Channel = channel,
            Status = OnSiteStatus.Requested,
            Address = application.Address,
            Directions = application.Directions,
            Latitude = application.Latitude,
            Longitude = application.Longitude,
            Machines = application.Machines,
            MachinesDescription = application.MachinesDescription,
            EarliestDate = application.EarliestDate,
            LatestDate = application.LatestDate,
            SuitableWeekdays = application.Weekdays,
            ClientName = application.Name,
            Phone = application.Phone,
            Email = application.Email,
            Language = application.Language,
            Note = application.Note,
            TravelFeeEur = application.Quote.Applies,
            StatusTokenHash = SecretLinks.Hash(token),
            CreatedAtUtc = now,
            RegisteredByStaffId = staffId,
        };
        db.OnSiteRequests.Add(request);
        await SaveWithNextNumberAsync(request, token, ct);
        return new RegisteredOnSiteRequest(request, token);
    }

    public string StatusUrl(string number, string token) =>
        $"{notifications.Value.PublicBaseUrl.TrimEnd('/')}/onsite/status?number={Uri.EscapeDataString(number)}&token={Uri.EscapeDataString(token)}";

    /// <summary>The request with this number whose secret matches, with its plan; null for a wrong number or secret alike.</summary>
    public async Task<OnSiteRequest?> FindForClientAsync(string? number, string? token, CancellationToken ct = default)
    {
        if (!SecretLinks.TryHash(token, out var hash) || !OnSiteRequest.TryParseNumber(number, out var year, out var sequence))
        {
            return null;
        }

        return await db.OnSiteRequests
            .Include(r => r.Service).Include(r => r.Location).ThenInclude(l => l.Region)
            .Include(r => r.Stop).ThenInclude(s => s!.Round).ThenInclude(r => r.Inspector)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Year == year && r.Sequence == sequence && r.StatusTokenHash == hash, ct);
    }

    /// <summary>Whether the client may take this action now: the state rules of the status page and the API.</summary>
    public static bool Allows(OnSiteRequest request, ClientAction action, DateOnly today)
    {
        var plannedDay = request.Stop?.Round?.Date;
        var dayNotPast = plannedDay is null || plannedDay >= today;
        return action switch
        {
            ClientAction.Confirm => request.Status == OnSiteStatus.Planned && plannedDay is not null && dayNotPast,
            ClientAction.AskOtherDay => request.Status is OnSiteStatus.Planned or OnSiteStatus.Confirmed && plannedDay is not null && dayNotPast,
            ClientAction.Withdraw => request.Status is OnSiteStatus.Requested or OnSiteStatus.Planned or OnSiteStatus.Confirmed or OnSiteStatus.OtherDayAsked && dayNotPast,
            _ => false,
        };
    }

    /// <summary>
    /// The client's change, guarded by the version they saw. Asking for another day takes the request out of its round
    /// (the stop is removed) so that it can be planned again, the reason kept; the round's version moves so that an
    /// inspector editing it at the same moment reloads.
    /// </summary>
    public async Task<ClientChange> ChangeAsync(OnSiteRequest request, ClientAction action, Guid seenVersion, string? reason, CancellationToken ct = default)
    {
        if (request.Version != seenVersion)
        {
            return ClientChange.Stale;
        }

        if (!Allows(request, action, RigaTime.Today(clock)))
        {
            return ClientChange.NotAllowed;
        }

        reason = Blank(reason);
        if (reason is { Length: > OnSiteRequestInput.ReasonMaxLength })
        {
            reason = reason[..OnSiteRequestInput.ReasonMaxLength];
        }

        switch (action)
        {
            case ClientAction.Confirm:
                request.Stop!.ConfirmedAtUtc = clock.GetUtcNow().UtcDateTime;
                request.Status = OnSiteStatus.Confirmed;
                break;
            case ClientAction.AskOtherDay:
                if (reason is null)
                {
                    return ClientChange.ReasonMissing;
                }

                TellInspector(request, action, reason);
                RemoveFromRound(request);
                request.Status = OnSiteStatus.OtherDayAsked;
                request.StatusNote = reason;
                break;
            case ClientAction.Withdraw:
                TellInspector(request, action, reason);
                RemoveFromRound(request);
                request.Status = OnSiteStatus.Cancelled;
                request.StatusNote = reason;
                break;
        }

        request.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return ClientChange.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ClientChange.Stale;
        }
    }

    private void RemoveFromRound(OnSiteRequest request)
    {
        if (request.Stop is { } stop)
        {
            stop.Round.Version = Guid.NewGuid();
            db.RoundStops.Remove(stop);
        }
    }

    private async Task SaveWithNextNumberAsync(OnSiteRequest request, string token, CancellationToken ct)
    {
        var scope = $"onsite:{request.Year}";
        Task<int?> HighestInUse(CancellationToken cancel) => db.OnSiteRequests.Where(r => r.Year == request.Year).MaxAsync(r => (int?)r.Sequence, cancel);
        // Inside a caller's transaction (the API's idempotency record) the number is taken there, without retries.
        var ownTransaction = db.Database.CurrentTransaction is null;
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
            request.Sequence = await Numbering.NextAsync(db, scope, HighestInUse, ct);
            // The receipt names the number, so it is written once the number is known, and rewritten on a retry.
            foreach (var message in db.ChangeTracker.Entries<OutboxMessage>().Where(m => m.State == EntityState.Added).ToList())
            {
                message.State = EntityState.Detached;
            }

            AddReceipt(request, token);
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
                // Only a request numbered without the counter (an import, the demo) can hold the number: step past it.
                await transaction.RollbackAsync(ct);
                await Numbering.CatchUpAsync(db, scope, await HighestInUse(ct) ?? 0, ct);
            }
        }
    }

    private void AddReceipt(OnSiteRequest request, string token)
    {
        if (request.Email is not { Length: > 0 } email)
        {
            return;
        }

        var culture = CultureInfo.GetCultureInfo(request.Language == Localization.English ? "en" : "lv");
        string T(string key, params object?[] args) => string.Format(culture, Texts.GetString(key, culture)!, args);
        var notice = new NoticeTexts(request.Language);
        var names = db.Services.Local.FirstOrDefault(s => s.Id == request.ServiceId) ?? db.Services.AsNoTracking().Single(s => s.Id == request.ServiceId);
        var office = db.Locations.Local.FirstOrDefault(l => l.Id == request.LocationId) ?? db.Locations.AsNoTracking().Single(l => l.Id == request.LocationId);
        var fee = request.TravelFeeEur is { } amount ? T("Mail.Fee", amount) : T("Mail.FeeConfirmed");
        var body = string.Join('\n',
            T("Mail.Greeting", request.ClientName),
            "",
            T("Mail.Lead", request.Number),
            T("Mail.Service", notice.Pick(names.NameLv, names.NameEn)),
            T("Mail.Office", notice.Pick(office.NameLv, office.NameEn)),
            T("Mail.Address", request.Address),
            T("Mail.Machines", request.Machines, request.MachinesDescription),
            T("Mail.Days", ShortDate(request.EarliestDate, notice.IsEnglish), ShortDate(request.LatestDate, notice.IsEnglish)),
            fee,
            "",
            T("Mail.Next"),
            T("Mail.Status", StatusUrl(request.Number, token)),
            "",
            T("Mail.Signature"));
        AddEmail(ReceiptKind, email, culture, T("Mail.Subject", request.Number), body);
    }

    /// <summary>
    /// The inspector learns at once that a planned stop is gone, with the client's reason, so that they do not drive to it.
    /// In Latvian: staff have no language setting.
    /// </summary>
    private void TellInspector(OnSiteRequest request, ClientAction action, string? reason)
    {
        if (request.Stop is not { Round.Inspector.Email: { Length: > 0 } email } stop)
        {
            return;
        }

        var lv = CultureInfo.GetCultureInfo("lv");
        string T(string key, params object?[] args) => string.Format(lv, Texts.GetString(key, lv)!, args);
        var what = action == ClientAction.Withdraw ? T("Inspector.Withdrawn") : T("Inspector.OtherDay");
        var body = string.Join('\n',
            T("Inspector.Lead", request.Number, request.ClientName, what),
            T("Inspector.Stop", stop.Round.Date.ToString("d.MM.yyyy", lv), $"{stop.ArriveFrom:H\\:mm}–{stop.ArriveTo:H\\:mm}", request.Address),
            reason is null ? T("Inspector.NoReason") : T("Inspector.Reason", reason),
            T("Inspector.Next", $"{notifications.Value.PublicBaseUrl.TrimEnd('/')}/staff/onsite/rounds/{stop.RoundId}/plan"),
            "",
            T("Mail.Signature"));
        AddEmail(InspectorToldKind, email, lv, T("Inspector.Subject", request.Number, what), body);
    }

    /// <summary>An e-mail into the outbox, sent with the change the caller saves.</summary>
    private void AddEmail(string kind, string recipient, CultureInfo culture, string subject, string body)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = kind,
            Channel = MessageChannel.Email,
            Recipient = recipient,
            Language = culture.Name,
            Subject = subject,
            Body = body,
            CreatedAtUtc = now,
            DueAtUtc = now,
        });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
