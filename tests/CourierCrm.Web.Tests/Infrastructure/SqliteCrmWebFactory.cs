using Microsoft.Data.Sqlite;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>The product on a real SQLite file (WAL, as installed) in a fresh temporary folder.</summary>
public class SqliteCrmWebFactory : CrmWebFactory
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ccrm-web-tests-" + Guid.NewGuid().ToString("N"));

    public override string ProviderName => "Sqlite";

    public string DatabaseFile => Path.Combine(_folder, "crm.db");

    protected override IReadOnlyDictionary<string, string> DatabaseSettings() => new Dictionary<string, string>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:SqlitePath"] = DatabaseFile,
    };

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        // Pooled connections keep the file open; let them go before deleting the folder.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleaning rather than failing the run.
        }
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteCrmWebFactory>
{
    public const string Name = "SQLite";
}
