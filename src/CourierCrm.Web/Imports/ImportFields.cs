using CourierCrm.Web.Platform.Jobs;

namespace CourierCrm.Web.Imports;

/// <summary>A field of the records an import writes, that a column of the file can be mapped to.</summary>
/// <param name="Key">The field's name as the API and the validation rules spell it ("senderPhone").</param>
/// <param name="Required">The import cannot start without a column for it.</param>
/// <param name="Aliases">Header names, Chinese and English, that are taken to mean this field.</param>
public sealed record ImportField(string Key, bool Required, params string[] Aliases);

/// <summary>The fields each kind of import fills, in the order the mapping step lists them.</summary>
public static class ImportFields
{
    public static readonly IReadOnlyList<ImportField> Waybill =
    [
        new("number", true, "运单号", "运单编号", "单号", "快递单号", "waybill", "waybill no", "waybill number", "tracking number"),
        new("customerCode", false, "客户编码", "客户代码", "客户编号", "customer", "customer code"),
        new("monthlyAccountNo", false, "月结账号", "月结卡号", "月结号", "monthly account", "monthly account no"),
        new("product", false, "产品", "产品类型", "服务", "快件类型", "product"),
        new("senderName", true, "寄件人", "寄件人姓名", "发件人", "sender", "sender name"),
        new("senderPhone", true, "寄件人电话", "寄件电话", "发件人电话", "寄件人手机", "sender phone"),
        new("senderAddress", true, "寄件地址", "寄件人地址", "发件地址", "sender address"),
        new("receiverName", true, "收件人", "收件人姓名", "receiver", "receiver name", "consignee"),
        new("receiverPhone", true, "收件人电话", "收件电话", "收件人手机", "receiver phone"),
        new("receiverAddress", true, "收件地址", "收件人地址", "receiver address"),
        new("originCity", true, "始发城市", "寄件城市", "始发地", "origin", "origin city"),
        new("destinationCity", true, "目的城市", "收件城市", "目的地", "destination", "destination city"),
        new("pieces", false, "件数", "pieces"),
        new("weightKg", true, "重量", "重量kg", "重量(kg)", "计费重量", "weight", "weight kg", "weight (kg)"),
        new("freight", true, "运费", "运费(元)", "运费元", "freight", "freight yuan"),
        new("insured", false, "保价", "是否保价", "insured"),
        new("declaredValue", false, "声明价值", "保价金额", "declared value"),
        new("insuranceFee", false, "保价费", "insurance fee"),
        new("codAmount", false, "代收货款", "代收金额", "cod", "cod amount"),
        new("payer", false, "付款方式", "付款方", "payer", "payment"),
        new("status", false, "状态", "运单状态", "status"),
        new("orderedAt", true, "下单时间", "寄件时间", "ordered at", "order time"),
        new("pickedUpAt", false, "揽收时间", "收件时间", "picked up at", "pickup time"),
        new("promisedAt", false, "承诺时效", "承诺送达时间", "promised at"),
        new("deliveredAt", false, "签收时间", "派送时间", "delivered at"),
        new("pickupOutletCode", false, "揽收网点", "揽收网点编码", "寄件网点", "pickup outlet"),
        new("deliveryOutletCode", false, "派送网点", "派送网点编码", "派件网点", "delivery outlet"),
    ];

    public static readonly IReadOnlyList<ImportField> Customer =
    [
        new("code", true, "客户编码", "客户代码", "客户编号", "编码", "code", "customer code"),
        new("name", true, "客户名称", "名称", "客户名", "公司名称", "name", "customer name"),
        new("type", false, "客户类型", "类型", "type", "customer type"),
        new("nature", false, "客户性质", "性质", "nature"),
        new("marketType", false, "市场类型", "market type"),
        new("lifecycle", false, "生命周期", "客户状态", "lifecycle"),
        new("industry", false, "行业", "所属行业", "industry"),
        new("phone", false, "电话", "联系电话", "客户电话", "phone", "telephone"),
        new("fax", false, "传真", "fax"),
        new("email", false, "邮箱", "电子邮件", "email", "e-mail"),
        new("postalCode", false, "邮编", "邮政编码", "postal code", "postcode"),
        new("contactName", false, "联系人", "联系人姓名", "contact", "contact name"),
        new("contactPhone", false, "联系人电话", "联系人手机", "contact phone"),
        new("province", false, "省份", "省", "province"),
        new("city", false, "城市", "市", "city"),
        new("district", false, "区县", "区", "district"),
        new("street", false, "地址", "详细地址", "街道地址", "street", "address"),
        new("room", false, "门牌", "门牌号", "room"),
        new("monthlyAccountNo", false, "月结账号", "月结卡号", "monthly account", "monthly account no"),
        new("creditLimit", false, "信用额度", "credit limit"),
        new("billingDay", false, "结账日", "billing day"),
        new("tags", false, "标签", "tags"),
        new("ownerLogin", false, "负责人", "负责人账号", "客户经理", "owner", "owner login"),
        new("outletCode", false, "网点", "网点编码", "所属网点", "outlet", "outlet code"),
    ];

    public static IReadOnlyList<ImportField> For(JobKind kind) => kind switch
    {
        JobKind.WaybillImport => Waybill,
        JobKind.CustomerImport => Customer,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an import."),
    };

    public static bool IsImport(JobKind kind) => kind is JobKind.WaybillImport or JobKind.CustomerImport;
}
