using System.Net;
using System.Text.Json;
using CourierCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Tests.ComplaintReports;

/// <summary>GET /api/v1/complaints/reports and its export: every figure on the known data set of <see cref="ReportData"/>.</summary>
public abstract class ComplaintReportTests(CrmWebFactory factory)
{
    private async Task<(ReportData Data, JsonElement Report)> ReportAsync(string user = "admin", string extra = "")
    {
        var data = await ReportData.SharedAsync(factory);
        var client = await factory.SignedInAsync(user);
        return (data, await CrmApi.OkJsonAsync(await CrmApi.GetAsync(client, $"/api/v1/complaints/reports?{data.Query}{extra}")));
    }

    private static Dictionary<string, int> Counts(JsonElement report, string list, string key) =>
        report.GetProperty(list).EnumerateArray().ToDictionary(x => x.GetProperty(key).ToString(), x => x.GetProperty("complaints").GetInt32());

    [Fact]
    public async Task Counts_the_complaints_recorded_in_the_period_by_category()
    {
        var (_, report) = await ReportAsync();

        Assert.Equal(5, report.GetProperty("complaints").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Delay"] = 3, ["Damage"] = 1, ["Loss"] = 1 }, Counts(report, "byCategory", "category"));
        Assert.Equal(0.6m, report.GetProperty("byCategory")[0].GetProperty("share").GetDecimal());
    }

    [Fact]
    public async Task Counts_by_outlet_with_the_outlets_waybills_and_rate()
    {
        var (data, report) = await ReportAsync();

        var outlets = report.GetProperty("byOutlet").EnumerateArray().ToDictionary(x => x.GetProperty("outletId").GetInt32());
        Assert.Equal(3, outlets[data.NorthId].GetProperty("complaints").GetInt32());
        Assert.Equal(200, outlets[data.NorthId].GetProperty("waybills").GetInt64());
        Assert.Equal(150.00m, outlets[data.NorthId].GetProperty("perTenThousand").GetDecimal());
        // South: C's 300 waybills and the unmatched sender's one at its counter.
        Assert.Equal(301, outlets[data.SouthId].GetProperty("waybills").GetInt64());
        Assert.Equal(66.45m, outlets[data.SouthId].GetProperty("perTenThousand").GetDecimal());
    }

    [Fact]
    public async Task Counts_by_handler_with_the_unassigned_ones_apart()
    {
        var (_, report) = await ReportAsync();

        var handlers = report.GetProperty("byHandler").EnumerateArray()
            .ToDictionary(x => x.GetProperty("handlerId").ValueKind == JsonValueKind.Null ? "none" : x.GetProperty("handlerId").GetInt32().ToString());
        Assert.Equal(2, handlers[factory.Demo.UserId("ch.sz").ToString()].GetProperty("complaints").GetInt32());
        Assert.Equal(2.0, handlers[factory.Demo.UserId("ch.sz").ToString()].GetProperty("medianHours").GetDouble());
        Assert.Equal(1, handlers[factory.Demo.UserId("mgr.south").ToString()].GetProperty("complaints").GetInt32());
        Assert.Equal(2, handlers["none"].GetProperty("complaints").GetInt32());
    }

    [Fact]
    public async Task Counts_by_month_with_the_complaints_per_ten_thousand_waybills()
    {
        var (_, report) = await ReportAsync();

        var months = report.GetProperty("byMonth").EnumerateArray().ToList();
        Assert.Equal(["2019-01-01", "2019-02-01", "2019-03-01"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal([2, 2, 1], months.Select(m => m.GetProperty("complaints").GetInt32()));
        Assert.Equal([400L, 100L, 1L], months.Select(m => m.GetProperty("waybills").GetInt64()));
        Assert.Equal(50.00m, months[0].GetProperty("perTenThousand").GetDecimal());
        Assert.Equal(501, report.GetProperty("waybills").GetInt64());
        Assert.Equal(99.80m, report.GetProperty("perTenThousand").GetDecimal());
    }

    [Fact]
    public async Task Handling_time_is_counted_in_business_hours_median_p90_and_mean()
    {
        var (_, report) = await ReportAsync();

        // Closed ones: 2 h, 40 h (Tuesday 09:00 to the next Monday 13:00 in working hours), 10 h.
        var handling = report.GetProperty("handlingTime");
        Assert.Equal(3, handling.GetProperty("closed").GetInt32());
        Assert.Equal(10.0, handling.GetProperty("medianHours").GetDouble());
        Assert.Equal(40.0, handling.GetProperty("p90Hours").GetDouble());
        Assert.Equal(17.33, handling.GetProperty("meanHours").GetDouble());
        Assert.Equal("BusinessHours", handling.GetProperty("basis").GetString());
    }

    [Fact]
    public async Task Service_level_compliance_is_the_share_of_stopped_clocks_that_met_their_target()
    {
        var (_, report) = await ReportAsync();

        var levels = report.GetProperty("serviceLevels");
        Assert.Equal(2, levels.GetProperty("firstResponseMet").GetInt32());
        Assert.Equal(2, levels.GetProperty("firstResponseMissed").GetInt32());
        Assert.Equal(0.5m, levels.GetProperty("firstResponseCompliance").GetDecimal());
        Assert.Equal(2, levels.GetProperty("resolutionMet").GetInt32());
        Assert.Equal(1, levels.GetProperty("resolutionMissed").GetInt32());
        Assert.Equal(0.6667m, levels.GetProperty("resolutionCompliance").GetDecimal());
    }

    [Fact]
    public async Task Top_causes_come_biggest_first_with_their_cumulative_share()
    {
        var (_, report) = await ReportAsync();

        var causes = report.GetProperty("causes").EnumerateArray().ToList();
        Assert.Equal(["Delay Internal", "Damage ThirdParty", "Loss ThirdParty"],
            causes.Select(c => $"{c.GetProperty("category").GetString()} {c.GetProperty("responsibility").GetString()}"));
        Assert.Equal([2, 1, 1], causes.Select(c => c.GetProperty("complaints").GetInt32()));
        Assert.Equal([0.5m, 0.75m, 1m], causes.Select(c => c.GetProperty("cumulativeShare").GetDecimal()));
    }

    [Fact]
    public async Task Compensation_sums_claims_paid_and_recovered_and_remedies_carried_out_by_month()
    {
        var (_, report) = await ReportAsync();

        var months = report.GetProperty("compensation").EnumerateArray().ToList();
        Assert.Equal([0m, 500m, 0m], months.Select(m => m.GetProperty("paid").GetDecimal()));
        Assert.Equal([0m, 0m, 200m], months.Select(m => m.GetProperty("recovered").GetDecimal()));
        Assert.Equal([0m, 120m, 0m], months.Select(m => m.GetProperty("remedies").GetDecimal()));
    }

    [Fact]
    public async Task Lessons_list_the_closed_complaints_lessons_newest_first_a_page_at_a_time()
    {
        var (data, report) = await ReportAsync();
        var (_, second) = await ReportAsync(extra: "&page=2&pageSize=1");

        var lessons = report.GetProperty("lessons");
        Assert.Equal(2, lessons.GetProperty("total").GetInt32());
        Assert.Equal(["L-three 易碎品", "L-one 中转衔接"], lessons.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("lesson").GetString()));
        var only = Assert.Single(second.GetProperty("lessons").GetProperty("items").EnumerateArray());
        Assert.Equal(data.ComplaintIds[0], only.GetProperty("complaintId").GetInt32());
        Assert.Equal("加班次", only.GetProperty("correctiveAction").GetString());
    }

    [Fact]
    public async Task A_sales_rep_sees_only_the_figures_of_its_own_customers()
    {
        var data = await ReportData.SharedAsync(factory);
        var rep = factory.NewBrowser();
        SignIn.AssertSignedIn(await SignIn.PostLoginAsync(rep, data.RepUserName, data.RepPassword), data.RepUserName);

        var report = await CrmApi.OkJsonAsync(await CrmApi.GetAsync(rep, $"/api/v1/complaints/reports?{data.Query}"));

        Assert.Equal(2, report.GetProperty("complaints").GetInt32());
        Assert.Equal(200, report.GetProperty("waybills").GetInt64());
        Assert.Equal(100.00m, report.GetProperty("perTenThousand").GetDecimal());
        Assert.All(report.GetProperty("compensation").EnumerateArray(), m => Assert.Equal(0m, m.GetProperty("paid").GetDecimal()));
    }

    [Fact]
    public async Task A_manager_of_another_region_sees_none_of_its_figures()
    {
        var (_, report) = await ReportAsync("mgr.east");

        Assert.Equal(0, report.GetProperty("complaints").GetInt32());
        Assert.Equal(0, report.GetProperty("waybills").GetInt64());
    }

    [Theory]
    [InlineData("from=2019-13-01", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2019-02-30", "to")]
    [InlineData("from=2019-03-01&to=2019-02-01", "from")]
    [InlineData("from=2017-01-01&to=2019-03-01", "to")]
    [InlineData("outletId=abc", "outletId")]
    [InlineData("regionId=-3", "regionId")]
    [InlineData("outletId=999999", "outletId")]
    [InlineData("page=0", "page")]
    public async Task A_bad_query_string_answers_400_naming_the_parameter(string query, string field)
    {
        var client = await factory.SignedInAsync("admin");

        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(client, $"/api/v1/complaints/reports?{query}"), field);
    }

    [Fact]
    public async Task The_export_holds_the_figures_and_leaves_an_audit_entry()
    {
        var client = await factory.SignedInAsync("mgr.south");
        await using var db = factory.NewDb();
        var before = await db.AuditEntries.CountAsync(e => e.EntityType == "ComplaintReport");

        var response = await CrmApi.GetAsync(client, $"/api/v1/complaints/reports/export?format=csv&{ReportData.Period}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("2019-01-01", text);
        Assert.Equal(before + 1, await db.AuditEntries.CountAsync(e => e.EntityType == "ComplaintReport"));
    }

    [Fact]
    public async Task The_export_refuses_a_bad_format_naming_it()
    {
        var client = await factory.SignedInAsync("admin");

        await CrmApi.FieldErrorAsync(await CrmApi.GetAsync(client, "/api/v1/complaints/reports/export?format=pdf"), "format");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteComplaintReportTests(SqliteCrmWebFactory factory) : ComplaintReportTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PostgresComplaintReportTests(PostgresCrmWebFactory factory) : ComplaintReportTests(factory);
