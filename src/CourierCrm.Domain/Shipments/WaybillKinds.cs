namespace CourierCrm.Domain.Shipments;

/// <summary>Service product of a waybill (DOMAIN.md §5 products).</summary>
public enum Product { Standard, Economy, NextMorning, SameDay }

/// <summary>Who pays the freight: sender, receiver, a third party, or the sender's monthly account (月结).</summary>
public enum Payer { Sender, Receiver, ThirdParty, MonthlyAccount }

/// <summary>Where a shipment is in its life.</summary>
public enum WaybillStatus { Ordered, PickedUp, InTransit, OutForDelivery, Delivered, Exception, Returned }
