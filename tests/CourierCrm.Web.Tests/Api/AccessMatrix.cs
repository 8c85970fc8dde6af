using CourierCrm.Web.Tests.Infrastructure;

namespace CourierCrm.Web.Tests.Api;

/// <summary>
/// Which status every /api/v1 endpoint gives every role (RolePolicy.Defaults and Viewer.For).
/// "{customer}" is a customer in the caller's data scope, "{fresh}" a new one made for the case
/// (for operations that destroy it) and "{outlet}" an outlet of the test's own, so the answer
/// depends only on what the role may do.
/// </summary>
public static class AccessMatrix
{
    private static readonly string[] Columns = [.. DemoCompany.MatrixUsers, DemoCompany.AnonymousUser];

    // Reading the rights off RolePolicy.Defaults: edit = Administrator, Manager, CustomerServiceAgent,
    // SalesRep, KeyAccountManager; export = Administrator, Manager, Analyst; transfer = Administrator, Manager; reveal = everyone who views or
    // may reveal personal data (not Analyst); notes = everyone but the read-only Analyst; the
    // organisation is changed by administrators only; everyone signed in reads (waybills, search and
    // their own background jobs within their scope); a saved segment is a personal view, so even the
    // read-only analyst may save one.
    private static readonly (string Method, string Route, string Statuses)[] Rows =
    [
        //                                               admin mgr.south cs.sz ch.sz rep.sz1 kam.south front.sz analyst anonymous
        ("GET",  "/api/v1/customers",                      "200   200     200   200   200     200       200      200     401"),
        ("POST", "/api/v1/customers",                      "200   200     200   403   200     200       403      403     401"),
        ("GET",  "/api/v1/customers/export",               "200   200     403   403   403     403       403      200     401"),
        ("GET",  "/api/v1/customers/{customer}",           "200   200     200   200   200     200       200      200     401"),
        ("PUT",  "/api/v1/customers/{customer}",           "200   200     200   403   200     200       403      403     401"),
        ("DELETE", "/api/v1/customers/{fresh}",            "200   403     403   403   403     403       403      403     401"),
        ("POST", "/api/v1/customers/{customer}/transfer",  "200   200     403   403   403     403       403      403     401"),
        ("POST", "/api/v1/customers/{customer}/reveal",    "200   200     200   200   200     200       200      403     401"),
        ("GET",  "/api/v1/customers/{customer}/timeline",  "200   200     200   200   200     200       200      200     401"),
        ("POST", "/api/v1/customers/{customer}/notes",     "200   200     200   200   200     200       200      403     401"),
        ("POST", "/api/v1/customers/duplicates",           "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/outlets",                        "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/outlets/{outlet}",               "200   200     200   200   200     200       200      200     401"),
        ("POST", "/api/v1/outlets",                        "200   403     403   403   403     403       403      403     401"),
        ("PUT",  "/api/v1/outlets/{outlet}",               "200   403     403   403   403     403       403      403     401"),
        ("GET",  "/api/v1/regions",                        "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/waybills",                       "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/search?q=13800",                 "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/jobs",                           "200   200     200   200   200     200       200      200     401"),
        ("POST", "/api/v1/customers/exports",              "202   202     403   403   403     403       403      202     401"),
        ("POST", "/api/v1/waybills/exports",               "202   202     403   403   403     403       403      202     401"),
        ("GET",  "/api/v1/classification/runs",            "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/complaints",                     "200   200     200   200   200     200       200      200     401"),
        ("POST", "/api/v1/complaints",                     "200   200     200   200   200     200       200      403     401"),
        ("GET",  "/api/v1/classification/dashboard",       "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/classification/dashboard/export?format=Csv", "200   200     403   403   403     403       403      200     401"),
        ("GET",  "/api/v1/churn-warnings",                 "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/tasks",                          "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/tasks/counts",                   "200   200     200   200   200     200       200      200     401"),
        ("POST", "/api/v1/tasks",                          "200   200     200   200   200     200       200      403     401"),
        ("GET",  "/api/v1/segments",                       "200   200     200   200   200     200       200      200     401"),
        ("POST", "/api/v1/segments",                       "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/lifetime-value/cohort?year=2025", "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/complaints/reports",             "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/complaints/reports/export",      "200   200     403   403   403     403       403      200     401"),
        ("GET",  "/api/v1/customers/{customer}/service",   "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/incidents",                      "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/claims",                         "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/notifications",                  "200   200     200   200   200     200       200      200     401"),
        ("GET",  "/api/v1/notifications/bell",             "200   200     200   200   200     200       200      200     401"),
        ("POST", "/api/v1/notifications/read-all",         "200   200     200   200   200     200       200      200     401"),
        ("POST", "/api/v1/notifications/987654321/read",   "404   404     404   404   404     404       404      404     401"),
        ("GET",  "/api/v1/outbox",                         "200   403     403   403   403     403       403      403     401"),
        ("POST", "/api/v1/outbox/987654321/retry",         "404   403     403   403   403     403       403      403     401"),
    ];

    /// <summary>Every (method, route, user, expected status) of the table.</summary>
    public static TheoryData<string, string, string, int> Cases()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (method, route, statuses) in Rows)
        {
            var codes = statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            if (codes.Length != Columns.Length) throw new InvalidOperationException($"{method} {route}: {codes.Length} statuses for {Columns.Length} users.");
            for (var i = 0; i < Columns.Length; i++)
                data.Add(method, route, Columns[i], codes[i]);
        }
        return data;
    }
}
