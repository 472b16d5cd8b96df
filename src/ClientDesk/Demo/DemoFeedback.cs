using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Feedback.Errors;
using ClientDesk.Feedback.Gifts;
using ClientDesk.Feedback.Surveys;
using ClientDesk.Platform;
using ClientDesk.Queue;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Demo;

/// <summary>
/// Feedback for the demo (issue 6, item 9): a case officer, a regional head and an ethics officer (password
/// <see cref="DemoQueue.Password"/>); cases from every channel at every stage — new, assigned, in progress, extended,
/// escalated, overdue, forwarded, answered by e-mail, post and e-address, closed, information only; a season of survey
/// answers on finished visits over the last four months, the low ones with consent opening cases; error records and
/// gift offers. Registered through <see cref="Cases"/> and the entities' own steps, so every deadline is the law's.
/// </summary>
internal static class DemoFeedback
{
    private static readonly (string User, string First, string Last, string PositionLv, string PositionEn, string Role)[] DemoStaff =
    [
        ("demo.ieva", "Ieva", "Priede", "Iesniegumu izskatītāja", "Case officer", Roles.CaseOfficer),
        ("demo.valdis", "Valdis", "Lapiņš", "Reģionālās nodaļas vadītājs", "Head of regional office", Roles.RegionalHead),
        ("demo.rita", "Rita", "Eglīte", "Ētikas jautājumu atbildīgā", "Ethics officer", Roles.EthicsOfficer),
    ];

    private static readonly string[] Comments =
    [
        "Ātri un laipni, paldies!", "Ilgi jāgaida rindā, bet apkalpoja labi.", "Viss bija saprotami izskaidrots.",
        "Gribētos vairāk pieraksta laiku agri no rīta.", "Inspektors ļoti zinošs.", "Thank you, very helpful staff.",
        "Lapā grūti atrast, kādi dokumenti jāņem līdzi.", "Nevarēju atrast, kur novietot traktoru.",
    ];

