// The site's only script; every page works without it. It adds: the search in the header (over
// the per-language index written at build time), the finder's selects on the home page, "open
// now" with today's hours, and the service worker that keeps pages for offline reading. No
// framework, no request to another host.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script ? script.getAttribute("data-root") : "";
  var body = document.body;
  var strings = body.dataset;

  // Folds case, Latin diacritics, Arabic diacritics and the Arabic/Persian letter variants, so
  // that "Anerkennung", "anerkennung", "كورس" and "کورس" match what editors wrote.
  function fold(text) {
    return text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u064a/g, "\u06cc")
      .replace(/\u0649/g, "\u06cc")
      .replace(/\u0643/g, "\u06a9")
      .replace(/\u0629/g, "\u0647")
      .replace(/\u200c/g, " ")
      .replace(/ß/g, "ss");
  }

  // "Open now" and today's hours, for Europe/Berlin whatever the reader's clock says. The page
  // keeps the full table; this only adds a line above it.
  function berlinNow() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    var day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday);
    return { day: day, minute: Number(parts.hour) * 60 + Number(parts.minute) };
  }

  function clock(minutes) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
  }

  function showOpening(element, now) {
    var week;
    try { week = JSON.parse(element.getAttribute("data-week")); } catch (e) { return; }
    var today = week[now.day] || [];
    var open = today.some(function (r) { return r[0] <= now.minute && now.minute < r[1]; });
    element.textContent = "";
    var state = document.createElement("strong");
    state.className = open ? "open" : "shut";
    state.textContent = open ? strings.openNow : strings.closedNow;
    element.appendChild(state);
    element.appendChild(document.createTextNode(" · " + strings.today + ": "));
    if (!today.length) element.appendChild(document.createTextNode(strings.closed));
    today.forEach(function (r, i) {
      if (i) element.appendChild(document.createTextNode(", "));
      var range = document.createElement("span");
      range.dir = "ltr";
      range.className = "ltr token";
      range.textContent = strings.timeRange.replace("{from}", clock(r[0])).replace("{to}", clock(r[1]));
      element.appendChild(range);
    });
  }

  function showOpenings(scope) {
    if (!window.Intl) return;
    var now = berlinNow();
    if (now.day < 0) return;
    Array.prototype.forEach.call(scope.querySelectorAll(".open-status[data-week]"), function (element) {
      showOpening(element, now);
    });
  }
  showOpenings(document);

  // The service worker, only on the published site: `serve` marks its pages so that live reload
  // and a cache never meet.
  if ("serviceWorker" in navigator && !window.steckbriefServe && root !== null) {
    navigator.serviceWorker.register(root + "sw.js").catch(function () {});
  }

  var form = document.querySelector(".site-search");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[type=search]");
  var area = document.querySelector(".search-area");
  var status = document.querySelector(".search-status");
  var list = area && area.querySelector(".search-results");
  var entries = null;

  function load() {
    if (entries) return Promise.resolve(entries);
    return fetch(form.getAttribute("data-index"))
      .then(function (response) { return response.json(); })
      .then(function (data) {
        entries = data.map(function (e) {
          return { entry: e, name: fold(e.n), text: fold(e.n + " " + e.s + " " + e.k) };
        });
        return entries;
      });
  }

  // One card per hit, like the listings: an untranslated summary is marked as German, left to
  // right, with the note in the reader's language.
  function render(target, statusElement, hits) {
    target.textContent = "";
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      item.className = "card";
      var heading = document.createElement("h3");
      var link = document.createElement("a");
      link.href = root + hit.entry.u;
      var name = document.createElement("bdi");
      name.textContent = hit.entry.n;
      link.appendChild(name);
      heading.appendChild(link);
      var summary = document.createElement("p");
      summary.textContent = hit.entry.s;
      item.appendChild(heading);
      item.appendChild(summary);
      if (hit.entry.l) {
        summary.lang = hit.entry.l;
        summary.dir = "ltr";
        summary.className = "fallback";
        var note = document.createElement("p");
        note.className = "fallback-note";
        note.textContent = strings.fallbackNote;
        item.appendChild(note);
      }
      target.appendChild(item);
    });
    target.hidden = hits.length === 0;
    statusElement.textContent = hits.length
      ? strings.results.replace("{count}", hits.length)
      : strings.noResults;
  }

  function show(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) { area.hidden = true; status.textContent = ""; return; }
    var hits = entries.filter(function (e) {
      return terms.every(function (t) { return e.text.indexOf(t) !== -1; });
    });
    hits.sort(function (a, b) {
      var an = terms.every(function (t) { return a.name.indexOf(t) !== -1; }) ? 0 : 1;
      var bn = terms.every(function (t) { return b.name.indexOf(t) !== -1; }) ? 0 : 1;
      return an - bn;
    });
    render(list, status, hits);
    area.hidden = false;
  }

  // The finder: with JavaScript, "I am … / I am looking for …" are two selects that list the
  // actors matching both; without it, a <noscript> style shows the links to the listings instead.
  var finder = document.querySelector(".finder-form");
  if (finder) {
    var group = finder.querySelector("#finder-group");
    var topic = finder.querySelector("#finder-topic");
    var finderList = finder.querySelector(".finder-results");
    var finderStatus = finder.querySelector(".finder-status");
    var update = function () {
      if (!group.value && !topic.value) { finderList.hidden = true; finderStatus.textContent = ""; return; }
      load().then(function () {
        render(finderList, finderStatus, entries.filter(function (e) {
          return (!group.value || e.entry.c.indexOf(group.value) !== -1) &&
            (!topic.value || e.entry.c.indexOf(topic.value) !== -1);
        }));
      });
    };
    group.addEventListener("change", update);
    topic.addEventListener("change", update);
  }

  // On the home page the header search lists its results there; elsewhere it opens the home
  // page with the query (the form's plain submit), which then shows them.
  if (!area) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load().then(function () { show(input.value); });
  });
  input.addEventListener("input", function () {
    load().then(function () { show(input.value); });
  });
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    input.value = query;
    load().then(function () { show(query); });
  }
})();
