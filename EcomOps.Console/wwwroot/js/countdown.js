// Deadlines come from the server; the countdown text ticks here, in the browser, so a hundred open queues cost
// the server nothing per second. Any element with data-due (UTC milliseconds) shows the time left, and switches
// its colour class when its warning instant (data-warn) or its deadline passes before the server says so.
//
// Seconds count only in the last ten minutes before a deadline (and the first ten after it): "7:05". Further away
// the chip shows whole minutes ("42m"), hours and minutes ("3h 12m") or days and hours ("2d 03h"), counted from the end
// of the page's current minute, so every far countdown on a page turns over at the same instant once a minute instead
// of each at its own second: a page of fifty chips redraws once a minute, not every second (a hundred open queues
// were a core of the machine's browser work). A page's minute starts at the second the page was opened, so pages
// opened together on one machine (a wall of screens, a team's browsers on one host) do not all redraw at the same
// instant. SlaCountdown.razor writes the first text the same way, from the wall clock's minute.
(function () {
    var MINUTE = 60000, SECONDS_WITHIN = 10 * MINUTE, PHASE = Date.now() % MINUTE;

    function two(n) { return n < 10 ? "0" + n : "" + n; }

    // Days and hours, hours and minutes, minutes in the reader's language: the element carries the patterns
    // ("{0}d {1}h", "{0}天{1}小时"; "{0}h {1}m", "{0}小时{1}分"; "{0}m", "{0}分钟").
    function format(due, now, days, hours, minutes, phase) {
        var ms = due - now;
        var sign = ms < 0 ? "−" : "";
        if (Math.abs(ms) < SECONDS_WITHIN) {
            var s = Math.floor(Math.abs(ms) / 1000);
            return sign + Math.floor(s / 60) + ":" + two(s % 60);
        }
        // From the end of the page's current minute: the count never promises more time than is left, nor less lateness.
        var start = phase === undefined ? PHASE : phase;
        var end = start + (Math.floor((now - start) / MINUTE) + 1) * MINUTE;
        var m = Math.floor(Math.abs(due - end) / MINUTE);
        var d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60);
        if (d > 0) { return sign + (days || "{0}d {1}h").replace("{0}", d).replace("{1}", two(h)); }
        if (h > 0) { return sign + (hours || "{0}h {1}m").replace("{0}", h).replace("{1}", two(m % 60)); }
        return sign + (minutes || "{0}m").replace("{0}", m);
    }

    function tick() {
        var now = Date.now();
        var items = document.querySelectorAll("[data-due]");
        for (var i = 0; i < items.length; i++) {
            var el = items[i];
            var due = Number(el.getAttribute("data-due"));
            if (!due) { continue; }
            var warn = Number(el.getAttribute("data-warn") || 0);
            var text = format(due, now, el.getAttribute("data-days"), el.getAttribute("data-hours"), el.getAttribute("data-minutes"));
            var target = el.querySelector(".countdown-text") || el;
            // Write into the text node Blazor rendered rather than replacing it, so a later render of the row
            // still finds (and can update) the node it owns; and only when the text changed, so an unchanged
            // chip costs the page no redraw.
            var node = target.firstChild;
            if (node && node.nodeType === 3 && !node.nextSibling) {
                if (node.nodeValue !== text) { node.nodeValue = text; }
            } else if (target.textContent !== text) {
                target.textContent = text;
            }
            el.classList.toggle("sla-breached-live", now >= due);
            el.classList.toggle("sla-warning-live", now < due && warn > 0 && now >= warn);
        }
    }

    setInterval(tick, 1000);
    document.addEventListener("DOMContentLoaded", tick);
    window.ecomOpsCountdownTick = tick;
    window.ecomOpsCountdownText = format;
})();