    public static async Task SeedAsync(IServiceProvider services, ClientDeskDb db, ILogger logger)
    {
        if (await db.Cases.AnyAsync())
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var users = services.GetRequiredService<UserManager<StaffMember>>();
        var cases = services.GetRequiredService<Cases>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = RigaTime.Today(clock);
        var locations = await db.Locations.Where(l => l.IsActive).Include(l => l.Services).OrderBy(l => l.Id).ToListAsync();
        var valmiera = locations.FirstOrDefault(l => l.Slug == "valmiera") ?? locations.FirstOrDefault();
        if (valmiera is null)
        {
            return;
        }

        var staff = new Dictionary<string, StaffMember>();
        foreach (var (user, first, last, positionLv, positionEn, role) in DemoStaff)
        {
            var member = new StaffMember
            {
                UserName = user, FirstName = first, LastName = last, PositionLv = positionLv, PositionEn = positionEn, Email = $"{user}@demo.invalid",
                Locations = role == Roles.RegionalHead ? [.. locations.Where(l => l.RegionId == valmiera.RegionId)] : [.. locations],
            };
            var created = await users.CreateAsync(member, DemoQueue.Password);
            if (!created.Succeeded)
            {
                logger.LogWarning("Demo feedback: staff member {User} not created: {Errors}", user, string.Join("; ", created.Errors.Select(e => e.Code)));
                return;
            }

            await users.AddToRoleAsync(member, role);
            staff[role] = member;
        }

        var officer = staff[Roles.CaseOfficer].Id;
        var head = staff[Roles.RegionalHead].Id;
        var deskStaff = await db.Users.Where(u => u.UserName!.StartsWith("demo.")).Select(u => u.Id).FirstAsync();
        var calendar = await Calendar.CalendarSource.LoadAsync(db);
        var random = new Random(2026);
        DateTime DaysAgo(int days, int hour = 10) => RigaTime.ToInstant(today.AddDays(-days), new TimeOnly(hour, random.Next(60))).UtcDateTime;

        async Task<Case> RegisterAsync(CaseIntake intake, int daysAgo)
        {
            var receivedAt = DaysAgo(daysAgo, 8 + random.Next(8));
            var registered = await cases.RegisterAsync(intake with { ReceivedAtUtc = receivedAt, RegisteredByStaffId = intake.Channel is CaseChannel.WebForm or CaseChannel.EServicePortal or CaseChannel.EAddress ? null : deskStaff });
            registered.Case.Entries.Single().AtUtc = receivedAt.AddMinutes(20);
            await db.SaveChangesAsync();
            return registered.Case;
        }

        CaseIntake Intake(CaseKind kind, CaseChannel channel, string text, string? name, string? email, ReplyChannel reply = ReplyChannel.Email) =>
            new(kind, channel, text)
            {
                Name = name, Email = email, PreferredReply = reply, LocationId = valmiera.Id,
                PostalAddress = reply == ReplyChannel.Post ? "“Lejasmeijas”, Kocēnu pag., Valmieras nov., LV-4220" : null,
                EAddress = reply == ReplyChannel.EAddress ? "demo-e-adrese" : null,
            };

        var fresh = await RegisterAsync(Intake(CaseKind.Question, CaseChannel.WebForm, "Vai traktora piekabes reģistrācijai vajag tehnisko apskati pirms reģistrācijas?", "Jānis Bērziņš", "janis.berzins@demo.invalid"), 0);
        var assigned = await RegisterAsync(Intake(CaseKind.Complaint, CaseChannel.Phone, "Klients zvanīja: pieraksts tika atcelts bez paskaidrojuma, ziņa nepienāca.", "Andris Kalniņš", "andris@demo.invalid"), 1);
        assigned.Assign(officer, officer, DaysAgo(1, 14));
        var inProgress = await RegisterAsync(Intake(CaseKind.Complaint, CaseChannel.Email, "Tehniskajā apskatē inspektors nepaskaidroja, kāpēc apskate netika izieta.", "Ilze Ozola", "ilze.ozola@demo.invalid"), 6);
        inProgress.Assign(officer, officer, DaysAgo(5));
        inProgress.Start(officer, DaysAgo(5, 11));
        inProgress.AddNote("Jānoskaidro pie inspektora, kāds bija iemesls.", officer, DaysAgo(4));
        var overdue = await RegisterAsync(Intake(CaseKind.Suggestion, CaseChannel.Post, "Lūdzu pagarināt darba laiku ceturtdienās.", "Māris Liepiņš", null, ReplyChannel.Post), 25);
        overdue.Assign(officer, officer, DaysAgo(24));
        overdue.Start(officer, DaysAgo(20));
        var extended = await RegisterAsync(Intake(CaseKind.Question, CaseChannel.EServicePortal, "Kāpēc mana traktora reģistrācija vēl nav pabeigta?", "Dace Krūmiņa", "dace@demo.invalid"), 8);
        extended.Assign(officer, officer, DaysAgo(7));
        extended.Start(officer, DaysAgo(7));
        extended.Extend(SubmissionLaw.DeadlinesFor(extended.ReceivedOn, calendar).ExtendedAnswerBy, "Jāsaņem ziņas no Valsts ieņēmumu dienesta.", officer, DaysAgo(5));
        var escalated = await RegisterAsync(Intake(CaseKind.ImproperConduct, CaseChannel.TrustLine, "Uzticības tālrunis, automātiskais atbildētājs: klients ziņo par nepieklājīgu darbinieka izturēšanos pie 2. galda.", "Guntis Zariņš", "guntis@demo.invalid"), 3);
        escalated.Assign(officer, officer, DaysAgo(3));
        escalated.Escalate(EscalationLevel.RegionalHead, head, "Klients lūdz, lai lietu izskata reģionālās nodaļas vadītājs.", officer, DaysAgo(2));
        var forwarded = await RegisterAsync(Intake(CaseKind.Question, CaseChannel.Email, "Kā pagarināt automašīnas vadītāja apliecību?", "Edgars Vītols", "edgars@demo.invalid"), 12);
        var csdd = await db.ReferralInstitutions.OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (csdd is { } institution)
        {
            forwarded.Assign(officer, officer, DaysAgo(11));
            forwarded.Forward(institution, "Jautājums par automašīnas vadītāja apliecību ir citas iestādes kompetencē.", officer, DaysAgo(10));
        }

        foreach (var (reply, daysAgo, name) in new[] { (ReplyChannel.Email, 20, "Kristīne Eglīte"), (ReplyChannel.Post, 30, "Aivars Jansons"), (ReplyChannel.EAddress, 15, "Zane Pētersone") })
        {
            var answered = await RegisterAsync(Intake(CaseKind.Complaint, CaseChannel.WebForm, "Pieraksta lapā nebija redzams, kādi dokumenti jāņem līdzi.", name, $"{name.Split(' ')[0].ToLowerInvariant()}@demo.invalid", reply), daysAgo);
            var answeredAt = DaysAgo(daysAgo - 6, 13);
            var answeredOn = DateOnly.FromDateTime(RigaTime.ToLocal(answeredAt));
            answered.Assign(officer, officer, DaysAgo(daysAgo - 1));
            answered.Start(officer, DaysAgo(daysAgo - 1));
            answered.Answer(reply, "Paldies par norādi. Dokumentu saraksts tagad ir redzams pieraksta apstiprinājumā un vēstulē.",
                reply switch { ReplyChannel.Email => answeredOn, ReplyChannel.EAddress => calendar.AddWorkingDays(answeredOn, 2), _ => null }, officer, answeredAt);
            if (daysAgo >= 20)
            {
                answered.Close(null, officer, answeredAt.AddDays(1));
            }
        }

        var praise = await RegisterAsync(Intake(CaseKind.Praise, CaseChannel.InPerson, "Paldies Līgai par pacietību un skaidru paskaidrojumu!", "Laura Siliņa", null, ReplyChannel.None), 9);
        praise.Assign(officer, officer, DaysAgo(8));
        praise.Close("Pateicība nodota darbiniecei; atbilde netika lūgta.", officer, DaysAgo(8, 15));
        await RegisterAsync(Intake(CaseKind.Complaint, CaseChannel.TrustLine, "Anonīms zvans: rindā pie Valmieras nodaļas trūkst sēdvietu.", null, null, ReplyChannel.None), 2);
        await RegisterAsync(Intake(CaseKind.ItProblem, CaseChannel.WebForm, "Pieraksta lapā telefonā neredz pogu “Apstiprināt”.", "Oskars Grīnbergs", "oskars@demo.invalid"), 1);
        await db.SaveChangesAsync();

        var answers = await SurveySeasonAsync(db, cases, locations, deskStaff, today, random);
        AddRegisters(db, valmiera.Id, inProgress.Id, officer, deskStaff, staff[Roles.EthicsOfficer].Id, now, today);
        await db.SaveChangesAsync();
        logger.LogInformation(
            "Demo data: feedback cases at every stage and {Answers} survey answers (case officer demo.ieva, regional head demo.valdis, ethics officer demo.rita; password {Password})",
            answers, DemoQueue.Password);
    }

