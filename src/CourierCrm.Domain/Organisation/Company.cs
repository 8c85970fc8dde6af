namespace CourierCrm.Domain.Organisation;

/// <summary>The courier company that runs this installation.</summary>
public sealed class Company
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? HotlinePhone { get; set; }
    public List<Region> Regions { get; set; } = [];
}

/// <summary>A region (大区/片区) grouping outlets.</summary>
public sealed class Region
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Outlet> Outlets { get; set; } = [];
}

/// <summary>An outlet (网点): the place staff work from and customers are served by.</summary>
public sealed class Outlet
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? HeadName { get; set; }
    public bool IsActive { get; set; } = true;
}
