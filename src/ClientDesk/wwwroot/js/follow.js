// A queue ticket's follow page: the status is read again whenever the queue changes (Server-Sent Events), or every
// 30 seconds when the browser has no EventSource or the stream fails. The page works without this script too.
const status = document.querySelector("[data-ticket-status]");
if (status) {
    const partialUrl = status.dataset.partialUrl;
    const eventsUrl = status.dataset.eventsUrl;
    let polling;

    const reload = async () => {
        try {
            const response = await fetch(partialUrl, { headers: { Accept: "text/html" }, cache: "no-store" });
            if (response.ok) {
                status.innerHTML = await response.text();
            }
        } catch {
            // Offline for a moment: the next tick tries again.
        }
    };

    const poll = () => {
        if (!polling) {
            polling = setInterval(reload, 30000);
        }
    };

    if ("EventSource" in window && eventsUrl) {
        const events = new EventSource(eventsUrl);
        events.addEventListener("ticket", reload);
        events.addEventListener("error", () => {
            // A missing or closed stream: fall back to reading the page now and then (EventSource may reconnect too).
            if (events.readyState === EventSource.CLOSED) {
                poll();
            }
        });
    } else {
        poll();
    }
}
