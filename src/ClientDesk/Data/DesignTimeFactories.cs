using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClientDesk.Data;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClientDeskDb>
{
    public SqliteClientDeskDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClientDeskDb>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresClientDeskDb>
{
    public PostgresClientDeskDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClientDeskDb>().UseNpgsql("Host=localhost;Database=clientdesk_design").Options);
}
