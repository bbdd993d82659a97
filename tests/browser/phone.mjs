// The site on a citizen's phone, in headless Chromium:
// - every page type in German, Leichte Sprache, Arabic and Ukrainian at 320, 360 and 375 px wide, with and without
//   JavaScript: no horizontal scrolling, no element wider than the screen, every tel: and mailto:
//   link (and every phone number, time, e-mail address) on one line, call/mail/map buttons at
//   least 44 × 44 px;
// - the finder appears once (links without JavaScript, selects with it), and the header search
//   only where it works;
// - a search in Arabic for an untranslated actor shows the German summary as German (lang="de"
//   dir="ltr") with the note in Arabic;
// - offline: a visited page, the language's home page, A–Z list and important numbers, and an
//   opened brochure load without a network (service worker);
// - every actor page prints on one A4 page.
// Usage: node phone.mjs <site-dir> [layout|finder|search|offline|print …] (default: all checks)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const [site, ...only] = process.argv.slice(2);
const run = (check) => only.length === 0 || only.includes(check);
if (!site) {
  console.error("usage: node phone.mjs <site-dir>");
  process.exit(2);
}
const LANGUAGES = ["de", "de-x-ls", "ar", "uk"];
const WIDTHS = [320, 360, 375];

const dirs = (path) => readdirSync(join(site, path), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const actors = dirs("de").filter((name) => readdirSync(join(site, "de", name)).includes("contact.vcf"));
const pages = dirs("de").filter((name) => !actors.includes(name) && !["topic", "group", "a-z", "numbers"].includes(name));

// Every page type; the actor pages all, since their contact blocks differ.
function paths(lang) {
  return [
    `/${lang}/`,
    ...actors.map((a) => `/${lang}/${a}/`),
    ...dirs(`${lang}/topic`).map((t) => `/${lang}/topic/${t}/`),
    ...dirs(`${lang}/group`).map((g) => `/${lang}/group/${g}/`),
    `/${lang}/a-z/`,
    `/${lang}/numbers/`,
    ...pages.map((p) => `/${lang}/${p}/`),
  ];
}

const { server, origin } = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failures = 0;
const fail = (message) => {
  failures += 1;
  if (failures <= 60) console.error(`FAIL ${message}`);
};

// What a reader on a narrow screen would notice, measured in the page.
function layoutProblems() {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  const width = root.clientWidth;
  const name = (e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "") + ` "${(e.textContent || "").trim().slice(0, 40)}"`;
  for (const element of document.body.querySelectorAll("*")) {
    if (element.closest(".visually-hidden, .skip-link, [hidden]")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 0.5 || box.left < -0.5) problems.push(`${name(element)} spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`);
  }
  const lines = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
    return tops.size;
  };
  for (const link of document.querySelectorAll('a[href^="tel:"], a[href^="mailto:"]')) {
    if (link.closest("[hidden]")) continue;
    const shown = link.querySelector(".token") ?? link;
    if (link.getClientRects().length !== 1 || lines(shown) !== 1) problems.push(`${link.getAttribute("href").slice(0, 40)} breaks over ${lines(shown)} lines`);
    const box = link.getBoundingClientRect();
    // Links inside running text are exempt from the target size (WCAG 2.5.5, "inline").
    if (!link.closest(".prose") && (box.width < 44 || box.height < 44)) problems.push(`${link.getAttribute("href").slice(0, 40)} is ${Math.round(box.width)}×${Math.round(box.height)} px, under 44×44`);
  }
  for (const token of document.querySelectorAll(".token")) {
    if (!token.closest("[hidden]") && lines(token) > 1) problems.push(`"${token.textContent}" breaks inside`);
  }
  for (const target of document.querySelectorAll("a.action, button, select, input")) {
    if (target.closest("[hidden]")) continue;
    const box = target.getBoundingClientRect();
    if (box.width > 0 && (box.width < 44 || box.height < 44)) problems.push(`tap target ${name(target)} is ${Math.round(box.width)}×${Math.round(box.height)} px`);
  }
  return problems;
}

