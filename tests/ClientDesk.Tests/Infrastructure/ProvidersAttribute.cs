using System.Reflection;
using ClientDesk.Data;
using Xunit.Sdk;
using Xunit.v3;

namespace ClientDesk.Tests.Infrastructure;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL: the whole suite runs on both engines.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ProvidersAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite), new TheoryDataRow<DatabaseProvider>(DatabaseProvider.PostgreSql)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
