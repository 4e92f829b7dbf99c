/* Keyboard fixes for Material. (1) The menu button of narrow screens is a <label> for a
   hidden checkbox, which the Tab key never reaches; here it becomes a button (Enter or
   Space opens and closes the navigation drawer; Escape closes it). Without JavaScript the
   navigation is still reached from the start page's links. (2) With nothing typed in the
   search field, the results' scroll box is empty and out of view: it takes no Tab stop
   (and is hidden, site.css) until there is a query. */
(function () {
  "use strict";
  var query = document.querySelector(".md-search__input");
  var results = document.querySelector(".md-search__scrollwrap");
  if (query && results) {
    var syncResults = function () {
      results.setAttribute("tabindex", query.value.trim() ? "0" : "-1");
    };
    query.addEventListener("input", syncResults);
    if (query.form) {
      query.form.addEventListener("reset", function () { window.setTimeout(syncResults, 0); });
    }
    syncResults();
  }

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  var nav = document.querySelector(".md-nav--primary");
  if (!toggle || !button || !nav) {
    return;
  }
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", nav.getAttribute("aria-label") || "");

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  function shown(link) {
    var box = link.getBoundingClientRect();
    var top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return box.width > 0 && top !== null && (link === top || link.contains(top));
  }

  /* The drawer opens at the level of the current page: focus its link, or the first link
     on that level (the other levels' links are in the page but covered). */
  function focusFirstShown() {
    var links = [].slice.call(nav.querySelectorAll("a.md-nav__link--active, a[href]"));
    var first = links.filter(shown)[0];
    if (first) {
      first.focus();
    }
  }

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.click();  /* as a click on the label does: Material hears the change */
    }
    sync();
    if (open) {
      window.setTimeout(focusFirstShown, 260);  /* once the drawer has slid in (.25s) */
    }
  }

  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.stopPropagation();  /* Material would click a focused label on Enter, again */
      setOpen(!toggle.checked);
    }
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false);
      button.focus();
    }
  });
  toggle.addEventListener("change", sync);
  sync();
})();
