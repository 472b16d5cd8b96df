// The desk workstation's waiting list: re-read when the location's live events say the queue changed, and every 20 s
// in any case (a lost event or no event stream costs freshness, never correctness).
(() => {
  const box = document.getElementById("queue-waiting");
  if (!box) return;
  const refresh = async () => {
    // Keep the list still while someone is using a control inside it.
    if (box.contains(document.activeElement) && document.activeElement !== document.body) return;
    try {
      const response = await fetch(box.dataset.refresh, { credentials: "same-origin", headers: { "Accept": "text/html" } });
      if (response.ok) box.innerHTML = await response.text();
    } catch { /* offline for a moment: the next tick tries again */ }
  };
  setInterval(refresh, 20000);
  if (window.EventSource && box.dataset.events) {
    const events = new EventSource(box.dataset.events);
    events.addEventListener("lobby", refresh);
    events.onerror = () => { if (events.readyState === EventSource.CLOSED) events.close(); };
  }
})();
