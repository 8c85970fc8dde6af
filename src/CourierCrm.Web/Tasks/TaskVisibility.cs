using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Tasks;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform.Auth;

namespace CourierCrm.Web.Tasks;

/// <summary>
/// Which tasks a viewer may see. Every task about a customer follows the customer's data scope
/// (<c>VisibleTo</c>): a task assigned to a rep whose customer has since moved out of the rep's
/// reach is not shown to them (its new owner's manager reassigns it). Within that:
/// mine = assigned to the viewer; team = every task of the customers in scope, unassigned ones
/// included (managers and administrators); all = every task (administrators).
/// </summary>
public static class TaskVisibility
{
    public static bool MaySee(Viewer viewer, TaskScope scope) => scope switch
    {
        TaskScope.Mine => viewer.UserId is not null,
        TaskScope.Team => viewer.Role is StaffRole.Manager or StaffRole.Administrator,
        _ => viewer.IsAdministrator,
    };

    /// <summary>Managers and administrators act on their team's tasks (reassign, close); everyone on their own.</summary>
    public static bool LeadsTeam(Viewer viewer) => viewer.Role is StaffRole.Manager or StaffRole.Administrator;

    /// <summary>The tasks of <paramref name="scope"/>; call <see cref="MaySee"/> first.</summary>
    public static IQueryable<StaffTask> Tasks(CrmDbContext db, Viewer viewer, TaskScope scope)
    {
        var me = viewer.UserId;
        if (scope == TaskScope.All && viewer.IsAdministrator) return db.StaffTasks;
        var customers = db.Customers.VisibleTo(viewer).Select(c => c.Id);
        // A task about nobody in particular is its assignee's alone.
        var visible = db.StaffTasks.Where(t => t.CustomerId != null ? customers.Contains(t.CustomerId.Value) : t.AssigneeId == me);
        return scope == TaskScope.Mine ? visible.Where(t => t.AssigneeId == me) : visible;
    }
}