    /// <summary>Finished visits over the last four months at the first five locations, each with a survey answered.</summary>
    private static async Task<int> SurveySeasonAsync(ClientDeskDb db, Cases cases, List<Catalogue.Location> locations, string deskStaff, DateOnly today, Random random)
    {
        var count = 0;
        foreach (var location in locations.Where(l => l.Services.Count > 0).Take(5))
        {
            var services = location.Services.Where(s => s.IsActive).ToList();
            for (var day = today.AddDays(-120); day < today; day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                var numbers = new Dictionary<string, int>();
                for (var visit = random.Next(4); visit > 0; visit--)
                {
                    var service = services[random.Next(services.Count)];
                    var letter = QueueLetters.For(service.Code);
                    numbers[letter] = numbers.GetValueOrDefault(letter) + 1;
                    var started = RigaTime.ToInstant(day, new TimeOnly(9 + random.Next(6), random.Next(60))).UtcDateTime;
                    var ticket = new Ticket
                    {
                        LocationId = location.Id, Date = day, Letter = letter, Number = numbers[letter], ServiceId = service.Id,
                        Source = TicketSource.Kiosk, FollowTokenHash = SecretLinks.Hash(Guid.NewGuid().ToString("N")),
                        IssuedAtUtc = started.AddMinutes(-10), QueuedSinceUtc = started.AddMinutes(-10), Status = TicketStatus.Finished,
                        CallCount = 1, CalledAtUtc = started.AddMinutes(-1), ServingStartedAtUtc = started, FinishedAtUtc = started.AddMinutes(8 + random.Next(13)),
                        StaffMemberId = deskStaff,
                        Outcome = new VisitOutcome { Kind = OutcomeKind.Completed, RecordedAtUtc = started.AddMinutes(20), RecordedByStaffId = deskStaff },
                    };
                    var answeredAt = ticket.FinishedAtUtc.Value.AddHours(2 + random.Next(30));
                    var overall = Score(random);
                    var answer = new SurveyAnswer
                    {
                        Invitation = new SurveyInvitation
                        {
                            TokenHash = SecretLinks.Hash(Guid.NewGuid().ToString("N")), Ticket = ticket, LocationId = location.Id, ServiceId = service.Id,
                            VisitOn = day, Channel = random.Next(5) == 0 ? SurveyChannel.Tablet : SurveyChannel.Email,
                            CreatedAtUtc = ticket.FinishedAtUtc.Value.AddMinutes(30), ExpiresAtUtc = ticket.FinishedAtUtc.Value.AddDays(14), AnsweredAtUtc = answeredAt,
                        },
                        LocationId = location.Id, ServiceId = service.Id, VisitOn = day, AnsweredAtUtc = answeredAt, Overall = overall,
                        Professionalism = Near(overall, random), Responsibility = Near(overall, random), Respect = Near(overall, random),
                        Cooperation = Near(overall, random), Accessibility = Near(overall, random), Simplicity = Near(overall, random),
                        Comment = random.Next(6) == 0 ? Comments[random.Next(Comments.Length)] : null,
                    };
                    answer.Channel = answer.Invitation.Channel;
                    db.SurveyAnswers.Add(answer);
                    count++;
                }
            }

            await db.SaveChangesAsync();
        }

        // The low scores of clients who agreed to be contacted became cases (K-4's closed loop).
        foreach (var low in await db.SurveyAnswers.Where(a => a.Overall <= 2).OrderByDescending(a => a.AnsweredAtUtc).Take(3).ToListAsync())
        {
            low.MayContact = true;
            low.ContactName = "Raimonds Lācis";
            low.ContactPhone = "+37120000000";
            low.ContactEmail = "raimonds@demo.invalid";
            var registered = await cases.RegisterAsync(new CaseIntake(CaseKind.Complaint, CaseChannel.Survey, $"Aptaujas vērtējums: kopumā {low.Overall} no 5. {low.Comment}".Trim())
            {
                Name = low.ContactName, Email = low.ContactEmail, Phone = low.ContactPhone, PreferredReply = ReplyChannel.Email,
                LocationId = low.LocationId, ServiceId = low.ServiceId, ReceivedAtUtc = low.AnsweredAtUtc,
            });
            low.CaseId = registered.Case.Id;
            await db.SaveChangesAsync();
        }

        return count;
    }

