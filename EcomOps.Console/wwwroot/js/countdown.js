// Deadlines come from the server; the countdown text ticks here, in the browser, so a hundred open queues cost
// the server nothing per second. Any element with data-due (UTC milliseconds) shows the time left, and switches
// its colour class when its warning instant (data-warn) or its deadline passes before the server says so.
//
// Seconds count only within the last hour before a deadline (and the first hour after it): "42:07". Further away
// the chip shows hours and minutes ("3h 12m") or days and hours ("2d 03h"), counted from the wall clock's minute, so
// every far countdown on a page turns over at the same instant once a minute instead of each at its own second.
// A page of fifty chips hours away then redraws once a minute, not fifty times; SlaCountdown.razor writes the first
// text the same way.
(function () {
    var MINUTE = 60000, HOUR = 3600000;

    function two(n) { return n < 10 ? "0" + n : "" + n; }

    // Days and hours, hours and minutes in the reader's language: the element carries the patterns ("{0}d {1}h",
    // "{0}天{1}小时"; "{0}h {1}m", "{0}小时{1}分").
    function format(due, now, days, hours) {
        var ms = due - now;
        var sign = ms < 0 ? "−" : "";
        if (Math.abs(ms) < HOUR) {
            var s = Math.floor(Math.abs(ms) / 1000);
            return sign + Math.floor(s / 60) + ":" + two(s % 60);
        }
        var m = Math.floor(Math.abs(due - Math.floor(now / MINUTE) * MINUTE) / MINUTE);
        var d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60);
        if (d > 0) { return sign + (days || "{0}d {1}h").replace("{0}", d).replace("{1}", two(h)); }
        return sign + (hours || "{0}h {1}m").replace("{0}", h).replace("{1}", two(m % 60));
    }

    function tick() {
        var now = Date.now();
        var items = document.querySelectorAll("[data-due]");
        for (var i = 0; i < items.length; i++) {
            var el = items[i];
            var due = Number(el.getAttribute("data-due"));
            if (!due) { continue; }
            var warn = Number(el.getAttribute("data-warn") || 0);
            var text = format(due, now, el.getAttribute("data-days"), el.getAttribute("data-hours"));
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
