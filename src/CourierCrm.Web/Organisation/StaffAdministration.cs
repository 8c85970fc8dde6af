using CourierCrm.Domain.Audit;
using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Data;
using CourierCrm.Web.Platform;
using CourierCrm.Web.Platform.Audit;
using CourierCrm.Web.Platform.Auth;
using CourierCrm.Web.Platform.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CourierCrm.Web.Organisation;

/// <summary>Administrators' work on staff accounts, role policies and API tokens; every change audited.</summary>
/// <remarks>
/// Identity's UserManager works on a scoped DbContext. In a Blazor circuit "scoped" means the
/// whole session, so a UserManager injected here would keep one tracking context for hours and
/// hand back stale users; each account operation therefore opens its own scope.
/// </remarks>
public sealed class StaffAdministration(
    IDbContextFactory<CrmDbContext> dbFactory, IServiceScopeFactory scopes, AuditLog audit, TimeProvider clock, ApiTokenCache tokenCache)
{
    public async Task<IReadOnlyList<StaffDetail>> ListAsync(string? search, StaffRole? role, int? outletId, bool? active, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            // User names compare case-insensitively through Identity's upper-case normalised copy.
            var upper = s.ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(s) || (u.Email != null && u.Email.Contains(s)));
        }
        if (role is { } r) query = query.Where(u => u.Role == r);
        if (outletId is int o) query = query.Where(u => u.OutletId == o);
        if (active is bool a) query = query.Where(u => u.IsActive == a);
        var now = clock.GetUtcNow();
        var rows = await query.OrderBy(u => u.UserName).Select(u => new
        {
            u.Id, u.UserName, u.DisplayName, u.Role, u.OutletId, u.Email, u.PhoneNumber, u.IsActive, u.LockoutEnd,
            OutletName = db.Outlets.Where(x => x.Id == u.OutletId).Select(x => x.Name).FirstOrDefault(),
            Owned = db.Customers.Count(c => c.OwnerId == u.Id),
        }).ToListAsync(ct);
        return rows.Select(u => new StaffDetail(u.Id, u.UserName!, u.DisplayName, u.Role, u.OutletId, u.OutletName, u.Email, u.PhoneNumber,
            u.IsActive, u.LockoutEnd is { } end && end > now, u.Owned)).ToList();
    }

    public async Task<CommandResult<int>> SaveAsync(Viewer viewer, int? id, StaffInput input, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return CommandResult<int>.Forbidden("Only administrators manage staff.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var errors = new ValidationErrors();
        errors.AddAnnotations(input);
        if (id is null && string.IsNullOrEmpty(input.Password)) errors.Add("password", "is required for a new account.");
        if (!Enum.IsDefined(input.Role)) errors.Add("role", "is not one of the allowed values.");
        if (!string.IsNullOrEmpty(input.Password))
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, new CrmUser { DisplayName = input.DisplayName, UserName = input.UserName }, input.Password);
                foreach (var e in check.Errors) errors.Add("password", e.Description);
            }
        if (!errors.IsEmpty) return CommandResult<int>.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Outlets.AnyAsync(o => o.Id == input.OutletId, ct)) return CommandResult<int>.Invalid("outletId", "is not an existing outlet.");
        var userName = input.UserName.Trim();
        var normalized = users.NormalizeName(userName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized && u.Id != id, ct))
            return CommandResult<int>.Conflict("userName", $"The user name '{userName}' is already taken.");

        CrmUser? user;
        object? before = null;
        if (id is int existing)
        {
            user = await users.FindByIdAsync(existing.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (user is null) return CommandResult<int>.NotFound();
            if (user.Id == viewer.UserId && (!input.IsActive || input.Role != StaffRole.Administrator))
                return CommandResult<int>.Invalid("role", "you cannot remove your own administrator role or deactivate yourself.");
            before = Snapshot(user);
        }
        else
        {
            user = new CrmUser { DisplayName = input.DisplayName.Trim(), UserName = userName, CreatedAt = clock.GetUtcNow() };
        }
        var roleChanged = id is not null && user.Role != input.Role;
        user.UserName = userName;
        user.DisplayName = input.DisplayName.Trim();
        user.Role = input.Role;
        user.OutletId = input.OutletId;
        user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(input.PhoneNumber) ? null : input.PhoneNumber.Trim();
        user.IsActive = input.IsActive;

        var result = id is null ? await users.CreateAsync(user, input.Password!) : await users.UpdateAsync(user);
        if (result.Succeeded && id is not null && !string.IsNullOrEmpty(input.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, input.Password);
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) errors.Add(e.Code.Contains("Password") ? "password" : "userName", e.Description);
            return CommandResult<int>.Invalid(errors);
        }
        if (id is not null) await users.UpdateSecurityStampAsync(user);

        audit.Add(db, viewer, roleChanged ? AuditAction.PermissionChange : id is null ? AuditAction.Create : AuditAction.Update,
            "User", user.Id, $"{user.UserName} {user.DisplayName} ({user.Role})", before, Snapshot(user));
        await db.SaveChangesAsync(ct);
        tokenCache.Invalidate();
        return CommandResult<int>.Ok(user.Id);
    }

    public async Task<CommandResult<int>> UnlockAsync(Viewer viewer, int id, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return CommandResult<int>.Forbidden("Only administrators manage staff.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null) return CommandResult<int>.NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(viewer, AuditAction.Update, "User", id, $"{user.UserName} unlocked", ct);
        return CommandResult<int>.Ok(id);
    }

    public async Task<IReadOnlyList<RolePolicy>> PoliciesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.RolePolicies.AsNoTracking().ToListAsync(ct);
        return Enum.GetValues<StaffRole>().Select(r => stored.SingleOrDefault(p => p.Role == r) ?? RolePolicy.DefaultFor(r)).ToList();
    }

    public async Task<CommandResult<StaffRole>> SavePolicyAsync(Viewer viewer, RolePolicy policy, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return CommandResult<StaffRole>.Forbidden("Only administrators change role policies.");
        if (!Enum.IsDefined(policy.Role)) return CommandResult<StaffRole>.Invalid("role", "is not one of the allowed values.");
        if (!Enum.IsDefined(policy.Scope)) return CommandResult<StaffRole>.Invalid("scope", "is not one of the allowed values.");
        if (policy.Role == StaffRole.Administrator && policy.Scope != DataScope.All)
            return CommandResult<StaffRole>.Invalid("scope", "administrators always see the whole company.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.RolePolicies.SingleOrDefaultAsync(p => p.Role == policy.Role, ct);
        var before = stored is null ? null : Copy(stored);
        if (stored is null) db.RolePolicies.Add(stored = new RolePolicy { Role = policy.Role });
        stored.Scope = policy.Scope;
        stored.CanViewPersonalData = policy.CanViewPersonalData;
        stored.CanRevealPersonalData = policy.CanRevealPersonalData;
        stored.CanEditCustomers = policy.CanEditCustomers && policy.Role != StaffRole.Analyst;
        stored.CanTransferCustomers = policy.CanTransferCustomers && policy.Role != StaffRole.Analyst;
        stored.CanExport = policy.CanExport;
        audit.Add(db, viewer, AuditAction.PermissionChange, "RolePolicy", policy.Role, $"{policy.Role}: scope {policy.Scope}", before, Copy(stored));
        await db.SaveChangesAsync(ct);
        tokenCache.Invalidate();
        return CommandResult<StaffRole>.Ok(policy.Role);
    }

    public async Task<IReadOnlyList<ApiTokenView>> TokensAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.OrderByDescending(t => t.IssuedAt)
            .Select(t => new ApiTokenView(t.Id, t.Name, t.Prefix, t.Role, t.Scope,
                db.Outlets.Where(o => o.Id == t.OutletId).Select(o => o.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == t.ActsAsUserId).Select(u => u.DisplayName).FirstOrDefault(),
                t.IssuedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(ct);
    }

    public async Task<CommandResult<IssuedToken>> IssueTokenAsync(Viewer viewer, ApiTokenInput input, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return CommandResult<IssuedToken>.Forbidden("Only administrators issue API tokens.");
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "is required.");
        else if (input.Name.Length > FieldLimits.Name) errors.Add("name", $"must be at most {FieldLimits.Name} characters.");
        if (!Enum.IsDefined(input.Role)) errors.Add("role", "is not one of the allowed values.");
        if (!Enum.IsDefined(input.Scope)) errors.Add("scope", "is not one of the allowed values.");
        if (input.Scope is DataScope.Outlet or DataScope.Region && input.OutletId is null) errors.Add("outletId", "is required for an outlet or region scope.");
        if (input.Scope == DataScope.Own && input.ActsAsUserId is null) errors.Add("actsAsUserId", "is required for an own-customers scope.");
        if (input.ExpiresAt is { } exp && exp <= clock.GetUtcNow()) errors.Add("expiresAt", "must be in the future.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (input.OutletId is int o && !await db.Outlets.AnyAsync(x => x.Id == o, ct)) errors.Add("outletId", "is not an existing outlet.");
        if (input.ActsAsUserId is int u && !await db.Users.AnyAsync(x => x.Id == u && x.IsActive, ct)) errors.Add("actsAsUserId", "is not an active user.");
        if (!errors.IsEmpty) return CommandResult<IssuedToken>.Invalid(errors);

        var secret = ApiTokenAuthenticationHandler.NewToken();
        var token = new ApiToken
        {
            Name = input.Name.Trim(), Prefix = secret[..12], Hash = ApiTokenAuthenticationHandler.Hash(secret),
            Role = input.Role, Scope = input.Scope, OutletId = input.OutletId, ActsAsUserId = input.ActsAsUserId,
            IssuedById = viewer.UserId, IssuedAt = clock.GetUtcNow(), ExpiresAt = input.ExpiresAt,
        };
        db.ApiTokens.Add(token);
        // No token without its audit row: both saves in one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Add(db, viewer, AuditAction.TokenIssued, "ApiToken", token.Id, $"{token.Name} ({token.Role}, {token.Scope})");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        tokenCache.Invalidate();
        return CommandResult<IssuedToken>.Ok(new IssuedToken(token.Id, secret));
    }

    public async Task<CommandResult<int>> RevokeTokenAsync(Viewer viewer, int id, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return CommandResult<int>.Forbidden("Only administrators revoke API tokens.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null) return CommandResult<int>.NotFound();
        token.RevokedAt ??= clock.GetUtcNow();
        audit.Add(db, viewer, AuditAction.TokenRevoked, "ApiToken", token.Id, token.Name);
        await db.SaveChangesAsync(ct);
        tokenCache.Invalidate();
        return CommandResult<int>.Ok(id);
    }

    private static object Snapshot(CrmUser u) => new { u.UserName, u.DisplayName, u.Role, u.OutletId, u.Email, u.PhoneNumber, u.IsActive };

    private static RolePolicy Copy(RolePolicy p) => new()
    {
        Role = p.Role, Scope = p.Scope, CanViewPersonalData = p.CanViewPersonalData, CanRevealPersonalData = p.CanRevealPersonalData,
        CanEditCustomers = p.CanEditCustomers, CanTransferCustomers = p.CanTransferCustomers, CanExport = p.CanExport,
    };
}
