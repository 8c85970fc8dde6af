using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CourierCrm.Web.Data;

/// <summary>Stores instants as UTC ticks on SQLite so they sort and compare in SQL.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
