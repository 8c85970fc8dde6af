using CourierCrm.Domain.Classification;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Validation;

namespace CourierCrm.Web.Segmentation.Ltv;

/// <summary>Checks a hand-entered Dwyer table cell by cell and works it out (DOMAIN.md §4).</summary>
public static class DwyerTableInput
{
    public const int MaxYears = 50;

    /// <summary>The table, or errors keyed by the cell ("years[1].retentionRate").</summary>
    public static CommandResult<IReadOnlyList<DwyerYear>> Work(DwyerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        Required(errors, "initialCustomers", input.InitialCustomers, "must be more than 0.", v => v > 0);
        Required(errors, "acquisitionCostPerCustomer", input.AcquisitionCostPerCustomer, "must not be negative.", v => v >= 0);
        Required(errors, "discountRate", input.DiscountRate, "must be 0 to 10 (0.1 = 10 %).", v => v is >= 0 and <= 10);
        if (input.Years is null || input.Years.Count == 0) errors.Add("years", "needs at least one year.");
        else if (input.Years.Count > MaxYears) errors.Add("years", $"must have at most {MaxYears} years.");
        var years = input.Years ?? [];
        for (var i = 0; i < Math.Min(years.Count, MaxYears); i++)
        {
            var y = years[i];
            var at = $"years[{i}].";
            if (y is null)
            {
                errors.Add($"years[{i}]", "is empty.");
                continue;
            }
            Required(errors, at + "retentionRate", y.RetentionRate, "must be 0 to 1 (0.8 = 80 %).", v => v is >= 0 and <= 1);
            Required(errors, at + "ordersPerCustomer", y.OrdersPerCustomer, "must not be negative.", v => v >= 0);
            Required(errors, at + "averageOrderValue", y.AverageOrderValue, "must not be negative.", v => v >= 0);
            Required(errors, at + "variableCostRate", y.VariableCostRate, "must be 0 to 1 (0.6 = 60 %).", v => v is >= 0 and <= 1);
            Required(errors, at + "marketingCostPerCustomer", y.MarketingCostPerCustomer, "must not be negative.", v => v >= 0);
        }
        if (!errors.IsEmpty) return CommandResult<IReadOnlyList<DwyerYear>>.Invalid(errors);
        var model = new DwyerModel(input.InitialCustomers!.Value, input.AcquisitionCostPerCustomer!.Value, input.DiscountRate!.Value,
            years.Select(y => new DwyerYearAssumptions(y!.RetentionRate!.Value, y.OrdersPerCustomer!.Value, y.AverageOrderValue!.Value,
                y.VariableCostRate!.Value, y.MarketingCostPerCustomer!.Value)).ToList());
        return CommandResult<IReadOnlyList<DwyerYear>>.Ok(Domain.Classification.LifetimeValue.Table(model));
    }

    /// <summary>Seed 001's worked example (1,000 customers, 3 years): what the hand-entry grid starts with.</summary>
    public static DwyerInput Example() => new()
    {
        InitialCustomers = 1000, AcquisitionCostPerCustomer = 50, DiscountRate = 0.25m,
        Years =
        [
            new() { RetentionRate = 0.5m, OrdersPerCustomer = 2, AverageOrderValue = 100, VariableCostRate = 0.6m, MarketingCostPerCustomer = 10 },
            new() { RetentionRate = 0.6m, OrdersPerCustomer = 3, AverageOrderValue = 100, VariableCostRate = 0.5m, MarketingCostPerCustomer = 10 },
            new() { RetentionRate = 0.7m, OrdersPerCustomer = 4, AverageOrderValue = 100, VariableCostRate = 0.5m, MarketingCostPerCustomer = 10 },
        ],
    };

    private static void Required(ValidationErrors errors, string field, decimal? value, string rule, Func<decimal, bool> valid)
    {
        if (value is not { } v) errors.Add(field, "is required.");
        else if (!valid(v)) errors.Add(field, rule);
    }
}
