// Keyboard: ← and → move between the photos of an incident, Esc goes back up to it.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var rel = { ArrowLeft: "prev", ArrowRight: "next", Escape: "up" }[event.key];
    if (!rel) return;
    var link = document.querySelector('link[rel="' + rel + '"]');
    if (link) window.location.href = link.getAttribute("href");
  });
})();
