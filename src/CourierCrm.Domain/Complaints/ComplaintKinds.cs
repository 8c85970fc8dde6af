namespace CourierCrm.Domain.Complaints;

/// <summary>Where a complaint came in (DOMAIN.md §7).</summary>
public enum ComplaintChannel
{
    Counter,
    Hotline,
    Email,
    Portal,
    Callback,
    FeedbackCard,
    Letter,
    Messaging,
}

/// <summary>The four kinds of complaint content the source names (seed 004: 合同/质量/服务/物流环节投诉).</summary>
public enum ComplaintGroup
{
    Contract,
    Quality,
    Service,
    LogisticsStage,
}

/// <summary>
/// The courier complaint taxonomy (DOMAIN.md §7, seeds 000/002/004): what the customer complains about.
/// Stored by name; new members may be added.
/// </summary>
public enum ComplaintCategory
{
    /// <summary>Rude or careless staff (服务态度).</summary>
    Attitude,
    /// <summary>Pick-up or delivery not done properly at the door (上门服务缺陷).</summary>
    DoorToDoorDefect,
    /// <summary>Later than promised (延误).</summary>
    Delay,
    /// <summary>Parcel damaged (破损).</summary>
    Damage,
    /// <summary>Parcel lost (丢失).</summary>
    Loss,
    /// <summary>Signed for before the customer could inspect it (先签后验).</summary>
    SignBeforeInspection,
    /// <summary>The hotline could not be reached (电话难打通).</summary>
    HotlineUnreachable,
    /// <summary>Prices quoted differently (价格不一致).</summary>
    InconsistentPrice,
    /// <summary>A request the company could not reasonably meet (不合理要求未满足).</summary>
    UnmetRequest,
    /// <summary>Contract terms not kept (合同投诉).</summary>
    ContractBreach,
    Other,
}

public enum ComplaintPriority
{
    Normal,
    High,
    Urgent,
}

/// <summary>What the company does to put a complaint right (DOMAIN.md §7 step 5; issue 5 item 4).</summary>
public enum RemedyKind
{
    Return,
    Exchange,
    Repair,
    DiscountCompensation,
    FreightRefund,
    ApologyLetter,
    Points,
}

public static class ComplaintTaxonomy
{
    /// <summary>Which of the four content groups a category belongs to.</summary>
    public static ComplaintGroup GroupOf(ComplaintCategory category) => category switch
    {
        ComplaintCategory.ContractBreach or ComplaintCategory.InconsistentPrice => ComplaintGroup.Contract,
        ComplaintCategory.Damage or ComplaintCategory.Loss => ComplaintGroup.Quality,
        ComplaintCategory.Delay or ComplaintCategory.SignBeforeInspection => ComplaintGroup.LogisticsStage,
        _ => ComplaintGroup.Service,
    };

    /// <summary>Categories about the parcel itself: these can open a service incident (DOMAIN.md §8).</summary>
    public static bool IsAboutTheParcel(ComplaintCategory category) =>
        category is ComplaintCategory.Delay or ComplaintCategory.Damage or ComplaintCategory.Loss;
}