let checked = 0;
try {
  for (const javaScriptEnabled of run("layout") ? [true, false] : []) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 740 }, javaScriptEnabled, serviceWorkers: "block" });
      const tab = await context.newPage();
      for (const lang of LANGUAGES) {
        for (const path of [...paths(lang), ...(lang === "de" ? ["/", "/404.html"] : [])]) {
          await tab.goto(origin + path, { waitUntil: "load" });
          for (const problem of (await tab.evaluate(layoutProblems)).slice(0, 5)) {
            fail(`${path} @${width}px${javaScriptEnabled ? "" : " without JS"}: ${problem}`);
          }
          checked += 1;
        }
      }
      await context.close();
    }
  }
  if (run("layout")) console.log(`phone layout: ${checked} page views checked (${LANGUAGES.join(", ")}; ${WIDTHS.join(", ")} px; with and without JS)`);

  // The finder once, the header search only where it works.
  for (const javaScriptEnabled of run("finder") ? [true, false] : []) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled, serviceWorkers: "block" });
    const tab = await context.newPage();
    await tab.goto(`${origin}/de/`);
    if (javaScriptEnabled) await tab.waitForSelector(".site-search", { state: "visible" });
    const shown = await tab.evaluate(() => ({
      links: document.querySelector(".finder-links").checkVisibility(),
      selects: document.querySelector(".finder-form").checkVisibility(),
      search: document.querySelector(".site-search").checkVisibility(),
      openStatus: [...document.querySelectorAll(".open-status")].filter((e) => e.checkVisibility()).length,
    }));
    const expected = { links: !javaScriptEnabled, selects: javaScriptEnabled, search: javaScriptEnabled };
    for (const key of Object.keys(expected)) {
      if (shown[key] !== expected[key]) fail(`/de/ ${javaScriptEnabled ? "with" : "without"} JS: ${key} ${shown[key] ? "shown" : "hidden"}`);
    }
    await tab.goto(`${origin}/de/a-z/`);
    const statuses = await tab.$$eval(".open-status", (all) => all.map((e) => !e.hidden && e.textContent.trim() !== ""));
    if (statuses.length === 0 || statuses.some((visible) => visible !== javaScriptEnabled)) fail(`"open now" on the A–Z cards ${javaScriptEnabled ? "missing" : "shown without JS"}`);
    await context.close();
  }

  // Search in Arabic for an actor whose summary is not translated.
  if (run("search")) {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/ar/`);
    await tab.waitForSelector(".site-search", { state: "visible" });
    const index = await tab.$eval(".site-search", (form) => form.getAttribute("data-index"));
    const entries = await (await tab.request.get(new URL(index, `${origin}/ar/`).href)).json();
    const untranslated = entries.find((e) => e.l === "de");
    if (!untranslated) fail("the Arabic search index marks no German fallback summary");
    else {
      await tab.fill("#q", untranslated.n);
      await tab.waitForSelector(".search-results li");
      const hit = await tab.$$eval(".search-results li", (items, name) => {
        const item = items.find((li) => li.querySelector("h3").textContent === name);
        if (!item) return null;
        const summary = item.querySelector("p");
        return { lang: summary.lang, dir: summary.dir, note: item.querySelector(".fallback-note")?.textContent, expected: document.body.dataset.fallbackNote };
      }, untranslated.n);
      if (!hit) fail(`searching /ar/ for "${untranslated.n}" does not list it`);
      else if (hit.lang !== "de" || hit.dir !== "ltr" || !hit.note || hit.note !== hit.expected) fail(`/ar/ search result for an untranslated actor: ${JSON.stringify(hit)}`);
      else console.log(`search /ar/ "${untranslated.n}": German summary marked lang="de" dir="ltr" with the note "${hit.note}"`);
    }
    // From another page, the header search opens the home page with the results.
    await tab.goto(`${origin}/ar/a-z/`);
    await tab.fill("#q", "Deutsch");
    await Promise.all([tab.waitForURL(/\/ar\/\?q=Deutsch$/), tab.press("#q", "Enter")]);
    await tab.waitForSelector(".search-results li");
    console.log(`header search from /ar/a-z/: ${(await tab.$$(".search-results li")).length} results on the home page`);
    await tab.close();
  }

  // Offline.
  if (run("offline")) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const foreign = [];
    context.on("request", (request) => {
      if (!request.url().startsWith(origin)) foreign.push(request.url());
    });
    const tab = await context.newPage();
    const actor = `${origin}/ar/${actors[0]}/`;
    await tab.goto(actor);
    await tab.evaluate(() => navigator.serviceWorker.ready);
    await tab.reload();
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const pdf = `${origin}/ar/${readdirSync(join(site, "ar")).find((f) => f.endsWith(".pdf"))}`;
    const pdfOnline = pdf.endsWith(".pdf") ? await tab.evaluate((url) => fetch(url).then((r) => r.status), pdf) : 0;
    await tab.waitForFunction(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith("steckbrief-")));
      const urls = ["/ar/", "/ar/a-z/", "/ar/numbers/"].map((p) => new URL(p, location.origin).href);
      return (await Promise.all(urls.map((u) => cache.match(u)))).every(Boolean);
    }, null, { timeout: 10000 });
    await context.setOffline(true);
    for (const url of [actor, `${origin}/ar/`, `${origin}/ar/a-z/`, `${origin}/ar/numbers/`]) {
      const response = await tab.goto(url).catch((e) => e);
      const heading = await tab.$eval("h1", (h) => h.textContent).catch(() => null);
      const styled = await tab.evaluate(() => getComputedStyle(document.querySelector(".site-header")).backgroundColor).catch(() => null);
      if (response instanceof Error || !heading || styled === "rgba(0, 0, 0, 0)") fail(`offline: ${url} does not open (${response instanceof Error ? response.message : heading})`);
      else console.log(`offline: ${url.slice(origin.length)} opens ("${heading}")`);
    }
    if (pdfOnline === 200) {
      const status = await tab.evaluate((url) => fetch(url).then((r) => r.status, () => 0), pdf);
      if (status !== 200) fail(`offline: the opened brochure ${pdf} is not kept (${status})`);
      else console.log(`offline: the opened brochure ${pdf.slice(origin.length)} is kept`);
    }
    await context.setOffline(false);
    for (const url of foreign) fail(`request to another host: ${url}`);
    await context.close();
  }

  // Print: every actor page on one A4 page.
  if (run("print")) {
    const tab = await browser.newPage();
    const folder = mkdtempSync(join(tmpdir(), "steckbrief-print-"));
    let longest = 0;
    for (const lang of ["de", "de-x-ls", "ar"]) {
      for (const actor of actors) {
        await tab.goto(`${origin}/${lang}/${actor}/`);
        await tab.emulateMedia({ media: "print" });
        const file = join(folder, `${lang}-${actor}.pdf`);
        writeFileSync(file, await tab.pdf({ format: "A4", printBackground: false, preferCSSPageSize: true }));
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
        longest = Math.max(longest, pages);
        if (pages !== 1) fail(`/${lang}/${actor}/ prints on ${pages} pages`);
        const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
        const navigation = await tab.$eval(".site-footer a[type='application/json']", (a) => a.textContent);
        if (text.includes(navigation)) fail(`/${lang}/${actor}/ prints the site's navigation`);
      }
    }
    console.log(`print: ${actors.length * 3} actor pages (de, de-x-ls, ar), at most ${longest} page(s) each`);
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (failures) {
  console.error(`phone: ${failures} failures`);
  process.exit(1);
}
console.log("phone: no sideways scrolling, tokens on one line, tap targets ≥ 44 px, offline and print work");
