using CourierCrm.Web.Imports;

namespace CourierCrm.Web.Tests.Imports;

/// <summary>The mapping step's proposal from header names and saved mappings, and its checks.</summary>
public sealed class ColumnMappingTests
{
    [Fact]
    public void Chinese_headers_are_mapped_to_their_fields()
    {
        var mapping = ColumnMapping.Propose(ImportFields.Waybill, WaybillCsv.Header);

        Assert.Equal(0, mapping["number"]);
        Assert.Equal(3, mapping["senderPhone"]);
        Assert.Equal(11, mapping["weightKg"]);
        Assert.Equal(14, mapping["orderedAt"]);
        Assert.False(mapping.ContainsKey("codAmount"));
    }

    [Fact]
    public void English_headers_match_regardless_of_case_spaces_and_underscores()
    {
        var mapping = ColumnMapping.Propose(ImportFields.Customer, ["Customer_Code", "NAME", "Contact Phone", "market type"]);

        Assert.Equal(new Dictionary<string, int> { ["code"] = 0, ["name"] = 1, ["contactPhone"] = 2, ["marketType"] = 3 }, mapping);
    }

    [Fact]
    public void A_saved_mapping_wins_over_the_header_names_and_follows_its_columns_when_they_move()
    {
        var saved = new Dictionary<string, string> { ["number"] = "单据", ["senderName"] = "客户" };

        var mapping = ColumnMapping.Propose(ImportFields.Waybill, ["客户", "寄件人", "单据"], saved);

        Assert.Equal(2, mapping["number"]);
        Assert.Equal(0, mapping["senderName"]);
    }

    [Fact]
    public void The_signature_ignores_case_and_spacing_but_not_column_order()
    {
        Assert.Equal(ColumnMapping.Signature(["运单号", "Weight KG"]), ColumnMapping.Signature([" 运单号", "weight_kg"]));
        Assert.NotEqual(ColumnMapping.Signature(["a", "b"]), ColumnMapping.Signature(["b", "a"]));
    }

    [Fact]
    public void Validation_names_each_required_field_without_a_column()
    {
        var errors = ColumnMapping.Validate(ImportFields.Customer, 3, new Dictionary<string, int> { ["code"] = 0 });

        Assert.Equal(["mapping.name"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Validation_refuses_a_column_the_file_does_not_have_and_an_unknown_field()
    {
        var errors = ColumnMapping.Validate(ImportFields.Customer, 3, new Dictionary<string, int> { ["code"] = 0, ["name"] = 7, ["shoeSize"] = 1 });

        Assert.Contains("column 7 does not exist", errors.For("mapping.name").Single(), StringComparison.Ordinal);
        Assert.Single(errors.For("mapping.shoeSize"));
    }

    [Fact]
    public void Validation_without_a_mapping_names_the_mapping()
    {
        Assert.Single(ColumnMapping.Validate(ImportFields.Waybill, 3, null).For("mapping"));
    }
}
