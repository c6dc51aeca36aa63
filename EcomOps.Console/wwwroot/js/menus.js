// The shell's menus are <details class="ops-menu">: a click outside an open one, on one of its links, or Escape,
// closes it, as a menu should.
(function () {
    function closeAll(except) {
        var open = document.querySelectorAll("details.ops-menu[open]");
        for (var i = 0; i < open.length; i++) {
            if (open[i] !== except && !open[i].contains(except)) { open[i].removeAttribute("open"); }
        }
    }
    document.addEventListener("click", function (e) {
        // A link, or an item marked data-menu-close, has done what the menu was opened for: the menu closes with it
        // (the shell stays on the page across navigations, so an open menu would otherwise stay open on the next page).
        var done = e.target.closest && e.target.closest(".ops-menu-panel a, .ops-menu-panel [data-menu-close]");
        closeAll(done ? null : e.target);
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { closeAll(null); } });
})();
