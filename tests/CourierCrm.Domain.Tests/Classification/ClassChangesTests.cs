using CourierCrm.Domain.Classification;
using CourierCrm.Domain.Customers;

namespace CourierCrm.Domain.Tests.Classification;

public class ClassChangesTests
{
    [Theory]
    // previous class, revenue → current class, revenue → movement, reason
    [InlineData("B", 100, "A", 150, ClassMovement.Up, ClassChangeReason.RevenueRose)]
    [InlineData("B", 100, "A", 100, ClassMovement.Up, ClassChangeReason.OthersMoved)] // others shrank
    [InlineData("A", 150, "B", 100, ClassMovement.Down, ClassChangeReason.RevenueFell)]
    [InlineData("A", 150, "C", 200, ClassMovement.Down, ClassChangeReason.OthersMoved)] // grew, but others grew more
    [InlineData(null, 0, "C", 30, ClassMovement.New, ClassChangeReason.FirstClassified)]
    [InlineData("C", 30, null, 0, ClassMovement.Lost, ClassChangeReason.NoLongerClassified)]
    public void Abc_moves_with_their_reason(string? fromClass, long fromRevenue, string? toClass, long toRevenue, ClassMovement movement, ClassChangeReason reason)
    {
        var previous = Classified(1, fromRevenue, Parse(fromClass));
        var current = Classified(1, toRevenue, Parse(toClass));

        var change = Assert.Single(ClassChanges.Between([previous], [current]), c => c.Dimension == ClassDimension.Abc);

        Assert.Equal(new ClassChange(1, ClassDimension.Abc, fromClass, toClass, movement, reason, fromRevenue, toRevenue), change);
    }

    [Fact]
    public void No_change_gives_no_entry()
    {
        var customer = Classified(1, 100, AbcClass.A);

        Assert.Empty(ClassChanges.Between([customer], [customer with { RevenueFen = 120 }]));
    }

    [Fact]
    public void Pyramid_and_key_account_moves_are_reported_beside_abc()
    {
        var previous = Classified(1, 100, AbcClass.B) with { Pyramid = ValuePyramidTier.Ordinary, KeyAccount = KeyAccountTier.Ordinary };
        var current = Classified(1, 300, AbcClass.A) with { Pyramid = ValuePyramidTier.Major, KeyAccount = KeyAccountTier.Major };

        var changes = ClassChanges.Between([previous], [current]);

        Assert.Equal(
            [
                (ClassDimension.Abc, "B", "A"),
                (ClassDimension.ValuePyramid, "Ordinary", "Major"),
                (ClassDimension.KeyAccount, "Ordinary", "Major"),
            ],
            changes.Select(c => (c.Dimension, c.From, c.To)));
        Assert.All(changes, c => Assert.Equal(ClassMovement.Up, c.Movement));
    }

    [Theory]
    [InlineData(LifecycleState.Potential, LifecycleState.New, ClassMovement.Up, ClassChangeReason.StartedShipping)]
    [InlineData(LifecycleState.New, LifecycleState.Loyal, ClassMovement.Up, ClassChangeReason.BecameEstablished)]
    [InlineData(LifecycleState.Loyal, LifecycleState.Churned, ClassMovement.Down, ClassChangeReason.WentSilent)]
    [InlineData(LifecycleState.New, LifecycleState.Churned, ClassMovement.Down, ClassChangeReason.WentSilent)]
    [InlineData(LifecycleState.Churned, LifecycleState.Loyal, ClassMovement.Up, ClassChangeReason.WonBack)]
    [InlineData(LifecycleState.Loyal, LifecycleState.New, ClassMovement.Down, ClassChangeReason.WaybillsCorrected)]
    public void Lifecycle_moves_with_their_reason(LifecycleState from, LifecycleState to, ClassMovement movement, ClassChangeReason reason)
    {
        var change = Assert.Single(ClassChanges.Between(
            [Classified(1, 0, null) with { Lifecycle = from }],
            [Classified(1, 0, null) with { Lifecycle = to }]));

        Assert.Equal((ClassDimension.Lifecycle, from.ToString(), to.ToString(), movement, reason),
            (change.Dimension, change.From, change.To, change.Movement, change.Reason));
    }

    [Fact]
    public void Customer_new_to_the_run_or_gone_from_it_is_new_or_lost_in_every_class_it_has()
    {
        var gone = Classified(1, 50, AbcClass.C);
        var arrived = Classified(2, 900, AbcClass.A);

        var changes = ClassChanges.Between([gone], [arrived]);

        Assert.Equal(
            [
                (1, ClassDimension.Abc, ClassMovement.Lost),
                (1, ClassDimension.Lifecycle, ClassMovement.Lost),
                (2, ClassDimension.Abc, ClassMovement.New),
                (2, ClassDimension.Lifecycle, ClassMovement.New),
            ],
            changes.Select(c => (c.CustomerId, c.Dimension, c.Movement)));
    }

    private static AbcClass? Parse(string? cls) => cls is null ? null : Enum.Parse<AbcClass>(cls);

    private static CustomerClassification Classified(int id, long revenue, AbcClass? abc) =>
        new(id, revenue, abc, null, null, null, null, LifecycleState.Loyal);
}
