// The shell's menus are <details class="ops-menu">: a click outside an open one, or Escape, closes it, as a menu should.
(function () {
    function closeAll(except) {
        var open = document.querySelectorAll("details.ops-menu[open]");
        for (var i = 0; i < open.length; i++) {
            if (open[i] !== except && !open[i].contains(except)) { open[i].removeAttribute("open"); }
        }
    }
    document.addEventListener("click", function (e) { closeAll(e.target); });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { closeAll(null); } });
})();
