// The customer's conversation page (static, no circuit) looks again for replies every 20 s while the customer is not
// writing and the tab is visible: a GET of the page's own address, so a message just sent is never sent twice.
(function () {
    setInterval(function () {
        var page = document.querySelector('[data-auto-refresh]');
        if (!page || document.hidden) {
            return;
        }
        var box = document.querySelector('textarea[data-testid=contact-message]');
        if (box && (box.value.trim() !== '' || document.activeElement === box)) {
            return;
        }
        window.location.href = window.location.pathname;
    }, 20000);
})();
