// The service worker: lets a reader open the site without a network. The build puts VERSION (from
// the hashed asset names), LANGUAGES and PRECACHE (the hashed assets) in front of this code.
//
// - Pages: from the network when there is one (and kept), else from the cache. A page of a
//   language also keeps that language's home page, A–Z list and important numbers.
// - Hashed assets never change: from the cache first.
// - The brochure PDF is kept once opened.
// - Only this site's own requests are handled; nothing is fetched from another host.
const CACHE = "steckbrief-" + VERSION;
const SCOPE = new URL(self.registration.scope);

function local(path) {
  return new URL(path, SCOPE).href;
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(local))).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("steckbrief-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The language of a URL on this site ("de" for /de/jobcenter-merzig/), if any.
function languageOf(url) {
  const first = url.pathname.slice(SCOPE.pathname.length).split("/")[0];
  return LANGUAGES.includes(first) ? first : null;
}

// Keeps the pages a reader of `language` needs most, unless they are kept already.
function keepEssentials(cache, language) {
  return Promise.all(["", "a-z/", "numbers/"].map((page) => {
    const url = local(language + "/" + page);
    return cache.match(url).then((hit) => hit || fetch(url).then((response) => {
      if (response.ok) return cache.put(url, response);
    }));
  })).catch(() => {});
}

function fromNetwork(request, cache) {
  return fetch(request).then((response) => {
    // Whole responses only: a range of a PDF (206) cannot be kept.
    if (response.status === 200 && response.type === "basic") cache.put(request, response.clone()).catch(() => {});
    return response;
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (url.pathname.includes("/__steckbrief/")) return;
  event.respondWith(caches.open(CACHE).then((cache) => {
    if (request.mode === "navigate") {
      const language = languageOf(url);
      if (language) event.waitUntil(keepEssentials(cache, language));
      return fromNetwork(request, cache).catch(() =>
        cache.match(request, { ignoreSearch: true })
          .then((hit) => hit || cache.match(local(language ? language + "/" : "")))
          .then((hit) => hit || Response.error()));
    }
    if (url.pathname.startsWith(SCOPE.pathname + "assets/")) {
      return cache.match(request).then((hit) => hit || fromNetwork(request, cache));
    }
    return fromNetwork(request, cache).catch(() =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error()));
  }));
});
