using System.Linq.Expressions;
using CourierCrm.Domain.Complaints;
using CourierCrm.Domain.Organisation;

namespace CourierCrm.Web.Complaints;

/// <summary>
/// Which complaints a viewer sees: those its data scope covers (the customer's owner, outlet and region),
/// and always those it took (first contact) or handles, wherever the customer belongs.
/// </summary>
public static class ComplaintScope
{
    public static IQueryable<Complaint> VisibleTo(this IQueryable<Complaint> complaints, Viewer viewer)
    {
        var scope = DataScopeRule.Visible<Complaint>(viewer);
        if (viewer.UserId is not int me) return complaints.Where(scope);
        Expression<Func<Complaint, bool>> involved = c => c.HandlerId == me || c.FirstContactOwnerId == me;
        var parameter = scope.Parameters[0];
        var body = Expression.OrElse(scope.Body, new Rebind(involved.Parameters[0], parameter).Visit(involved.Body));
        return complaints.Where(Expression.Lambda<Func<Complaint, bool>>(body, parameter));
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
