using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClientDesk.Access;
using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Feedback.Intake;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Feedback;

/// <summary>
/// Submissions from the public form and from staff for every channel: the channel, the time received and the deadline
/// of the Law on Submissions stored; information only without a name or an address; the receipt e-mail and the IT
/// problem sent to IT support; bad input refused with a message and nothing stored; the submitter's status page
/// without internal notes, and their request for a higher official. The clock is Tuesday 17 March 2026, 09:00 in Riga:
/// 10 working days later is Tuesday 31 March, 5 working days Tuesday 24 March.
/// </summary>
public sealed partial class IntakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Complaint(string? name = "Anna Kalniņa", string? email = "anna@example.lv") => new()
    {
        ["Input.Kind"] = "Complaint",
        ["Input.Text"] = "Valmierā mani nepieņēma noteiktajā laikā, lai gan biju pierakstījusies.",
        ["Input.Name"] = name ?? "",
        ["Input.Email"] = email ?? "",
        ["Input.Reply"] = email is null ? "" : "Email",
        ["Input.Language"] = "lv",
        ["Input.Location"] = "valmiera",
    };

    /// <summary>Fills the public form as a browser would: its antiforgery token and form ticket, a person's few seconds, then multipart.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(TestApp app, HttpClient client, Dictionary<string, string> fields, (string Name, byte[] Content)? file = null, bool wait = true)
    {
        var page = await client.GetStringAsync("/feedback", Ct);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        fields.TryAdd("Input.FormTicket", WebUtility.HtmlDecode(FormTicket().Match(page).Groups[1].Value));
        if (wait)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        return await client.PostAsync("/feedback", Multipart(fields, file), Ct);
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, params (string Name, byte[] Content)?[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var file in files.OfType<(string Name, byte[] Content)>())
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "Files", file.Name);
        }

        return content;
    }

    private static Task<List<Case>> CasesAsync(TestApp app) =>
        app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Attachments).Include(c => c.Entries).OrderBy(c => c.Id).ToListAsync(Ct));

    [Theory, Providers]
    public async Task The_web_form_registers_a_complaint_with_the_ten_working_day_deadline_and_e_mails_the_receipt(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();

        var response = await SubmitAsync(app, client, Complaint(), ("ekrans.png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await CasesAsync(app));
        Assert.Equal((CaseChannel.WebForm, CaseKind.Complaint, new DateOnly(2026, 3, 17)), (stored.Channel, stored.Kind, stored.ReceivedOn));
        Assert.Equal((new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 24), "IL-2026"), (stored.AnswerBy, stored.ForwardBy, stored.DeadlineRule));
        Assert.False(stored.IsInformationOnly);
        Assert.Equal(ReplyChannel.Email, stored.PreferredReply);
        Assert.Equal("2026-00001", stored.Number);
        var attachment = Assert.Single(stored.Attachments);
        Assert.Equal(("ekrans.png", "image/png", 7L), (attachment.FileName, attachment.ContentType, attachment.Length));

        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/feedback/status?number=2026-00001&token=", location, StringComparison.Ordinal);
        var receipt = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == SubmitterMessages.ReceiptKind, Ct));
        Assert.Equal(("anna@example.lv", "lv", stored.Id), (receipt.Recipient, receipt.Language, receipt.CaseId));
        Assert.Contains("2026-00001", receipt.Subject, StringComparison.Ordinal);
        Assert.Contains("Atbildi sniegsim līdz 31.03.2026. (10 darba dienu laikā pēc saņemšanas", receipt.Body, StringComparison.Ordinal);
        Assert.Contains("/feedback/status?number=2026-00001&token=", receipt.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.WithDbAsync(db => db.OutboxMessages.Select(m => m.Kind).ToListAsync(Ct)), k => k == SubmitterMessages.ItSupportKind);

        // The confirmation: the number, the deadline with its rule, and the link to keep.
        var page = await client.GetStringAsync(location, Ct);
        Assert.Contains("Paldies! Jūsu iesniegums ir saņemts.", page, StringComparison.Ordinal);
        Assert.Contains("2026-00001", page, StringComparison.Ordinal);
        Assert.Contains("Atbildi sniegsim līdz 31.03.2026. (10 darba dienu laikā pēc saņemšanas, kā nosaka Iesniegumu likums).", page, StringComparison.Ordinal);
        Assert.Contains("Saņemts, drīz to nodosim izskatīšanai", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_submission_without_a_name_or_without_an_address_to_reply_to_is_information_only_with_no_deadline(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient("en");

        var noName = Complaint(name: null);
        noName["Input.Language"] = "en";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(app, client, noName)).StatusCode);
        var phoneOnly = Complaint(email: null);
        phoneOnly["Input.Phone"] = "29123456";
        var response = await SubmitAsync(app, client, phoneOnly);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await CasesAsync(app);
        Assert.All(stored, c => Assert.True(c.IsInformationOnly));
        Assert.All(stored, c => Assert.Null(c.AnswerBy));
        Assert.All(stored, c => Assert.Null(c.DeadlineRule));
        var receipt = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == SubmitterMessages.ReceiptKind, Ct));
        Assert.Contains("we accept it as information and send no answer", receipt.Body, StringComparison.Ordinal);

        var page = await client.GetStringAsync(response.Headers.Location!.ToString(), Ct);
        Assert.Contains("so we accept it as information and send no answer", page, StringComparison.Ordinal);
        Assert.Contains("No answer will be sent (accepted as information)", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task An_it_problem_is_e_mailed_to_it_support_and_the_confirmation_says_so(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Feedback:ItSupportEmail"] = "it@example.lv" });
        var client = app.CreateBrowserClient();
        var fields = Complaint();
        fields["Input.Kind"] = "ItProblem";
        fields["Input.Text"] = "Pieraksta lapa rāda kļūdu 500, kad izvēlos laiku.";

        var response = await SubmitAsync(app, client, fields);

        var stored = Assert.Single(await CasesAsync(app));
        var toSupport = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == SubmitterMessages.ItSupportKind, Ct));
        Assert.Equal(("it@example.lv", stored.Id), (toSupport.Recipient, toSupport.CaseId));
        Assert.Contains("Pieraksta lapa rāda kļūdu 500, kad izvēlos laiku.", toSupport.Body, StringComparison.Ordinal);
        Assert.Contains("anna@example.lv", toSupport.Body, StringComparison.Ordinal);
        Assert.Contains(stored.Number, toSupport.Subject, StringComparison.Ordinal);
        var page = await client.GetStringAsync(response.Headers.Location!.ToString(), Ct);
        Assert.Contains("Jūsu aprakstu saņēma arī IT atbalsts.", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Bad_input_on_the_web_form_gets_a_clear_message_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();
        var tooBig = new byte[CaseAttachment.MaxBytes + 1];
        var tries = new (string Why, Action<Dictionary<string, string>> Change, (string, byte[])? File, bool Wait, string Message)[]
        {
            ("no text", f => f["Input.Text"] = "  ", null, true, "Lūdzu, uzrakstiet savu iesniegumu."),
            ("too long", f => f["Input.Text"] = new string('a', 8001), null, true, "Laukumā “Jūsu iesniegums” drīkst būt ne vairāk kā 8000 zīmes; tagad ir 8001."),
            ("bad e-mail", f => f["Input.Email"] = "anna@", null, true, "E-pasta adrese nav derīga"),
            ("unknown kind", f => f["Input.Kind"] = "Threat", null, true, "Izvēlieties, kas tas ir"),
            ("kind as a number", f => f["Input.Kind"] = "1", null, true, "Izvēlieties, kas tas ir"),
            ("reply by post without an address", f => f["Input.Reply"] = "Post", null, true, "Lai atbildētu pa pastu, ierakstiet pasta adresi."),
            ("unknown booking", f => f["Input.BookingReference"] = "ZZZZZZZZ", null, true, "Pieraksts ar šādu numuru nav atrasts."),
            ("wrong file type", _ => { }, ("programma.exe", [1, 2, 3]), true, "Datni “programma.exe” nevar pievienot: der tikai PDF, JPG, PNG, DOC, DOCX, TXT."),
            ("file too large", _ => { }, ("skenejums.pdf", tooBig), true, "Datne “skenejums.pdf” ir 11 MB liela; der ne lielāka par 10 MB."),
            ("sent faster than a person types", _ => { }, null, false, "Lūdzu, pārbaudiet ierakstīto un nosūtiet vēlreiz."),
        };

        foreach (var (why, change, file, wait, message) in tries)
        {
            var fields = Complaint();
            change(fields);
            var response = await SubmitAsync(app, client, fields, file, wait);
            var page = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{why}: {response.StatusCode}");
            Assert.True(page.Contains(message, StringComparison.Ordinal), $"{why}: no “{message}”");
            // What was typed stays in the form.
            Assert.Contains("Anna Kalniņa", page, StringComparison.Ordinal);
        }

        Assert.Empty(await CasesAsync(app));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(Ct)));
    }

    [Theory, Providers]
    public async Task Staff_register_what_arrives_by_every_channel_with_the_time_received_the_deadline_and_who_registered_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var inspector = await app.CreateStaffAsync("inspektors", [Roles.Inspector], ["valmiera"]);
        var client = await app.SignInAsync("inspektors");
        var channels = new (CaseChannel Channel, (string, byte[])? File)[]
        {
            (CaseChannel.Phone, null),
            (CaseChannel.Post, ("vestule.pdf", [0x25, 0x50, 0x44, 0x46])),
            (CaseChannel.Email, ("vestule.eml", "From: a@example.lv\r\n\r\nSūdzība"u8.ToArray())),
            (CaseChannel.EAddress, ("iesniegums.docx", [0x50, 0x4B, 3, 4])),
            (CaseChannel.EServicePortal, null),
            (CaseChannel.InPerson, null),
            (CaseChannel.TrustLine, ("ieraksts.mp3", [0x49, 0x44, 0x33, 4, 0])),
        };

        foreach (var (channel, file) in channels)
        {
            var fields = new Dictionary<string, string>
            {
                ["Input.Channel"] = channel.ToString(),
                // Received on Monday evening, registered on Tuesday morning: the count starts from Monday.
                ["Input.ReceivedAt"] = "2026-03-16T17:30",
                ["Input.Kind"] = channel == CaseChannel.TrustLine ? "ImproperConduct" : "Question",
                ["Input.Text"] = $"Ziņojums, kas saņemts: {channel}.",
                ["Input.Name"] = "Pēteris Ozols",
                ["Input.PostalAddress"] = "Rīgas iela 1, Valmiera, LV-4201",
                ["Input.Reply"] = "Post",
                ["Input.Language"] = "lv",
                ["Input.Location"] = "valmiera",
                ["Input.StaffId"] = inspector.Id,
            };
            var response = await PostRegisterAsync(client, fields, file);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{channel}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            var confirmation = await client.GetStringAsync("/staff/cases/register", Ct);
            Assert.Contains("Atbilde jāsniedz līdz 30.03.2026.", confirmation, StringComparison.Ordinal);
            // An inspector registers but does not work cases: no way on to the case list.
            Assert.DoesNotContain("href=\"/staff/cases\"", confirmation, StringComparison.Ordinal);
        }

        var stored = await CasesAsync(app);
        Assert.Equal(channels.Select(c => c.Channel), stored.Select(c => c.Channel));
        Assert.All(stored, c => Assert.Equal((new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 30), ReplyChannel.Post, false), (c.ReceivedOn, c.AnswerBy, c.PreferredReply, c.IsInformationOnly)));
        Assert.All(stored, c => Assert.Equal(inspector.Id, Assert.Single(c.Entries, e => e.Kind == CaseEntryKind.Registered).ByStaffId));
        Assert.All(stored, c => Assert.Equal(inspector.Id, c.ConcernsStaffId));
        var trustLine = stored.Single(c => c.Channel == CaseChannel.TrustLine);
        Assert.Equal(CaseKind.ImproperConduct, trustLine.Kind);
        var recording = Assert.Single(trustLine.Attachments);
        Assert.Equal(("ieraksts.mp3", "audio/mpeg", inspector.Id), (recording.FileName, recording.ContentType, recording.AddedByStaffId));
        Assert.Equal("application/pdf", Assert.Single(stored.Single(c => c.Channel == CaseChannel.Post).Attachments).ContentType);
        Assert.Equal(new DateTime(2026, 3, 16, 15, 30, 0), stored[0].ReceivedAtUtc);
    }

    [Theory, Providers]
    public async Task The_audit_trail_records_that_a_submitter_was_registered_but_never_their_name_contact_or_words(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("lietvede", [Roles.CaseOfficer]);
        var client = await app.SignInAsync("lietvede");

        var response = await PostRegisterAsync(client, new()
        {
            ["Input.Channel"] = "Phone",
            ["Input.Kind"] = "Complaint",
            ["Input.Text"] = "Zvanīja par garu rindu Jelgavā.",
            ["Input.Name"] = "Ērika Zvaigzne",
            ["Input.Email"] = "erika.zvaigzne@example.lv",
            ["Input.Language"] = "lv",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var trail = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Case").Select(e => e.Changes).ToListAsync(Ct));
        var changes = Assert.Single(trail);
        Assert.Contains("\"SubmitterName\":[null,\"***\"]", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Zvaigzne", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("erika", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("rindu", changes, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_case_officer_registering_is_pointed_on_to_the_cases(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("lietvede", [Roles.CaseOfficer]);
        var client = await app.SignInAsync("lietvede");

        var response = await PostRegisterAsync(client, new()
        {
            ["Input.Channel"] = "Phone",
            ["Input.Kind"] = "Praise",
            ["Input.Text"] = "Paldies Jelgavas inspektoram par pacietību.",
            ["Input.Language"] = "lv",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await client.GetStringAsync("/staff/cases/register", Ct);
        Assert.Contains("Reģistrēts ar numuru 2026-00001.", confirmation, StringComparison.Ordinal);
        Assert.Contains("pieņemts kā informācija", confirmation, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/cases\"", confirmation, StringComparison.Ordinal);
        var stored = Assert.Single(await CasesAsync(app));
        Assert.Equal((CaseChannel.Phone, new DateOnly(2026, 3, 17), true), (stored.Channel, stored.ReceivedOn, stored.IsInformationOnly));
    }

    [Theory, Providers]
    public async Task Staff_registration_refuses_a_future_time_received_a_missing_channel_or_a_file_of_another_kind_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.CreateStaffAsync("konsultante", [Roles.ClientServiceSpecialist], ["valmiera"]);
        var client = await app.SignInAsync("konsultante");
        Dictionary<string, string> Fields() => new()
        {
            ["Input.Channel"] = "Post",
            ["Input.ReceivedAt"] = "2026-03-17T08:00",
            ["Input.Kind"] = "Complaint",
            ["Input.Text"] = "Vēstule par nokavētu tehnisko apskati.",
            ["Input.Language"] = "lv",
        };

        var tries = new (string Why, Action<Dictionary<string, string>> Change, (string, byte[])? File, string Message)[]
        {
            ("future", f => f["Input.ReceivedAt"] = "2026-03-17T10:00", null, "Saņemšanas laiks nevar būt nākotnē."),
            ("not a time", f => f["Input.ReceivedAt"] = "vakar", null, "Ierakstiet datumu un laiku"),
            ("no channel", f => f["Input.Channel"] = "", null, "Izvēlieties, kā iesniegums saņemts."),
            ("web form is not a staff channel", f => f["Input.Channel"] = "WebForm", null, "Izvēlieties, kā iesniegums saņemts."),
            ("no text", f => f["Input.Text"] = "", null, "Lūdzu, uzrakstiet savu iesniegumu."),
            ("wrong file", _ => { }, ("skripts.js", [1]), "Datni “skripts.js” nevar pievienot"),
            ("unknown ticket", f => { f["Input.Ticket"] = "A999"; f["Input.Location"] = "valmiera"; }, null, "Šāda rindas biļete"),
        };
        foreach (var (why, change, file, message) in tries)
        {
            var fields = Fields();
            change(fields);
            var response = await PostRegisterAsync(client, fields, file);
            var page = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{why}: {response.StatusCode}");
            Assert.True(page.Contains(message, StringComparison.Ordinal), $"{why}: no “{message}”");
        }

        Assert.Empty(await CasesAsync(app));
    }

    [Theory, Providers]
    public async Task Registration_is_for_signed_in_staff_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var response = await app.CreateBrowserClient().GetAsync("/staff/cases/register", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task The_status_page_shows_the_status_in_plain_words_never_the_internal_notes_and_the_same_not_found_for_a_wrong_token(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var officer = await app.CreateStaffAsync("lietvedis", [Roles.CaseOfficer]);
        var client = app.CreateBrowserClient();
        var location = (await SubmitAsync(app, client, Complaint())).Headers.Location!.ToString();
        await app.WithDbAsync(async db =>
        {
            var stored = await db.Cases.SingleAsync(Ct);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            stored.Assign(officer.Id, officer.Id, now);
            stored.Start(officer.Id, now);
            stored.AddNote("Iekšēji: klients jau trešo reizi sūdzas.", officer.Id, now);
            await db.SaveChangesAsync(Ct);
        });

        var page = await (await client.GetAsync(location, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Tiek izskatīts", page, StringComparison.Ordinal);
        Assert.Contains("31.03.2026.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("trešo reizi", page, StringComparison.Ordinal);
        Assert.DoesNotContain("lietvedis", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Valmierā mani nepieņēma", page, StringComparison.Ordinal);

        var wrongToken = await client.GetAsync(Regex.Replace(location, "token=.*$", "token=nepareizs"), Ct);
        var wrongNumber = await client.GetAsync(location.Replace("2026-00001", "2026-00002", StringComparison.Ordinal), Ct);
        foreach (var response in new[] { wrongToken, wrongNumber })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Iesniegums ar šādu numuru un kodu nav atrasts.", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Tiek izskatīts", body, StringComparison.Ordinal);
        }
    }

    [Theory, Providers]
    public async Task The_submitter_asks_that_the_director_look_at_the_case_and_the_officer_sees_the_request_in_its_history(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateBrowserClient();
        var location = (await SubmitAsync(app, client, Complaint())).Headers.Location!.ToString();
        var token = WebUtility.UrlDecode(Regex.Match(location, "token=(.*)$").Groups[1].Value);
        var ask = new Dictionary<string, string> { ["Number"] = "2026-00001", ["Token"] = token, ["Level"] = "Director", ["Reason"] = "Reģionā man neatbild." };

        var response = await client.PostFormAsync("/feedback/status?handler=Ask", ask, formPage: location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single((await CasesAsync(app)).Single().Entries, e => e.Kind == CaseEntryKind.Note);
        Assert.Null(entry.ByStaffId);
        Assert.Equal("Iesniedzēja lūgums (C-5): lai lietu izskata direktors. Iesniedzēja vārdiem: Reģionā man neatbild.", entry.Text);
        Assert.Equal(EscalationLevel.Director, EscalationRequests.LevelOf(entry));
        var page = await client.GetStringAsync(location, Ct);
        Assert.Contains("Esam saņēmuši jūsu lūgumu, lai lietu izskata direktors.", page, StringComparison.Ordinal);
        Assert.Contains("17.03.2026.: lai izskata direktors", page, StringComparison.Ordinal);
        // Asked for the director, there is no one higher to ask for.
        Assert.DoesNotContain("name=\"Level\"", page, StringComparison.Ordinal);

        // Asking again, or with a wrong token, adds nothing.
        var again = await client.PostFormAsync("/feedback/status?handler=Ask", new(ask), formPage: "/feedback");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var wrong = await client.PostFormAsync("/feedback/status?handler=Ask", new(ask) { ["Token"] = "nepareizs" }, formPage: "/feedback");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Single((await CasesAsync(app)).Single().Entries, e => e.Kind == CaseEntryKind.Note);
    }

    private static async Task<HttpResponseMessage> PostRegisterAsync(HttpClient client, Dictionary<string, string> fields, (string, byte[])? file = null)
    {
        var page = await client.GetStringAsync("/staff/cases/register", Ct);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        return await client.PostAsync("/staff/cases/register", Multipart(fields, file), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Input.FormTicket\" value=\"([^\"]+)\"")]
    private static partial Regex FormTicket();
}
