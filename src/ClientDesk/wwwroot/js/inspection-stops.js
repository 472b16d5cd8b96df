// Inspection stops: "Use my position" fills the latitude and longitude fields from the browser and sends the form.
// Without JavaScript or without permission the fields and the town still work; the position is not stored.
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
            document.getElementById("lat").value = position.coords.latitude.toFixed(4);
            document.getElementById("lon").value = position.coords.longitude.toFixed(4);
            document.getElementById("town").value = "";
            button.form.submit();
        }, function () {
            status.textContent = script.dataset.denied;
        }, { timeout: 10000, maximumAge: 600000 });
    });
})();
