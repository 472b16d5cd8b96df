using ClientDesk.Data;
using Npgsql;

namespace ClientDesk.Tests.Data;

public sealed class ConnectionTests
{
    [Fact]
    public void PostgreSQL_connections_are_not_reset_on_close_and_prepare_repeated_statements_unless_the_connection_string_says_otherwise()
    {
        var plain = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolDefaults("Host=db;Database=clientdesk;Username=app"));
        Assert.True(plain.NoResetOnClose);
        Assert.Equal(50, plain.MaxAutoPrepare);
        Assert.Equal("db", plain.Host);

        var own = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolDefaults("Host=db;Database=clientdesk;NoResetOnClose=false;Max Auto Prepare=0"));
        Assert.False(own.NoResetOnClose);
        Assert.Equal(0, own.MaxAutoPrepare);
    }
}
