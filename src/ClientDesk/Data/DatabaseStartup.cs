using ClientDesk.Access;
using ClientDesk.ReferenceData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClientDesk.Data;

internal static class DatabaseStartup
{
    /// <summary>
    /// Applies the migrations (EF Core takes a database lock, so several instances may start at once),
    /// loads the reference data into an empty database and creates the first administrator.
    /// Database:MigrateOnStartup=false leaves the schema to a deployment step instead.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientDeskDb>();
        var configuration = app.Configuration;

        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            // Instances starting together migrate one after another: with more than one migration, EF Core's own
            // lock on PostgreSQL still let two instances create the same table (42P07), so a session lock is held.
            if (db.Database.IsNpgsql())
            {
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7270002)");
                try
                {
                    await db.Database.MigrateAsync();
                }
                finally
                {
                    await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7270002)");
                    await db.Database.CloseConnectionAsync();
                }
            }
            else
            {
                await db.Database.MigrateAsync();
            }
        }

        // Instances starting together on one empty database take turns, so the data is loaded exactly once.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7270001)");
        }

        var dataPath = configuration["ReferenceData:Path"] ?? ReferenceDataFile.DefaultPath;
        if (await ReferenceDataLoader.LoadIfEmptyAsync(db, ReferenceDataFile.Read(dataPath)))
        {
            app.Logger.LogInformation("Reference data loaded from {Path}", dataPath);
        }

        await FirstAdministrator.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var password = await FirstAdministrator.CreateIfNoStaffAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<StaffMember>>());
        await transaction.CommitAsync();
        if (password is not null)
        {
            // Printed on the console only, never logged: logs carry no secrets.
            Console.WriteLine($"""

                ==================================================================
                 ClientDesk: first administrator created
                   user name: {FirstAdministrator.UserName}
                   one-time password: {password}
                 Sign in at /staff/sign-in; you will be asked to choose a new password.
                ==================================================================

                """);
        }
    }
}
