using System.Linq.Expressions;
using System.Reflection;
using CourierCrm.Domain.Organisation;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>
/// The data-scope filter for the few hand-written SQL statements (the search box's): read from the
/// very expression <see cref="DataScopeRule.Visible{T}"/> gives LINQ queries, so SQL and LINQ cannot
/// disagree. A rule of a shape this does not know fails loudly instead of filtering wrongly.
/// </summary>
public static class DataScopeSql
{
    /// <summary>A condition on the row of <paramref name="alias"/>: SQL text and the value its one placeholder (<c>{value}</c>) stands for.</summary>
    public sealed record Condition(string Sql, int? Value)
    {
        /// <summary>The condition with its placeholder replaced by <paramref name="placeholder"/> (a command parameter's name).</summary>
        public string With(string placeholder) => Sql.Replace("{value}", placeholder, StringComparison.Ordinal);
    }

    public static Condition For(Viewer viewer, string alias)
    {
        var rule = DataScopeRule.Visible<IScopedRecord>(viewer);
        switch (rule.Body)
        {
            case ConstantExpression { Value: bool all }:
                return new Condition(all ? "1 = 1" : "1 = 0", null);
            case BinaryExpression { NodeType: ExpressionType.Equal } equal
                when Column(equal.Left, rule.Parameters[0]) is { } column:
                return new Condition(alias + ".\"" + column + "\" = {value}", (int?)Evaluate(equal.Right));
            default:
                throw new NotSupportedException($"The data-scope rule for {viewer.Scope} has a shape SQL statements cannot follow: {rule.Body}");
        }
    }

    /// <summary>The column a rule compares: a property of the record, possibly behind conversions.</summary>
    private static string? Column(Expression expression, ParameterExpression record) => Unwrap(expression) switch
    {
        MemberExpression { Member: PropertyInfo property } member when Unwrap(member.Expression!) == record => property.Name,
        _ => null,
    };

    /// <summary>The value a rule compares with: a constant or a captured variable, possibly converted (no compiling per request).</summary>
    private static object? Evaluate(Expression expression) => Unwrap(expression) switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Member: FieldInfo field, Expression: var owner } => field.GetValue(owner is null ? null : Evaluate(owner)),
        MemberExpression { Member: PropertyInfo property, Expression: var owner } => property.GetValue(owner is null ? null : Evaluate(owner)),
        var other => throw new NotSupportedException($"A data-scope rule compares with {other}, which SQL statements cannot follow."),
    };

    private static Expression Unwrap(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? Unwrap(convert.Operand) : expression;
}
