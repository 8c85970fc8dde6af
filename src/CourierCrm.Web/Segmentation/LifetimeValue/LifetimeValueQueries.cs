using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Localization;
using CourierCrm.Web.Platform.Validation;
using Microsoft.EntityFrameworkCore;
using Dwyer = CourierCrm.Domain.Classification.LifetimeValue;

namespace CourierCrm.Web.Segmentation.Ltv;

/// <summary>A customer ranked by predicted lifetime value, masked for the viewer.</summary>
public sealed record RankedCustomer(int Id, string Code, string Name, bool IsMasked, AbcClass? Abc, long PredictedValueFen);

/// <summary>Lifetime value (issue 4 item 6): a cohort's Dwyer table from the waybills, and the customers ranked by predicted value.</summary>
public sealed class LifetimeValueQueries(IDbContextFactory<CrmDbContext> dbFactory, TimeProvider clock, ClassificationOptions options)
{
    /// <summary>Cohorts are followed for at most this many years.</summary>
    public const int MaxYears = 20;

    /// <summary>The cost defaults of the cohort form: the predicted value's settings, no acquisition cost (the waybills do not say it).</summary>
    public CohortCostAssumptions Defaults => new(
        options.LifetimeValue.VariableCostShare, options.LifetimeValue.MarketingCostPerCustomerYuan, 0, options.LifetimeValue.DiscountRate);

    public int CurrentYear => CompanyTime.Local(clock.GetUtcNow()).Year;

    /// <summary>Years a cohort can be taken from: the year of the first waybill up to this year, latest first.</summary>
    public async Task<IReadOnlyList<int>> AcquisitionYearsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var first = await db.Waybills.OrderBy(w => w.OrderedAt).Select(w => (DateTimeOffset?)w.OrderedAt).FirstOrDefaultAsync(ct);
        var from = first is { } at ? Math.Max(CurrentYear - MaxYears, CompanyTime.Local(at).Year) : CurrentYear;
        return Enumerable.Range(from, CurrentYear - from + 1).Reverse().ToList();
    }

    public async Task<CommandResult<CohortAnswer>> CohortAsync(Viewer viewer, int? year, CohortCostInput? costs, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (year is null) errors.Add("year", "is required: the year the cohort's customers shipped for the first time.");
        else if (year < 2000 || year > CurrentYear) errors.Add("year", $"must be 2000 to {CurrentYear}.");
        var assumed = Costs(costs ?? new CohortCostInput(), errors);
        if (!errors.IsEmpty) return CommandResult<CohortAnswer>.Invalid(errors);

        var from = year!.Value;
        var last = Math.Min(CurrentYear, from + MaxYears - 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (customers, observed) = await CohortQuery.ReadAsync(db, viewer, from, last, ct);
        var years = observed.Select((o, i) => new CohortYearView(from + i, o.ActiveCustomers, o.Orders, o.RevenueFen, from + i == CurrentYear)).ToList();
        var table = customers == 0 ? [] : Dwyer.Table(Dwyer.FromCohort(observed, assumed));
        return CommandResult<CohortAnswer>.Ok(new CohortAnswer(from, customers, years, assumed, table));
    }

    /// <summary>The viewer's customers with the highest predicted lifetime value (latest classification run).</summary>
    public async Task<IReadOnlyList<RankedCustomer>> TopAsync(Viewer viewer, int count, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from c in db.Customers.AsNoTracking().VisibleTo(viewer)
                          join k in db.CustomerClassifications on c.Id equals k.CustomerId
                          where k.PredictedValueFen != null
                          orderby k.PredictedValueFen descending, c.Id descending
                          select new { c.Id, c.Code, c.Name, c.Type, k.Abc, Value = k.PredictedValueFen!.Value })
            .Take(Math.Clamp(count, 1, 100)).ToListAsync(ct);
        var mask = CustomerMasking.Masks(viewer);
        return rows.Select(r => new RankedCustomer(r.Id, r.Code, CustomerMasking.Name(r.Name, r.Type, mask), mask, r.Abc, r.Value)).ToList();
    }

    private CohortCostAssumptions Costs(CohortCostInput input, ValidationErrors errors)
    {
        var d = Defaults;
        var variable = input.VariableCostRate ?? d.VariableCostRate;
        var marketing = input.MarketingCostPerCustomer ?? d.MarketingCostPerCustomer;
        var acquisition = input.AcquisitionCostPerCustomer ?? d.AcquisitionCostPerCustomer;
        var discount = input.DiscountRate ?? d.DiscountRate;
        if (variable is < 0 or > 1) errors.Add("variableCostRate", "must be 0 to 1 (0.85 = 85 %).");
        if (marketing < 0) errors.Add("marketingCostPerCustomer", "must not be negative.");
        if (acquisition < 0) errors.Add("acquisitionCostPerCustomer", "must not be negative.");
        if (discount is < 0 or > 10) errors.Add("discountRate", "must be 0 to 10 (0.1 = 10 %).");
        return new CohortCostAssumptions(variable, marketing, acquisition, discount);
    }
}
