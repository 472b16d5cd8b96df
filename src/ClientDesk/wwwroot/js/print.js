// The poster's "Print" button: the browser's own print dialog (A4, one page; see the print styles in site.css).
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
