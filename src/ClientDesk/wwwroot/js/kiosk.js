// The lobby kiosk: "Print" opens the print dialog (only the ticket prints, see site.css), and the ticket page returns
// to the start after a while so that the next client begins afresh; any touch or key restarts the wait.
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));

const ticket = document.querySelector("[data-kiosk-return]");
if (ticket) {
    const seconds = Number(ticket.dataset.kioskSeconds || "20");
    let timer;
    const restart = () => {
        clearTimeout(timer);
        timer = setTimeout(() => window.location.assign(ticket.dataset.kioskReturn), seconds * 1000);
    };
    ["pointerdown", "keydown"].forEach((type) => document.addEventListener(type, restart));
    restart();
}
