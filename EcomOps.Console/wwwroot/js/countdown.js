// Deadlines come from the server; the countdown text ticks here, in the browser, so a hundred open queues cost
// the server nothing per second. Any element with data-due (UTC milliseconds) shows the time left, and switches
// its colour class when its warning instant (data-warn) or its deadline passes before the server says so.
(function () {
    function two(n) { return n < 10 ? "0" + n : "" + n; }

    // Days and hours in the reader's language: the element carries the pattern ("{0}d {1}h", "{0}天{1}小时").
    function format(ms, days) {
        var sign = ms < 0 ? "−" : "";
        var s = Math.floor(Math.abs(ms) / 1000);
        var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
        if (d > 0) { return sign + (days || "{0}d {1}h").replace("{0}", d).replace("{1}", two(h)); }
        return sign + (h > 0 ? h + ":" + two(m) : m) + ":" + two(sec);
    }

    function tick() {
        var now = Date.now();
        var items = document.querySelectorAll("[data-due]");
        for (var i = 0; i < items.length; i++) {
            var el = items[i];
            var due = Number(el.getAttribute("data-due"));
            if (!due) { continue; }
            var warn = Number(el.getAttribute("data-warn") || 0);
            var text = format(due - now, el.getAttribute("data-days"));
            var target = el.querySelector(".countdown-text") || el;
            // Write into the text node Blazor rendered rather than replacing it, so a later render of the row
            // still finds (and can update) the node it owns.
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
})();
