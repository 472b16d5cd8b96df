using ClientDesk.Data;
using ClientDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes without a SQLite migration: dotnet ef migrations add <Name> --context SqliteClientDeskDb --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes without a PostgreSQL migration: dotnet ef migrations add <Name> --context PostgresClientDeskDb --output-dir Data/Migrations/Postgres");
    }

    [Theory, Providers]
    public async Task Starting_on_an_empty_database_applies_every_migration_and_loads_the_reference_data(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            TestApp.RequirePostgres();
        }

        var connectionString = await TestDatabase.CreateEmptyAsync(provider);
        await using var app = new TestApp(provider, connectionString);
        using var client = app.CreateClient();

        var (pending, locations, services, administrators) = await app.WithDbAsync(async db => (
            (await db.Database.GetPendingMigrationsAsync()).ToList(),
            await db.Locations.CountAsync(),
            await db.Services.CountAsync(),
            await db.Users.CountAsync(u => u.UserName == "admin" && u.MustChangePassword)));

        Assert.Empty(pending);
        Assert.True(locations >= 8);
        Assert.True(services >= 10);
        Assert.Equal(1, administrators);
    }

    [Theory, Providers]
    public async Task A_second_start_leaves_data_an_administrator_changed_alone(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            TestApp.RequirePostgres();
        }

        var connectionString = await TestDatabase.CreateEmptyAsync(provider);
        await using (var first = new TestApp(provider, connectionString))
        {
            using var client = first.CreateClient();
            await first.WithDbAsync(async db =>
            {
                var valka = await db.Locations.SingleAsync(l => l.Slug == "valka");
                valka.Address = "Rīgas iela 22, Valka";
                db.Services.Remove(await db.Services.SingleAsync(s => s.Code == "training-card"));
                await db.SaveChangesAsync();
            });
        }

        await using var second = new TestApp(provider, connectionString);
        using var secondClient = second.CreateClient();
        var (address, trainingCards, administrators) = await second.WithDbAsync(async db => (
            await db.Locations.Where(l => l.Slug == "valka").Select(l => l.Address).SingleAsync(),
            await db.Services.CountAsync(s => s.Code == "training-card"),
            await db.Users.CountAsync()));

        Assert.Equal("Rīgas iela 22, Valka", address);
        Assert.Equal(0, trainingCards);
        Assert.Equal(1, administrators);
    }

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_PostgreSQL_database_load_the_data_once()
    {
        TestApp.RequirePostgres();
        var connectionString = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);
        await using var first = new TestApp(DatabaseProvider.PostgreSql, connectionString);
        await using var second = new TestApp(DatabaseProvider.PostgreSql, connectionString);

        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(Task.Run(() => first.CreateClient().Dispose(), ct), Task.Run(() => second.CreateClient().Dispose(), ct));

        var (regions, administrators) = await first.WithDbAsync(async db => (await db.Regions.CountAsync(), await db.Users.CountAsync()));
        Assert.Equal(5, regions);
        Assert.Equal(1, administrators);
    }
}
