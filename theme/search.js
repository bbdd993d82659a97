// Search over the per-language index written at build time. No framework, no network but the
// index file on this site. Without JavaScript the A–Z index is the fallback.
(function () {
  "use strict";
  var section = document.querySelector(".search[data-index]");
  if (!section || !window.fetch) return;
  var form = section.querySelector("form");
  var input = section.querySelector("input[type=search]");
  var status = section.querySelector(".search-status");
  var list = section.querySelector(".search-results");
  var entries = null;

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

  function load() {
    if (entries) return Promise.resolve(entries);
    return fetch(section.getAttribute("data-index"))
      .then(function (response) { return response.json(); })
      .then(function (data) {
        entries = data.map(function (e) {
          return { entry: e, name: fold(e.n), text: fold(e.n + " " + e.s + " " + e.k) };
        });
        return entries;
      });
  }

  function render(target, status, hits) {
    target.textContent = "";
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      item.className = "card";
      var heading = document.createElement("h3");
      var link = document.createElement("a");
      link.href = section.getAttribute("data-root") + hit.entry.u;
      link.textContent = hit.entry.n;
      heading.appendChild(link);
      var summary = document.createElement("p");
      summary.textContent = hit.entry.s;
      item.appendChild(heading);
      item.appendChild(summary);
      target.appendChild(item);
    });
    target.hidden = hits.length === 0;
    status.textContent = hits.length
      ? section.getAttribute("data-results").replace("{count}", hits.length)
      : section.getAttribute("data-no-results");
  }

  function show(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!terms.length) { list.hidden = true; status.textContent = ""; return; }
    var hits = entries.filter(function (e) {
      return terms.every(function (t) { return e.text.indexOf(t) !== -1; });
    });
    hits.sort(function (a, b) {
      var an = terms.every(function (t) { return a.name.indexOf(t) !== -1; }) ? 0 : 1;
      var bn = terms.every(function (t) { return b.name.indexOf(t) !== -1; }) ? 0 : 1;
      return an - bn;
    });
    render(list, status, hits);
  }

  // The finder: with JavaScript, "I am … / I am looking for …" become two selects that list the
  // actors matching both; without it, the links to the listings remain.
  var finder = document.querySelector(".finder-form");
  if (finder) {
    var group = finder.querySelector("#finder-group");
    var topic = finder.querySelector("#finder-topic");
    var finderList = finder.querySelector(".finder-results");
    var finderStatus = finder.querySelector(".finder-status");
    finder.hidden = false;
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

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load().then(function () { show(input.value); });
  });
  input.addEventListener("input", function () {
    load().then(function () { show(input.value); });
  });
})();
