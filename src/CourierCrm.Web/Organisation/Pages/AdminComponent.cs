using CourierCrm.Domain.Organisation;
using CourierCrm.Web.Platform.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CourierCrm.Web.Organisation.Pages;

/// <summary>
/// Base of the administration pages and dialogs: the signed-in viewer, and a cancellation
/// token that ends the page's database work when the person navigates away or the circuit closes.
/// </summary>
public abstract class AdminComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _aborted = new();

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected CancellationToken Aborted => _aborted.Token;

    protected async Task<Viewer> ViewerAsync() => (await AuthState).User.RequireViewer();

    /// <summary>
    /// Takes the previous attempt's errors off the screen before a new attempt. A MudBlazor field
    /// switches its own error off once edited; if the next attempt set the same error again the
    /// field would see an unchanged parameter and keep it hidden.
    /// </summary>
    protected async Task ClearErrorsAsync(FormErrors errors)
    {
        errors.Clear();
        StateHasChanged();
        await Task.Yield();
    }

    public void Dispose()
    {
        _aborted.Cancel();
        _aborted.Dispose();
        GC.SuppressFinalize(this);
    }
}
