// The lobby display: live through Server-Sent Events, a chime and optional spoken calls on each new call or recall.
(function () {
    "use strict";
    var root = document.getElementById("display");
    if (!root) { return; }
    var d = root.dataset;
    var groups = JSON.parse(d.groups);
    var lang = d.lang;
    var previous = JSON.parse(d.initial);
    var sound = localStorage.getItem("queue-display-sound") !== "off";
    var speech = d.speech === "1" || localStorage.getItem("queue-display-speech") === "on";
    var audio = null;
    var source = null;
    var troubleSince = null;
    // The server's clock (a demo may run at another time): the offset from this browser's clock at the last view.
    var offset = 0;
    function noteServerTime(view) { offset = new Date(view.asOfUtc.replace(/Z?$/, "Z")).getTime() - Date.now(); }
    noteServerTime(previous);

    function $(selector) { return root.querySelector(selector); }
    function format(text) {
        var args = Array.prototype.slice.call(arguments, 1);
        return text.replace(/\{(\d+)\}/g, function (_, i) { return args[+i]; });
    }
    function cell(row, className, text) {
        var td = document.createElement("td");
        td.className = className;
        td.textContent = text;
        row.appendChild(td);
        return td;
    }
    function position(t) { return lang.indexOf("en") === 0 && t.positionEn ? t.positionEn : t.positionLv; }
    function groupName(letter) { var g = groups[letter]; return g || letter; }

    function render(view) {
        var called = $("[data-called]");
        called.textContent = "";
        view.called.forEach(function (t, i) {
            var row = document.createElement("tr");
            if (i === 0) { row.className = "latest"; }
            cell(row, "code", t.code);
            cell(row, "desk", String(t.deskNumber));
            var staff = cell(row, "staff", "");
            var nameSpan = document.createElement("span");
            nameSpan.className = "staff-name";
            nameSpan.textContent = t.staffName;
            var positionSpan = document.createElement("span");
            positionSpan.className = "staff-position";
            positionSpan.textContent = position(t);
            staff.appendChild(nameSpan);
            staff.appendChild(document.createTextNode(" "));
            staff.appendChild(positionSpan);
            called.appendChild(row);
        });
        $("[data-none-called]").hidden = view.called.length > 0;

        var list = $("[data-groups-list]");
        list.textContent = "";
        var total = 0;
        view.groups.forEach(function (g) {
            total += g.waiting;
            var li = document.createElement("li");
            [["group-letter", g.letter], ["group-name", groupName(g.letter)], ["group-count", String(g.waiting)],
                ["group-wait", format(d.tAbout, g.estimatedMinutes)]].forEach(function (part, i) {
                var span = document.createElement("span");
                span.className = part[0];
                span.textContent = part[1];
                if (i > 0) { li.appendChild(document.createTextNode(" ")); }
                li.appendChild(span);
            });
            list.appendChild(li);
        });
        $("[data-none-waiting]").hidden = view.groups.length > 0;
        $("[data-waiting-total]").textContent = format(d.tWaitingTotal, total);
        $("[data-desks-open]").textContent = format(d.tDesksOpen, view.desksOpen);

        var closed = $("[data-closed]");
        closed.hidden = view.walkInOpen;
        if (!view.walkInOpen) {
            closed.textContent = view.nextWalkIn
                ? format(d.tClosedNext, new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit", timeZone: "Europe/Riga" }).format(new Date(view.nextWalkIn)))
                : d.tClosed;
        }
    }

    // A call is new when its ticket was not on the list, or it was called again (a recall) since.
    function announcements(view) {
        var before = {};
        previous.called.forEach(function (t) { before[t.code] = t; });
        return view.called.filter(function (t) {
            var old = before[t.code];
            return !t.serving && (!old || old.callCount !== t.callCount || old.calledAtUtc !== t.calledAtUtc);
        });
    }

    function chime() {
        if (!sound || !audio) { return; }
        var start = audio.currentTime;
        [659.25, 523.25].forEach(function (frequency, i) {
            var oscillator = audio.createOscillator();
            var gain = audio.createGain();
            oscillator.type = "sine";
            oscillator.frequency.value = frequency;
            gain.gain.setValueAtTime(0.0001, start + i * 0.45);
            gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.45 + 0.03);
            gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.45 + 0.9);
            oscillator.connect(gain).connect(audio.destination);
            oscillator.start(start + i * 0.45);
            oscillator.stop(start + i * 0.45 + 1);
        });
    }

    function say(t) {
        if (!speech || !sound || !("speechSynthesis" in window)) { return; }
        var spelled = t.code.split("").join(" ");
        var utterance = new SpeechSynthesisUtterance(format(d.tSpeech, spelled, t.deskNumber));
        utterance.lang = lang;
        utterance.rate = 0.9;
        window.speechSynthesis.speak(utterance);
    }

    function receive(event) {
        var view = JSON.parse(event.data);
        noteServerTime(view);
        var news = announcements(view);
        render(view);
        previous = view;
        if (news.length > 0) {
            chime();
            news.slice().reverse().forEach(say);
        }
    }

    function connect() {
        if (source) { source.close(); }
        source = new EventSource(d.events);
        source.addEventListener("lobby", receive);
        source.onopen = function () { troubleSince = null; $("[data-reconnecting]").hidden = true; };
        source.onerror = function () {
            if (troubleSince === null) { troubleSince = Date.now(); }
            $("[data-reconnecting]").hidden = false;
        };
    }

    // EventSource reconnects by itself; after a long silence (or when it gave up) start a fresh one.
    setInterval(function () {
        if (source.readyState === EventSource.CLOSED || (troubleSince !== null && Date.now() - troubleSince > 30000)) {
            troubleSince = Date.now();
            connect();
        }
    }, 5000);

    var clock = root.querySelector("[data-clock]");
    var clockFormat = new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit", timeZone: "Europe/Riga" });
    setInterval(function () { clock.textContent = clockFormat.format(new Date(Date.now() + offset)); }, 10000);

    // Sound: browsers start audio only after a click, so the display asks for one.
    var enableSound = document.querySelector("[data-enable-sound]");
    var soundToggle = $("[data-sound-toggle]");
    var speechToggle = $("[data-speech-toggle]");
    function showToggles() {
        soundToggle.hidden = false;
        soundToggle.setAttribute("aria-pressed", String(sound && audio !== null));
        soundToggle.textContent = sound && audio ? d.tSoundOn : d.tSoundOff;
        speechToggle.hidden = !("speechSynthesis" in window);
        speechToggle.setAttribute("aria-pressed", String(speech));
        speechToggle.textContent = speech ? d.tSpeechOn : d.tSpeechOff;
    }
    function unlock() {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!audio && Context) { audio = new Context(); }
        if (audio && audio.state === "suspended") { audio.resume(); }
        enableSound.hidden = true;
    }
    enableSound.querySelector("button").addEventListener("click", function () {
        sound = true;
        localStorage.setItem("queue-display-sound", "on");
        unlock();
        showToggles();
        chime();
    });
    soundToggle.addEventListener("click", function () {
        if (sound && audio) {
            sound = false;
        } else {
            sound = true;
            unlock();
        }
        localStorage.setItem("queue-display-sound", sound ? "on" : "off");
        showToggles();
    });
    speechToggle.addEventListener("click", function () {
        speech = !speech;
        localStorage.setItem("queue-display-speech", speech ? "on" : "off");
        if (speech) { sound = true; unlock(); }
        showToggles();
    });
    enableSound.hidden = !sound;
    showToggles();
    connect();
}());
