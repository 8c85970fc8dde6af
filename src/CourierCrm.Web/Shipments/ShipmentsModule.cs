namespace CourierCrm.Web.Shipments;

/// <summary>Composition of the waybills feature: its services and its /api/v1 endpoints.</summary>
public static class ShipmentsModule
{
    public static IServiceCollection AddShipments(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapShipmentEndpoints(this RouteGroupBuilder api) => api;
}
