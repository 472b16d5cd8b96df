using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Data;

/// <summary>The last number handed out in one series of numbers people read: the cases of a year, a letter's tickets of a day.</summary>
public sealed class NumberSequence
{
    /// <summary>Which series: "case:2026", "ticket:3:2026-11-26:A".</summary>
    public string Scope { get; set; } = "";
    public int Last { get; set; }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<NumberSequence> sequence)
    {
        sequence.HasKey(s => s.Scope);
        sequence.Property(s => s.Scope).HasMaxLength(100);
        sequence.ToTable(t => t.HasCheckConstraint("CK_NumberSequences_Last", "\"Last\" > 0"));
    }
}

/// <summary>
/// Hands out the next number of a series with one atomic statement on its counter row, so concurrent clerks and
/// clients never try the same number and none waits for another to fail first. Called inside the transaction that
/// saves the numbered row: a rollback gives the number back, and the row lock orders the writers.
/// </summary>
public static class Numbering
{
    /// <summary>
    /// The next number of <paramref name="scope"/>. A series met for the first time starts after
    /// <paramref name="highestInUse"/>, so rows numbered before the counter existed (or by the demo seed) are never repeated.
    /// </summary>
    public static async Task<int> NextAsync(ClientDeskDb db, string scope, Func<CancellationToken, Task<int?>> highestInUse, CancellationToken ct)
    {
        var counted = await db.Database.SqlQuery<int>(
            $"""UPDATE "NumberSequences" SET "Last" = "Last" + 1 WHERE "Scope" = {scope} RETURNING "Last" AS "Value" """).ToListAsync(ct);
        if (counted.Count == 1)
        {
            return counted[0];
        }

        var first = (await highestInUse(ct) ?? 0) + 1;
        var started = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO "NumberSequences" ("Scope", "Last") VALUES ({scope}, {first})
            ON CONFLICT ("Scope") DO UPDATE SET "Last" = "NumberSequences"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return started[0];
    }

    /// <summary>Moves the counter past <paramref name="highestInUse"/> when rows were numbered without it.</summary>
    public static Task CatchUpAsync(ClientDeskDb db, string scope, int highestInUse, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""UPDATE "NumberSequences" SET "Last" = {highestInUse} WHERE "Scope" = {scope} AND "Last" < {highestInUse}""", ct);
}
