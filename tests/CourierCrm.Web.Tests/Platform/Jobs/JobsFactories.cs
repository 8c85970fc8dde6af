using CourierCrm.Web.Platform.Jobs;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CourierCrm.Web.Tests.Platform.Jobs;

/// <summary>The product with the rehearsal job in place of one real handler, and quick heartbeats and polling.</summary>
internal static class JobsHost
{
    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Jobs:StaleAfterSeconds", "3");
        builder.UseSetting("Jobs:PollSeconds", "1");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IJobHandler>();
            services.AddJobHandler<RehearsalJob>();
        });
    }
}

public sealed class SqliteJobsFactory : SqliteCrmWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        JobsHost.Configure(builder);
    }
}

public sealed class PostgresJobsFactory : PostgresCrmWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        JobsHost.Configure(builder);
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteJobsCollection : ICollectionFixture<SqliteJobsFactory>
{
    public const string Name = "SQLite jobs";
}

[CollectionDefinition(Name)]
public sealed class PostgresJobsCollection : ICollectionFixture<PostgresJobsFactory>
{
    public const string Name = "PostgreSQL jobs";
}
