// Scaffolds an EF Core migration for both database providers, in place of `dotnet ef migrations add`
// (the dotnet-ef tool is not served by the package registry reachable here).
//
//   dotnet run --project tools/CourierCrm.DbTool -- add-migration <Name>
//
// Writes src/CourierCrm.Web/Data/Migrations/Sqlite/* and .../Postgres/*.
using CourierCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args is not ["add-migration", var name])
{
    Console.Error.WriteLine("usage: dotnet run --project tools/CourierCrm.DbTool -- add-migration <Name>");
    return 2;
}

var projectDir = FindWebProject();
Scaffold(new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=:memory:").Options), "Sqlite");
Scaffold(new PostgresCrmDbContext(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql("Host=localhost").Options), "Postgres");
return 0;

void Scaffold(CrmDbContext context, string provider)
{
    using (context)
    {
        var assembly = typeof(CrmDbContext).Assembly;
        var reporter = new OperationReporter(new OperationReportHandler(
            e => Console.Error.WriteLine(e), w => Console.Error.WriteLine(w), i => Console.WriteLine(i), v => { }));
        var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(context);
        var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, "CourierCrm.Web", $"Data.Migrations.{provider}", "C#");
        var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations", provider));
        Console.WriteLine($"{provider}: {Path.GetRelativePath(projectDir, files.MigrationFile!)}");
    }
}

static string FindWebProject()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var web = Path.Combine(dir.FullName, "src", "CourierCrm.Web");
        if (Directory.Exists(web)) return web;
    }
    throw new InvalidOperationException("Run from inside the CourierCrm checkout.");
}
