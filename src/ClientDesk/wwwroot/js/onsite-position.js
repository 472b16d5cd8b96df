// "Use my position" on the on-site request: fills the latitude and longitude fields from the browser. Without
// JavaScript or without permission the two fields can be typed (or left empty); the address is what counts.
(function () {
    var script = document.currentScript;
    var button = document.getElementById("use-position");
    var status = document.getElementById("position-status");
    var latitude = document.getElementById("Input_Latitude");
    var longitude = document.getElementById("Input_Longitude");
    if (!button || !navigator.geolocation || !latitude || !longitude) {
        return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
        status.textContent = script.dataset.finding;
        navigator.geolocation.getCurrentPosition(function (position) {
            latitude.value = position.coords.latitude.toFixed(5);
            longitude.value = position.coords.longitude.toFixed(5);
            status.textContent = script.dataset.found;
        }, function () {
            status.textContent = script.dataset.denied;
        }, { timeout: 10000, maximumAge: 600000 });
    });
})();
