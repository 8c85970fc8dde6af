namespace CourierCrm.Web.Shipments;

/// <summary>Marker for the waybill pages' texts (ShipmentTexts.resx, ShipmentTexts.zh-CN.resx).</summary>
public sealed class ShipmentTexts;
