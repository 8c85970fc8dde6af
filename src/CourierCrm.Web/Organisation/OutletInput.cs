using System.ComponentModel.DataAnnotations;
using CourierCrm.Web.Data;

namespace CourierCrm.Web.Organisation;

public sealed class RegionInput
{
    [Required, StringLength(FieldLimits.Code), RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "may contain only letters, digits, '-' and '_'.")]
    public string Code { get; set; } = "";
    [Required, StringLength(FieldLimits.Name)] public string Name { get; set; } = "";
}

public sealed class OutletInput
{
    [Required, StringLength(FieldLimits.Code), RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "may contain only letters, digits, '-' and '_'.")]
    public string Code { get; set; } = "";
    [Required, StringLength(FieldLimits.Name)] public string Name { get; set; } = "";
    [Range(1, int.MaxValue, ErrorMessage = "choose a region.")] public int RegionId { get; set; }
    [StringLength(FieldLimits.Text)] public string? Address { get; set; }
    [StringLength(FieldLimits.Phone)] public string? Phone { get; set; }
    [StringLength(FieldLimits.PersonName)] public string? HeadName { get; set; }
    public bool IsActive { get; set; } = true;
}
