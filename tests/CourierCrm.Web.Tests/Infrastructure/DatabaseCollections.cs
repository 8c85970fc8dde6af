namespace CourierCrm.Web.Tests.Infrastructure;

// The one-test-every-database pattern (bitwarden's DatabaseTheory, done with xUnit fixtures):
// each test class is written once as an abstract class over CrmWebFactory, and a pair of sealed
// subclasses runs it on SQLite (collection "SQLite") and on PostgreSQL (collection "PostgreSQL").
// The two collections run side by side; the tests inside one run one after another, so a test
// may count rows before and after its own request.
