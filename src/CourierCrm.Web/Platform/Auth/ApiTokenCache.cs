using System.Collections.Concurrent;
using CourierCrm.Domain.Organisation;

namespace CourierCrm.Web.Platform.Auth;

/// <summary>
/// The API tokens this node authenticated lately and the viewer each stands for, keyed by the
/// token's hash, for a short while (<c>Auth:TokenCacheSeconds</c>, 30 s by default; 0 turns it off).
/// An integration calls many times a second; reading its token, role policy and region from the
/// database on every call cost more than most of the calls themselves.
/// </summary>
/// <remarks>
/// Every change of rights on this node empties the cache at once (<see cref="Invalidate"/>: a token
/// issued or revoked, a role policy, a user or an outlet saved), so a revoked token or a narrowed
/// scope takes effect on the next request here. Other nodes of a cluster notice within the cache's
/// lifetime. Expiry is checked on every hit. Unknown and refused tokens are never cached.
/// </remarks>
public sealed class ApiTokenCache(IConfiguration configuration)
{
    /// <summary>Beyond this many tokens the cache starts over: tokens are few, so this only bounds a misuse.</summary>
    private const int MaxEntries = 10_000;

    /// <summary>A token's last use is written at most this often: a busy integration should not write on every call.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Auth:TokenCacheSeconds", 30)));
    private long _generation;

    /// <summary>A live token as authenticated: its id and name, the viewer it stands for, and when it was last written as used.</summary>
    public sealed class Entry(int tokenId, string name, Viewer viewer, DateTimeOffset? expiresAt, DateTimeOffset? lastUsedAt, DateTimeOffset cachedUntil)
    {
        private long _lastUsedTicks = lastUsedAt?.UtcTicks ?? 0;

        public int TokenId { get; } = tokenId;
        public string Name { get; } = name;
        public Viewer Viewer { get; } = viewer;
        public DateTimeOffset? ExpiresAt { get; } = expiresAt;
        public DateTimeOffset CachedUntil { get; } = cachedUntil;

        /// <summary>
        /// True for the one request that should write the token's last use now (never written, or a
        /// minute ago): concurrent requests of the same token do not all write it.
        /// </summary>
        public bool ClaimTouch(DateTimeOffset now)
        {
            var last = Interlocked.Read(ref _lastUsedTicks);
            if (last != 0 && now.UtcTicks - last <= TouchInterval.Ticks) return false;
            return Interlocked.CompareExchange(ref _lastUsedTicks, now.UtcTicks, last) == last;
        }
    }

    /// <summary>Taken before reading a token from the database and handed to <see cref="Remember"/>: a change in between discards the read.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The cached token of <paramref name="hash"/> while it is fresh and not expired; null otherwise.</summary>
    public Entry? Find(string hash, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(hash, out var entry)) return null;
        if (now < entry.CachedUntil && (entry.ExpiresAt is not { } expires || expires > now)) return entry;
        _entries.TryRemove(KeyValuePair.Create(hash, entry));
        return null;
    }

    /// <summary>
    /// A token just read from the database as an entry, kept unless rights changed since
    /// <paramref name="generation"/> was taken (the read may have seen them before the change).
    /// </summary>
    public Entry Remember(string hash, long generation, ApiToken token, Viewer viewer, DateTimeOffset now)
    {
        var entry = new Entry(token.Id, token.Name, viewer, token.ExpiresAt, token.LastUsedAt, now + _lifetime);
        if (_lifetime <= TimeSpan.Zero || generation != Generation) return entry;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[hash] = entry;
        // An invalidation between the check above and the store must not leave the stale entry behind.
        if (generation != Generation) _entries.TryRemove(KeyValuePair.Create(hash, entry));
        return entry;
    }

    /// <summary>Forgets every cached token: call after any change of tokens, users, role policies or outlets.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
