// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Search results as you type, from /api/v1/search; the form still submits without it.
  var input = document.querySelector("[data-live-search]");
  if (input && window.fetch) {
    var box = document.getElementById("live-results");
    var timer = null;
    var latest = 0;
    var render = function (results, query) {
      box.textContent = "";
      if (!query) { return; }
      var list = document.createElement("ol");
      results.forEach(function (hit) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "/" + input.dataset.lang + "/" + hit.slug + "/";
        link.textContent = hit.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      if (results.length) { box.appendChild(list); }
      else {
        var none = document.createElement("p");
        none.textContent = box.dataset.none || "";
        box.appendChild(none);
      }
    };
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      timer = setTimeout(function () {
        var ticket = ++latest;
        if (query.length < 2) { render([], ""); return; }
        var url = input.dataset.liveSearch + "?lang=" + encodeURIComponent(input.dataset.lang) + "&q=" + encodeURIComponent(query);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { if (ticket === latest) { render(data.results || [], query); } })
          .catch(function () {});
      }, 150);
    });
  }

  // Drop an .eml file on the paste box: its text goes into the box.
  var area = document.querySelector("form.diagnose textarea");
  if (area && window.FileReader) {
    ["dragenter", "dragover"].forEach(function (name) {
      area.addEventListener(name, function (event) { event.preventDefault(); area.classList.add("drop-target"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      area.addEventListener(name, function () { area.classList.remove("drop-target"); });
    });
    area.addEventListener("drop", function (event) {
      event.preventDefault();
      var file = event.dataTransfer && event.dataTransfer.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () { area.value = String(reader.result).slice(0, 2000000); };
      reader.readAsText(file);
    });
  }
})();

// Technical details start open on a wide screen; folded on a phone so the answer comes first.
(function () {
  "use strict";
  if (window.matchMedia && window.matchMedia("(min-width: 700px)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (box) { box.open = true; });
  }
  // Copy buttons: shown only where the browser can copy.
  if (navigator.clipboard) {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var source = document.querySelector(button.dataset.copy);
      if (!source) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.value || source.textContent || "").then(function () {
          button.dataset.label = button.dataset.label || button.textContent;
          button.textContent = "✓ " + button.dataset.label;
        }).catch(function () { source.select && source.select(); });
      });
    });
  }
})();

// Printing: folded details print open (for browsers without ::details-content).
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.technical").forEach(function (box) { box.open = true; });
});

// "Checked just now": the live DNS checks load after the answer, without holding it up; without
// this script, the "Check now" button opens the same panel on a page of its own.
(function () {
  "use strict";
  if (!window.fetch) { return; }
  document.querySelectorAll("[data-checks-url]").forEach(function (box) {
    var url = box.dataset.checksUrl + (box.dataset.checksUrl.indexOf("?") < 0 ? "?" : "&") + "fragment=1";
    box.setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok || response.status === 400 ? response.text() : null; })
      .then(function (html) {
        box.removeAttribute("aria-busy");
        if (!html) { return; }
        var parsed = new DOMParser().parseFromString(html, "text/html");
        var panel = parsed.querySelector(".checks-panel");
        if (panel) { box.replaceChildren(document.importNode(panel, true)); }
      })
      .catch(function () { box.removeAttribute("aria-busy"); });
  });
})();
