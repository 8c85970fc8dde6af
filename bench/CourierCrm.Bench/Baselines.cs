using CourierCrm.Domain.Shipments;
using CourierCrm.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CourierCrm.Bench;

/// <summary>
/// What the bulk writer is measured against, per batch and in one transaction like it: the
/// plainest fast way to put new rows in, with no upsert, no id read-back and no event handling.
/// </summary>
internal static class Baselines
{
    private static readonly string[] Columns =
    [
        "Number", "CustomerId", "CustomerCode", "MonthlyAccountNo", "Product", "SenderName", "SenderPhone", "SenderAddress",
        "ReceiverName", "ReceiverPhone", "ReceiverAddress", "OriginCity", "DestinationCity", "Pieces", "WeightGrams", "FreightFen",
        "Insured", "DeclaredValueFen", "InsuranceFeeFen", "CodAmountFen", "Payer", "Status", "OrderedAt", "PickedUpAt", "PromisedAt",
        "DeliveredAt", "PickupOutletId", "DeliveryOutletId", "UpdatedAt",
    ];

    private static readonly string ColumnList = string.Join(", ", Columns.Select(c => "\"" + c + "\""));
    private static readonly string[] Products = Enum.GetNames<Product>();
    private static readonly string[] Payers = Enum.GetNames<Payer>();
    private static readonly string[] Statuses = Enum.GetNames<WaybillStatus>();

    /// <summary>A prepared plain INSERT, executed once per row.</summary>
    public static async Task SqliteInsertLoopAsync(IDbContextFactory<CrmDbContext> dbFactory, IReadOnlyList<Waybill> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using var insert = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
        insert.CommandText = $"INSERT INTO \"Waybills\" ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < Columns.Length; i++) insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i });
        insert.Prepare();
        var p = insert.Parameters;
        foreach (var w in batch)
        {
            p[0].Value = w.Number; p[1].Value = (object?)w.CustomerId ?? DBNull.Value; p[2].Value = (object?)w.CustomerCode ?? DBNull.Value;
            p[3].Value = (object?)w.MonthlyAccountNo ?? DBNull.Value; p[4].Value = Products[(int)w.Product];
            p[5].Value = (object?)w.SenderName ?? DBNull.Value; p[6].Value = (object?)w.SenderPhone ?? DBNull.Value; p[7].Value = (object?)w.SenderAddress ?? DBNull.Value;
            p[8].Value = (object?)w.ReceiverName ?? DBNull.Value; p[9].Value = (object?)w.ReceiverPhone ?? DBNull.Value; p[10].Value = (object?)w.ReceiverAddress ?? DBNull.Value;
            p[11].Value = w.OriginCity; p[12].Value = w.DestinationCity; p[13].Value = w.Pieces; p[14].Value = w.WeightGrams; p[15].Value = w.FreightFen;
            p[16].Value = w.Insured ? 1L : 0L; p[17].Value = (object?)w.DeclaredValueFen ?? DBNull.Value; p[18].Value = (object?)w.InsuranceFeeFen ?? DBNull.Value;
            p[19].Value = (object?)w.CodAmountFen ?? DBNull.Value; p[20].Value = Payers[(int)w.Payer]; p[21].Value = Statuses[(int)w.Status];
            p[22].Value = w.OrderedAt.UtcTicks; p[23].Value = (object?)w.PickedUpAt?.UtcTicks ?? DBNull.Value; p[24].Value = (object?)w.PromisedAt?.UtcTicks ?? DBNull.Value;
            p[25].Value = (object?)w.DeliveredAt?.UtcTicks ?? DBNull.Value; p[26].Value = (object?)w.PickupOutletId ?? DBNull.Value;
            p[27].Value = (object?)w.DeliveryOutletId ?? DBNull.Value; p[28].Value = w.UpdatedAt.UtcTicks;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Binary COPY straight into "Waybills".</summary>
    public static async Task PostgresCopyAsync(IDbContextFactory<CrmDbContext> dbFactory, IReadOnlyList<Waybill> batch)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY \"Waybills\" ({ColumnList}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var w in batch)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(w.Number, NpgsqlDbType.Varchar);
                await Nullable(copy, w.CustomerId, NpgsqlDbType.Integer);
                await Text(copy, w.CustomerCode); await Text(copy, w.MonthlyAccountNo);
                await copy.WriteAsync(Products[(int)w.Product], NpgsqlDbType.Varchar);
                await Text(copy, w.SenderName); await Text(copy, w.SenderPhone); await Text(copy, w.SenderAddress);
                await Text(copy, w.ReceiverName); await Text(copy, w.ReceiverPhone); await Text(copy, w.ReceiverAddress);
                await copy.WriteAsync(w.OriginCity, NpgsqlDbType.Varchar); await copy.WriteAsync(w.DestinationCity, NpgsqlDbType.Varchar);
                await copy.WriteAsync(w.Pieces, NpgsqlDbType.Integer); await copy.WriteAsync(w.WeightGrams, NpgsqlDbType.Bigint);
                await copy.WriteAsync(w.FreightFen, NpgsqlDbType.Bigint); await copy.WriteAsync(w.Insured, NpgsqlDbType.Boolean);
                await Nullable(copy, w.DeclaredValueFen, NpgsqlDbType.Bigint); await Nullable(copy, w.InsuranceFeeFen, NpgsqlDbType.Bigint);
                await Nullable(copy, w.CodAmountFen, NpgsqlDbType.Bigint);
                await copy.WriteAsync(Payers[(int)w.Payer], NpgsqlDbType.Varchar); await copy.WriteAsync(Statuses[(int)w.Status], NpgsqlDbType.Varchar);
                await copy.WriteAsync(w.OrderedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await Nullable(copy, w.PickedUpAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await Nullable(copy, w.PromisedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await Nullable(copy, w.DeliveredAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await Nullable(copy, w.PickupOutletId, NpgsqlDbType.Integer); await Nullable(copy, w.DeliveryOutletId, NpgsqlDbType.Integer);
                await copy.WriteAsync(w.UpdatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await transaction.CommitAsync();
    }

    private static Task Text(NpgsqlBinaryImporter copy, string? value) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, NpgsqlDbType.Varchar);

    private static Task Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct =>
        value.HasValue ? copy.WriteAsync(value.Value, type) : copy.WriteNullAsync();
}
