using CourierCrm.Web;
using CourierCrm.Web.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCourierCrm(builder.Configuration, builder.Environment);

var app = builder.Build();
await DatabaseMigrator.MigrateAndSeedAsync(app.Services);
app.UseCourierCrm();
app.Run();

/// <summary>Entry point type, visible to the test hosts.</summary>
public partial class Program;
