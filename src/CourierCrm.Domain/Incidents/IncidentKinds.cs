namespace CourierCrm.Domain.Incidents;

/// <summary>What went wrong with a shipment (DOMAIN.md §8, seed 004: 晚点/破损/丢失事故).</summary>
public enum IncidentKind
{
    Delay,
    Damage,
    Loss,
}

/// <summary>Grade by loss amount (一般/重大/特大事故); thresholds in <see cref="IncidentPolicy"/>.</summary>
public enum IncidentGrade
{
    Ordinary,
    Major,
    Extraordinary,
}

/// <summary>Who caused it: a third party (airline, partner, sub-contractor) or the company itself.</summary>
public enum IncidentResponsibility
{
    Undetermined,
    Internal,
    ThirdParty,
}

/// <summary>How an incident is handled (seed 004 二、物流服务事故处理方法).</summary>
public enum IncidentHandling
{
    Apology,
    CompensationPerContract,
    InsuranceClaim,
    ThirdPartyClaim,
    Litigation,
    Subrogation,
}

/// <summary>Who must be told (seed 004 三、物流服务事故申报程序).</summary>
public enum ReportingLevel
{
    /// <summary>The head of the outlet where it happened: always, within 30 minutes.</summary>
    OutletHead,
    /// <summary>The next level up (the region): expected loss over ¥1,000.</summary>
    NextLevel,
    /// <summary>Head office supervision: expected loss over ¥10,000.</summary>
    HeadOffice,
}
