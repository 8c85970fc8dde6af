using Microsoft.Playwright;

namespace CourierCrm.E2E.Infrastructure;

/// <summary>
/// Knows when a Blazor Server page has become interactive. The HTML arrives prerendered, so
/// elements are visible before their event handlers exist; a click in that gap is lost.
/// The page is interactive once the browser has applied a render batch from its circuit,
/// which the browser acknowledges with an "OnRenderCompleted" hub message. An init script
/// watches the circuit's WebSocket for that message, per document.
/// </summary>
public static class BlazorReadiness
{
    public const string InitScript = """
        (() => {
          const state = { renders: 0 };
          Object.defineProperty(window, '__e2eBlazor', { value: state });
          const send = WebSocket.prototype.send;
          WebSocket.prototype.send = function (data) {
            try {
              if (String(this.url).includes('/_blazor')) {
                const text = typeof data === 'string' ? data
                  : new TextDecoder('latin1').decode(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
                if (text.includes('OnRenderCompleted')) state.renders++;
              }
            } catch { /* never break the app's own traffic */ }
            return send.call(this, data);
          };
        })();
        """;

    /// <summary>Waits until the current document's circuit has rendered at least once.</summary>
    public static async Task WaitForBlazorAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && window.__e2eBlazor !== undefined && window.__e2eBlazor.renders > 0");
    }
}
