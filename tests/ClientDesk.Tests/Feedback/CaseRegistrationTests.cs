using ClientDesk.Data;
using ClientDesk.Feedback;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Feedback;

/// <summary>The case register's own guarantees, below the pages: numbers, deadlines on registration, the workflow's guards.</summary>
public sealed class CaseRegistrationTests
{
    [Theory, Providers]
    public async Task Fifty_submissions_registered_at_once_get_the_numbers_1_to_50_of_the_year(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));

        var cases = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => RetentionTests.RegisterAsync(app, RetentionTests.Complaint()))));

        Assert.Equal(Enumerable.Range(1, 50), cases.Select(c => c.Case.Sequence).Order());
        Assert.All(cases, c => Assert.Matches(@"^2026-000\d\d$", c.Case.Number));
        Assert.Equal(50, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Theory, Providers]
    public async Task The_year_counter_starts_after_cases_numbered_without_it_and_steps_past_one_that_holds_its_next_number(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var first = await RetentionTests.RegisterAsync(app, RetentionTests.Complaint());

        // Cases from before the counter existed (an older database, an import): numbering goes on after the highest.
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == first.Case.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Sequence, 7)));
        await app.WithDbAsync(db => db.NumberSequences.ExecuteDeleteAsync());
        var afterOlder = await RetentionTests.RegisterAsync(app, RetentionTests.Complaint());

        // A case given the counter's next number behind its back: the register steps past it rather than failing.
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == afterOlder.Case.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Sequence, 9)));
        var afterTaken = await RetentionTests.RegisterAsync(app, RetentionTests.Complaint());

        Assert.Equal((8, 10), (afterOlder.Case.Sequence, afterTaken.Case.Sequence));
        Assert.Equal(new[] { 7, 9, 10 }, await app.WithDbAsync(db => db.Cases.OrderBy(c => c.Sequence).Select(c => c.Sequence).ToListAsync()));
    }

    [Theory, Providers]
    public async Task A_case_gets_the_deadlines_of_its_day_of_receipt_and_one_without_a_name_or_address_is_information_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var letterOfFebruary = RetentionTests.Complaint() with { Channel = CaseChannel.Post, ReceivedAtUtc = new DateTime(2026, 2, 27, 10, 0, 0, DateTimeKind.Utc) };

        var registered = await RetentionTests.RegisterAsync(app, RetentionTests.Complaint());
        var late = await RetentionTests.RegisterAsync(app, letterOfFebruary);
        var anonymous = await RetentionTests.RegisterAsync(app, RetentionTests.Complaint() with { Name = " " });
        var noAddress = await RetentionTests.RegisterAsync(app, RetentionTests.Complaint() with { Email = "not-an-address", PreferredReply = ReplyChannel.Email });

        // Received Tuesday 17 March 2026: 10 working days, forwarding in 5.
        Assert.Equal(("IL-2026", new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 24)), (registered.Case.DeadlineRule, registered.Case.AnswerBy!.Value, registered.Case.ForwardBy!.Value));
        // A letter that arrived on Friday 27 February 2026 keeps the old rule: one month, 27 March.
        Assert.Equal(("IL-2007", new DateOnly(2026, 3, 27), new DateOnly(2026, 2, 27)), (late.Case.DeadlineRule, late.Case.AnswerBy!.Value, late.Case.ReceivedOn));
        Assert.True(anonymous.Case.IsInformationOnly);
        Assert.Null(anonymous.Case.AnswerBy);
        Assert.True(noAddress.Case.IsInformationOnly);
        Assert.Equal(ReplyChannel.None, noAddress.Case.PreferredReply);
    }

    [Theory, Providers]
    public async Task The_database_refuses_a_case_that_owes_an_answer_without_a_deadline_and_an_answered_case_without_its_answer(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var registered = await RetentionTests.RegisterAsync(app, RetentionTests.Complaint());

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => app.WithDbAsync(db =>
            db.Cases.Where(c => c.Id == registered.Case.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AnswerBy, (DateOnly?)null))));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"Cases\" SET \"Status\" = 'Answered' WHERE \"Id\" = {0}", registered.Case.Id)));
    }

    [Fact]
    public void The_workflow_refuses_steps_out_of_order()
    {
        var now = new DateTime(2026, 3, 17, 8, 0, 0, DateTimeKind.Utc);
        var @case = new Case { Kind = CaseKind.Complaint, Text = "…", AnswerBy = new DateOnly(2026, 3, 31), ForwardBy = new DateOnly(2026, 3, 24) };

        Assert.Throws<InvalidOperationException>(() => @case.Start("a", now));
        Assert.Throws<InvalidOperationException>(() => @case.Answer(ReplyChannel.Email, "Atbilde", null, "a", now));
        Assert.Throws<InvalidOperationException>(() => @case.Close("bez atbildes", "a", now));
        @case.Assign("officer", "a", now);
        Assert.Throws<InvalidOperationException>(() => @case.Answer(ReplyChannel.None, "Atbilde", null, "a", now));
        Assert.Throws<ArgumentException>(() => @case.Extend(new DateOnly(2026, 4, 17), " ", "a", now));
        @case.Extend(new DateOnly(2026, 4, 17), "Jāsaņem ziņas no CSDD", "a", now);
        Assert.Throws<InvalidOperationException>(() => @case.Extend(new DateOnly(2026, 4, 17), "vēlreiz", "a", now));
        @case.Escalate(EscalationLevel.Director, "director", "Klients lūdz direktoru", "a", now);
        Assert.Throws<InvalidOperationException>(() => @case.Escalate(EscalationLevel.RegionalHead, "head", "zemāk", "a", now));
        @case.Answer(ReplyChannel.Email, "Atbilde", new DateOnly(2026, 3, 20), "officer", now);
        Assert.Throws<InvalidOperationException>(() => @case.Forward(1, "par vēlu", "a", now));
        @case.Close(null, "officer", now);

        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal(new DateOnly(2026, 4, 17), @case.DueOn);
        Assert.Equal(
            [CaseEntryKind.Assigned, CaseEntryKind.Extended, CaseEntryKind.Escalated, CaseEntryKind.Answered, CaseEntryKind.Closed],
            @case.Entries.Select(e => e.Kind));
    }
}
