using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CourierCrm.E2E.Infrastructure;

/// <summary>
/// The real product (Program's composition) on Kestrel at a free loopback port, with its own
/// SQLite file, so the browser talks to it over a real socket like a person would.
/// </summary>
public sealed class CrmAppFactory : WebApplicationFactory<Program>
{
    private readonly string _sqlitePath;

    public CrmAppFactory(string sqlitePath)
    {
        _sqlitePath = sqlitePath;
        // Port 0: the OS picks a free one, so parallel runs and a developer's own instance never clash.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>http://127.0.0.1:&lt;port&gt; once <see cref="WebApplicationFactory{T}.StartServer"/> has run.</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("Kestrel reports no addresses.");
            return new Uri(addresses.Single());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches the configuration before Program reads it (AddCourierCrm binds eagerly).
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SqlitePath", _sqlitePath);
        builder.UseSetting("Database:SeedDemoData", "true");
        // A small demo company keeps the first start short; the pages behave the same.
        builder.UseSetting("Demo:Customers", "300");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // Expected here and only noise in the test output: keys in a throw-away database, and the
        // configured Urls (localhost:5080) being replaced by the free port above.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel", "Error");
    }
}
