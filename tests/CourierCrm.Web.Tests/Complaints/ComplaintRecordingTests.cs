using System.Net;
using System.Text.RegularExpressions;
using CourierCrm.Web.Segmentation;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.Complaints;

/// <summary>POST /api/v1/complaints: step 1, with priority by rule, deadlines, scope and clear errors.</summary>
public abstract partial class ComplaintRecordingTests(CrmWebFactory factory)
{
    [GeneratedRegex(@"^TS-\d{8}-\d{4}$")]
    private static partial Regex NumberFormat();

    [Fact]
    public async Task Recording_answers_the_number_the_rule_priority_and_the_deadlines()
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var desk = await factory.SignedInAsync("cs.sz");

        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", ComplaintJson.Record(customerId, "Damage")));

        Assert.Matches(NumberFormat(), recorded.GetProperty("number").GetString());
        Assert.Equal("High", recorded.GetProperty("priority").GetString());
        Assert.True(recorded.GetProperty("firstResponseDueAt").GetDateTimeOffset() < recorded.GetProperty("resolutionDueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_loss_for_an_A_class_customer_is_urgent_whatever_priority_is_asked()
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        await using (var db = factory.NewDb())
        {
            var run = new ClassificationRunRow { PolicyJson = "{}", TriggeredBy = "test", AsOf = new DateOnly(2026, 11, 22) };
            db.ClassificationRuns.Add(run);
            await db.SaveChangesAsync();
            db.CustomerClassifications.Add(new CustomerClassificationRow { CustomerId = customerId, RunId = run.Id, Abc = Domain.Classification.AbcClass.A });
            await db.SaveChangesAsync();
        }
        var body = ComplaintJson.Record(customerId, "Loss");
        body["priority"] = "Normal";
        var desk = await factory.SignedInAsync("cs.sz");

        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", body));

        Assert.Equal("Urgent", recorded.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task An_unknown_caller_is_recorded_by_phone_and_belongs_to_the_recorders_outlet()
    {
        var body = ComplaintJson.Record(null);
        body["callerPhone"] = "13912345678";
        body["callerName"] = "陈先生";
        var desk = await factory.SignedInAsync("cs.sz");

        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", body));

        await using var db = factory.NewDb();
        var complaint = await db.Complaints.SingleAsync(c => c.Id == recorded.GetProperty("id").GetInt32());
        Assert.Null(complaint.CustomerId);
        Assert.Equal("13912345678", complaint.CallerPhoneDigits);
        Assert.Equal(factory.Demo.OutletId("SZ-NS"), complaint.OutletId);
    }

    [Theory]
    [InlineData("customerId", null)]
    [InlineData("category", "Unknown")]
    [InlineData("channel", null)]
    [InlineData("description", "")]
    [InlineData("callerPhone", "12")]
    public async Task Bad_input_answers_400_naming_the_field(string field, string? value)
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var body = ComplaintJson.Record(customerId);
        if (field == "customerId") body.Remove("customerId");
        else if (field == "callerPhone") { body.Remove("customerId"); body["callerPhone"] = value; }
        else body[field] = value;
        var desk = await factory.SignedInAsync("cs.sz");

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", body), field);
    }

    [Fact]
    public async Task A_customer_outside_the_recorders_scope_is_refused_and_nothing_is_saved()
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var otherRep = await factory.SignedInAsync("rep.sz2");
        await using var before = factory.NewDb();
        var count = await before.Complaints.CountAsync(c => c.CustomerId == customerId);

        await CrmApi.FieldErrorAsync(await CrmApi.PostAsync(otherRep, "/api/v1/complaints", ComplaintJson.Record(customerId)), "customerId");

        await using var after = factory.NewDb();
        Assert.Equal(count, await after.Complaints.CountAsync(c => c.CustomerId == customerId));
    }

    [Fact]
    public async Task An_analyst_cannot_record()
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var analyst = await factory.SignedInAsync("analyst");

        await CrmApi.ProblemAsync(await CrmApi.PostAsync(analyst, "/api/v1/complaints", ComplaintJson.Record(customerId)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Recording_puts_the_complaint_on_the_customers_timeline()
    {
        var customerId = await Arrange.CustomerAsync(factory, "rep.sz1", new CustomerInputBuilder());
        var desk = await factory.SignedInAsync("cs.sz");

        var recorded = await CrmApi.OkJsonAsync(await CrmApi.PostAsync(desk, "/api/v1/complaints", ComplaintJson.Record(customerId)));

        await using var db = factory.NewDb();
        var number = recorded.GetProperty("number").GetString()!;
        Assert.True(await db.CustomerEvents.AnyAsync(e => e.CustomerId == customerId && e.Kind == "complaint" && e.Title.Contains(number)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteComplaintRecordingTests(SqliteCrmWebFactory factory) : ComplaintRecordingTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresComplaintRecordingTests(PostgresCrmWebFactory factory) : ComplaintRecordingTests(factory);