    private static void AddRegisters(ClientDeskDb db, int locationId, int caseId, string officer, string deskStaff, string ethicsOfficer, DateTime now, DateOnly today)
    {
        db.ErrorRecords.AddRange(
            new ErrorRecord
            {
                RecordedAtUtc = now.AddDays(-4), RecordedByStaffId = officer, LocationId = locationId, CaseId = caseId,
                WhatWentWrong = "Klientam netika paskaidrots, kāpēc tehniskā apskate netika izieta.",
                Apology = "Atvainojamies, ka apskates laikā netika sniegts skaidrs paskaidrojums.", ApologySentAtUtc = now.AddDays(-3),
                CorrectiveAction = "Inspektoriem atgādināt par pienākumu paskaidrot atteikuma iemeslu un tā tiesisko pamatu.",
                ResponsibleStaffId = officer, DueOn = today.AddDays(10),
            },
            new ErrorRecord
            {
                RecordedAtUtc = now.AddDays(-30), RecordedByStaffId = officer, LocationId = locationId,
                WhatWentWrong = "Atgādinājuma īsziņa tika nosūtīta ar nepareizu laiku.",
                Apology = "Atvainojamies par neprecīzo atgādinājumu.", ApologySentAtUtc = now.AddDays(-29),
                CorrectiveAction = "Pārbaudīt atgādinājumu tekstus pēc pulksteņa maiņas.", ResponsibleStaffId = officer, DueOn = today.AddDays(-20),
                DoneAtUtc = now.AddDays(-22), DoneNote = "Teksti pārbaudīti un laboti.",
            },
            new ErrorRecord
            {
                RecordedAtUtc = now.AddDays(-15), RecordedByStaffId = deskStaff, LocationId = locationId,
                WhatWentWrong = "Kioskā beidzās papīrs, klienti nevarēja saņemt biļeti.",
                CorrectiveAction = "Ieviest papīra pārbaudi katru rītu.", ResponsibleStaffId = deskStaff, DueOn = today.AddDays(-3),
            });
        db.GiftOffers.AddRange(
            new GiftOffer
            {
                OfferedOn = today.AddDays(-12), OfferedToStaffId = deskStaff, LocationId = locationId, WhatWasOffered = "Konfekšu kārba",
                Circumstances = "Klients pēc reģistrācijas gribēja pateikties.", Declined = true, RecordedAtUtc = now.AddDays(-12), RecordedByStaffId = deskStaff,
                ReviewedAtUtc = now.AddDays(-10), ReviewedByStaffId = ethicsOfficer, ReviewNote = "Rīcība pareiza.",
            },
            new GiftOffer
            {
                OfferedOn = today.AddDays(-2), OfferedToStaffId = deskStaff, LocationId = locationId, WhatWasOffered = "Medus burka",
                Circumstances = "Atstāta uz galda pēc apmeklējuma.", Declined = false, HowHandled = "Nodota nodaļas vadītājam, klientam piezvanīts un burka atdota.",
                RecordedAtUtc = now.AddDays(-2), RecordedByStaffId = deskStaff,
            });
    }

    /// <summary>Most clients are satisfied; a few are not.</summary>
    private static int Score(Random random) => random.Next(100) switch
    {
        < 3 => 1,
        < 7 => 2,
        < 20 => 3,
        < 55 => 4,
        _ => 5,
    };

    private static int? Near(int overall, Random random) => random.Next(8) == 0 ? null : Math.Clamp(overall + random.Next(-1, 2), 1, 5);
}
