/* Exit this page: leave for a neutral site at once, by click or by pressing Shift three times
   within five seconds. The page is blanked first and the visit's history entry is replaced
   (location.replace), so Back does not return to it. If Back does reach one of our pages
   after an exit in this tab, it is blanked and left again. */
(function () {
  "use strict";
  var link = document.querySelector("[data-vi-exit]");
  if (!link) {
    return;
  }
  var FLAG = "vi-left";
  var destination = link.href;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("vi-exiting");
    document.title = "";
    try {
      window.sessionStorage.setItem(FLAG, "1");
    } catch (e) { /* storage may be disabled: leaving still works */ }
    window.location.replace(destination);
  }

  function cameBack() {
    var entries = window.performance && performance.getEntriesByType
      ? performance.getEntriesByType("navigation") : [];
    return entries.length > 0 && entries[0].type === "back_forward";
  }

  function hasLeft() {
    try {
      return window.sessionStorage.getItem(FLAG) === "1";
    } catch (e) {
      return false;
    }
  }

  window.addEventListener("pageshow", function (event) {
    if (hasLeft() && (event.persisted || cameBack())) {
      leave();
    } else if (hasLeft()) {
      try { window.sessionStorage.removeItem(FLAG); } catch (e) { /* ignore */ }
    }
  });

  link.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) {
      if (event.key !== "Shift") {
        presses = [];
      }
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 5000; });
    presses.push(now);
    if (presses.length >= 3) {
      leave();
    }
  });
})();
