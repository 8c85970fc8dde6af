using Npgsql;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>
/// The product on a real PostgreSQL server: ./test.sh starts a throw-away cluster
/// (scripts/pg-throwaway.sh) and exports CCRM_TEST_POSTGRES; this fixture creates a database
/// of its own there and drops it afterwards. Without the server the tests fail, never skip.
/// </summary>
public class PostgresCrmWebFactory : CrmWebFactory
{
    public const string ServerVariable = "CCRM_TEST_POSTGRES";

    private readonly string _databaseName = "ccrm_test_" + Guid.NewGuid().ToString("N");
    private readonly string _jobFiles = Path.Combine(Path.GetTempPath(), "ccrm-pg-jobs-" + Guid.NewGuid().ToString("N"));
    private string? _server;

    public override string ProviderName => "Postgres";

    private string ServerConnection => _server ??= Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{ServerVariable} is not set, so there is no PostgreSQL server to test against. Run ./test.sh, or: " +
            "eval \"$(scripts/pg-throwaway.sh start)\" && dotnet test tests/CourierCrm.Web.Tests; scripts/pg-throwaway.sh stop \"$CCRM_PG_DIR\"");

    private string DatabaseConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnection) { Database = _databaseName }.ConnectionString;

    protected override IReadOnlyDictionary<string, string> DatabaseSettings() => new Dictionary<string, string>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:Postgres"] = DatabaseConnectionString,
        // Background jobs' files in a folder of this fixture, not the checkout's data/ folder.
        ["Jobs:FilesPath"] = _jobFiles,
    };

    protected override async Task CreateDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_databaseName}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (Directory.Exists(_jobFiles)) Directory.Delete(_jobFiles, recursive: true);
        if (_server is null) return; // never created: the server was missing
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCrmWebFactory>
{
    public const string Name = "PostgreSQL";
}
