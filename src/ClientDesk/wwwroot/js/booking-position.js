// "Use my position": asks the browser for the position and reloads the list nearest first. Without JavaScript or
// without permission the list and the town field still work; the position is not stored.
(function () {
    var script = document.currentScript;
    var button = document.getElementById("use-position");
    var status = document.getElementById("position-status");
    if (!button || !navigator.geolocation) {
        return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
        status.textContent = script.dataset.finding;
        navigator.geolocation.getCurrentPosition(function (position) {
            var url = new URL(window.location.href);
            url.searchParams.delete("town");
            url.searchParams.set("lat", position.coords.latitude.toFixed(3));
            url.searchParams.set("lon", position.coords.longitude.toFixed(3));
            window.location.assign(url.toString());
        }, function () {
            status.textContent = script.dataset.denied;
        }, { timeout: 10000, maximumAge: 600000 });
    });
})();
