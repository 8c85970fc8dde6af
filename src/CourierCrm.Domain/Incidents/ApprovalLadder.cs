namespace CourierCrm.Domain.Incidents;

/// <summary>Who may approve a remedy or a compensation (issue 5 item 4: "an approval ladder by amount").</summary>
public enum ApprovalLevel
{
    /// <summary>The handler's supervisor (step 6 of the complaint process).</summary>
    Supervisor,
    OutletHead,
    RegionManager,
    HeadOffice,
}

/// <summary>One rung: amounts up to and including <see cref="UpToFen"/> need this level; null = no upper limit.</summary>
public sealed record ApprovalRung(long? UpToFen, ApprovalLevel Level);

/// <summary>
/// The approval ladder: the lowest rung whose limit covers the amount names who approves. Default: up to
/// ¥500 the supervisor, up to ¥2,000 the outlet head, up to ¥10,000 the region manager, above that head
/// office (the ¥10,000 line matches the incident reporting rule of DOMAIN.md §8). Configurable.
/// </summary>
public sealed record ApprovalLadder(IReadOnlyList<ApprovalRung> Rungs)
{
    public static readonly ApprovalLadder Default = new(
    [
        new(50_000, ApprovalLevel.Supervisor),
        new(200_000, ApprovalLevel.OutletHead),
        new(1_000_000, ApprovalLevel.RegionManager),
        new(null, ApprovalLevel.HeadOffice),
    ]);

    public IEnumerable<string> InvalidFields()
    {
        if (Rungs.Count == 0 || Rungs[^1].UpToFen is not null) yield return "rungs";
        for (var i = 1; i < Rungs.Count; i++)
        {
            if (Rungs[i - 1].UpToFen is not { } below || (Rungs[i].UpToFen is { } limit && limit <= below))
                yield return $"rungs[{i}].upToFen";
            if (Rungs[i].Level <= Rungs[i - 1].Level) yield return $"rungs[{i}].level";
        }
        if (Rungs.Count > 0 && Rungs[0].UpToFen is < 0) yield return "rungs[0].upToFen";
    }

    public ApprovalLevel RequiredFor(long amountFen)
    {
        if (amountFen < 0) throw new ArgumentOutOfRangeException(nameof(amountFen), "Cannot be negative.");
        return Rungs.First(r => r.UpToFen is not { } limit || amountFen <= limit).Level;
    }

    /// <summary>Whether someone at <paramref name="approver"/> may approve this amount (a higher level may approve lower amounts).</summary>
    public bool MayApprove(ApprovalLevel approver, long amountFen) => approver >= RequiredFor(amountFen);
}
