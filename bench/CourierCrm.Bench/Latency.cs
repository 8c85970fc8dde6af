using System.Diagnostics;
using System.Globalization;

namespace CourierCrm.Bench;

/// <summary>Response times of one measured side, in milliseconds, and the throughput they came with.</summary>
/// <param name="CpuMsPerCall">
/// The whole benchmark process's CPU time while this side was measured, per call (its server and the
/// clients; the other side idle): what a call costs the machine, much less shaken by other people's
/// load than the times are. Null when not measured.
/// </param>
internal sealed record Latency(int Count, double Seconds, double P50, double P95, double P99, double? CpuMsPerCall = null)
{
    public double PerSecond => Count / Seconds;

    public static Latency Of(IReadOnlyCollection<double> milliseconds, double seconds, TimeSpan? cpu = null)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0) throw new InvalidOperationException("Nothing was measured.");
        // Nearest rank: the p99 of 1,000 calls is the 990th fastest, a time 1 % of calls exceeded.
        double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Latency(sorted.Length, seconds, Rank(0.50), Rank(0.95), Rank(0.99), cpu?.TotalMilliseconds / sorted.Length);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PerSecond,8:N0} /s  p50 {P50,6:0.00} ms  p95 {P95,6:0.00} ms  p99 {P99,6:0.00} ms  ({Count:N0} calls){(CpuMsPerCall is { } cpu ? $"  cpu {cpu * 1000:0} µs/call" : "")}");

    /// <summary>"ratio to limit" line: the measured p99 over the limit (at most 1 meets it).</summary>
    public string RatioToLimit(double limitMs) => string.Create(CultureInfo.InvariantCulture,
        $"ratio to limit: p99 {P99:0.00} ms / {limitMs:0} ms = {P99 / limitMs:0.00} ({(P99 <= limitMs ? "met" : "NOT met")})");

    public static double Milliseconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
