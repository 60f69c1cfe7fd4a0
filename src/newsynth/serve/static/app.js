// Live updates: when the store gains articles, the server says so over /events and the page
// fetches its #live part again and swaps it in, without a full reload.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !live.dataset.fragment || !window.EventSource || !window.fetch) {
    return;
  }
  var status = document.getElementById("live-status");
  var busy = false;
  var again = false;

  function refresh() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    fetch(live.dataset.fragment, { headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && html !== live.dataset.shown) {
          live.innerHTML = html; // server-rendered and escaped; the CSP forbids inline script anyway
          live.dataset.shown = html;
          if (status) {
            status.textContent = "updated " + new Date().toLocaleTimeString();
          }
        }
      })
      .catch(function () {})
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  var events = new EventSource("/events?since=" + encodeURIComponent(live.dataset.mark || "0"));
  events.addEventListener("change", refresh);
  // A stream left open by a page kept in the back-forward cache would hold one of the browser's
  // few connections to this server; close it when the page is left.
  window.addEventListener("pagehide", function () {
    events.close();
  });
  if (status) {
    events.addEventListener("open", function () {
      status.textContent = "live";
    });
  }
})();
