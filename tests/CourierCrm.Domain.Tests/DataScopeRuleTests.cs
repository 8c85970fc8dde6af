using CourierCrm.Domain.Organisation;
using CourierCrm.Domain.Tests.Builders;

namespace CourierCrm.Domain.Tests;

public class DataScopeRuleTests
{
    private const int ViewerUser = 7;
    private const int ViewerOutlet = 10;
    private const int ViewerRegion = 100;

    /// <summary>Records as seen from a viewer who is user 7 in outlet 10 of region 100.</summary>
    public enum Relation
    {
        OwnedBySameUser,
        SameOutletOtherOwner,
        SameRegionOtherOutlet,
        OtherRegion,
        OwnedBySameUserInOtherRegion,
        UnownedInSameOutlet,
    }

    private static readonly Dictionary<Relation, ScopedRecord> Records = new()
    {
        [Relation.OwnedBySameUser] = new(ViewerUser, ViewerOutlet, ViewerRegion),
        [Relation.SameOutletOtherOwner] = new(8, ViewerOutlet, ViewerRegion),
        [Relation.SameRegionOtherOutlet] = new(9, 11, ViewerRegion),
        [Relation.OtherRegion] = new(9, 20, 200),
        // A customer kept after its owner moved: owner scope follows the owner, not the outlet.
        [Relation.OwnedBySameUserInOtherRegion] = new(ViewerUser, 20, 200),
        [Relation.UnownedInSameOutlet] = new(null, ViewerOutlet, ViewerRegion),
    };

    private static Viewer ViewerWith(DataScope scope, int? userId = ViewerUser, int? outletId = ViewerOutlet, int? regionId = ViewerRegion) =>
        Viewer.For(userId, "测试用户", StaffRole.SalesRep, outletId, regionId, new RolePolicy { Role = StaffRole.SalesRep, Scope = scope });

    [Theory]
    [InlineData(DataScope.Own, Relation.OwnedBySameUser, true)]
    [InlineData(DataScope.Own, Relation.SameOutletOtherOwner, false)]
    [InlineData(DataScope.Own, Relation.SameRegionOtherOutlet, false)]
    [InlineData(DataScope.Own, Relation.OtherRegion, false)]
    [InlineData(DataScope.Own, Relation.OwnedBySameUserInOtherRegion, true)]
    [InlineData(DataScope.Own, Relation.UnownedInSameOutlet, false)]
    [InlineData(DataScope.Outlet, Relation.OwnedBySameUser, true)]
    [InlineData(DataScope.Outlet, Relation.SameOutletOtherOwner, true)]
    [InlineData(DataScope.Outlet, Relation.SameRegionOtherOutlet, false)]
    [InlineData(DataScope.Outlet, Relation.OtherRegion, false)]
    [InlineData(DataScope.Outlet, Relation.OwnedBySameUserInOtherRegion, false)]
    [InlineData(DataScope.Outlet, Relation.UnownedInSameOutlet, true)]
    [InlineData(DataScope.Region, Relation.OwnedBySameUser, true)]
    [InlineData(DataScope.Region, Relation.SameOutletOtherOwner, true)]
    [InlineData(DataScope.Region, Relation.SameRegionOtherOutlet, true)]
    [InlineData(DataScope.Region, Relation.OtherRegion, false)]
    [InlineData(DataScope.Region, Relation.OwnedBySameUserInOtherRegion, false)]
    [InlineData(DataScope.Region, Relation.UnownedInSameOutlet, true)]
    [InlineData(DataScope.All, Relation.OwnedBySameUser, true)]
    [InlineData(DataScope.All, Relation.SameOutletOtherOwner, true)]
    [InlineData(DataScope.All, Relation.SameRegionOtherOutlet, true)]
    [InlineData(DataScope.All, Relation.OtherRegion, true)]
    [InlineData(DataScope.All, Relation.OwnedBySameUserInOtherRegion, true)]
    [InlineData(DataScope.All, Relation.UnownedInSameOutlet, true)]
    public void Scope_decides_which_records_a_viewer_sees(DataScope scope, Relation relation, bool visible)
    {
        Assert.Equal(visible, DataScopeRule.CanSee(ViewerWith(scope), Records[relation]));
    }

    [Fact]
    public void Every_scope_and_relation_is_in_the_table()
    {
        var rows = typeof(DataScopeRuleTests).GetMethod(nameof(Scope_decides_which_records_a_viewer_sees))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => a.GetData(null!).Single())
            .Select(d => ((DataScope)d[0], (Relation)d[1]))
            .ToHashSet();

        foreach (var scope in Enum.GetValues<DataScope>())
            foreach (var relation in Enum.GetValues<Relation>())
                Assert.Contains((scope, relation), rows);
    }

    [Theory]
    [InlineData(DataScope.Region)]
    [InlineData(DataScope.Outlet)]
    [InlineData(DataScope.Own)]
    public void Scope_that_cannot_be_resolved_sees_nothing(DataScope scope)
    {
        // Each viewer lacks exactly the id its scope needs.
        var viewer = scope switch
        {
            DataScope.Region => ViewerWith(scope, regionId: null),
            DataScope.Outlet => ViewerWith(scope, outletId: null),
            _ => ViewerWith(scope, userId: null),
        };

        foreach (var record in Records.Values)
            Assert.False(DataScopeRule.CanSee(viewer, record), $"{scope} viewer without its id saw {record}");
    }

    [Fact]
    public void Own_scope_without_user_does_not_see_unowned_records()
    {
        // null == null must not make an anonymous token the owner of every unowned customer.
        var viewer = ViewerWith(DataScope.Own, userId: null);

        Assert.False(DataScopeRule.CanSee(viewer, Records[Relation.UnownedInSameOutlet]));
    }

    public static TheoryData<DataScope> AllScopes() => new(Enum.GetValues<DataScope>());

    [Theory]
    [MemberData(nameof(AllScopes))]
    public void Visible_as_query_filter_agrees_with_CanSee(DataScope scope)
    {
        var viewer = ViewerWith(scope);
        var records = Records.Values.ToList();

        var filtered = records.AsQueryable().Where(DataScopeRule.Visible<ScopedRecord>(viewer)).ToList();
        var checkedOneByOne = records.Where(r => DataScopeRule.CanSee(viewer, r)).ToList();

        Assert.Equal(checkedOneByOne, filtered);
        Assert.NotEmpty(filtered);
    }
}
