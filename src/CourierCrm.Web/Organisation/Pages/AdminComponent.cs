using CourierCrm.Web.Platform.Layout;

namespace CourierCrm.Web.Organisation.Pages;

/// <summary>Base of the administration pages and dialogs (see <see cref="CrmComponent"/>).</summary>
public abstract class AdminComponent : CrmComponent
{
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
}
