using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CourierCrm.Web.Platform.Layout;

/// <summary>
/// Base of interactive pages and dialogs: the signed-in viewer, and a cancellation token that ends
/// the page's database work when the person navigates away or the circuit closes.
/// </summary>
public abstract class CrmComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _aborted = new();

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected CancellationToken Aborted => _aborted.Token;

    protected async Task<Viewer> ViewerAsync() => (await AuthState).User.RequireViewer();

    /// <summary>The signed-in principal, for services that need more than the viewer (e.g. who owns a job).</summary>
    protected async Task<System.Security.Claims.ClaimsPrincipal> UserAsync() => (await AuthState).User;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        _aborted.Cancel();
        _aborted.Dispose();
    }
}
