// Gates in headless Chromium:
// - axe-core reports no WCAG 2.1 A/AA violations on every page type in an LTR and an RTL language;
// - no page requests anything from another host;
// - the search works: typing a word lists matching actors, in German and in Arabic.
// Usage: node axe.mjs <site-dir> <ltr-lang> <rtl-lang>
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const [site, ltr = "de", rtl = "ar"] = process.argv.slice(2);
if (!site) {
  console.error("usage: node axe.mjs <site-dir> [ltr-lang] [rtl-lang]");
  process.exit(2);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

function firstDir(path) {
  return readdirSync(join(site, path), { withFileTypes: true }).find((e) => e.isDirectory()).name;
}
const actor = readdirSync(join(site, ltr), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !["topic", "group", "a-z"].includes(e.name))
  .map((e) => e.name)
  .find((name) => readdirSync(join(site, ltr, name)).includes("contact.vcf"));
const page = readdirSync(join(site, ltr), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .find((name) => !readdirSync(join(site, ltr, name)).includes("contact.vcf") && !["topic", "group", "a-z"].includes(name));

const paths = ["/", "/404.html"];
for (const lang of [ltr, rtl]) {
  paths.push(
    `/${lang}/`,
    `/${lang}/${actor}/`,
    `/${lang}/topic/${firstDir(`${lang}/topic`)}/`,
    `/${lang}/group/${firstDir(`${lang}/group`)}/`,
    `/${lang}/a-z/`,
  );
  if (page) paths.push(`/${lang}/${page}/`);
}

const { server, origin } = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failures = 0;
const fail = (message) => {
  failures += 1;
  console.error(`FAIL ${message}`);
};
try {
  for (const viewport of [{ width: 320, height: 740 }, { width: 1280, height: 900 }]) {
    const context = await browser.newContext({ viewport });
    const foreign = [];
    context.on("request", (request) => {
      if (!request.url().startsWith(origin)) foreign.push(request.url());
    });
    const tab = await context.newPage();
    for (const path of paths) {
      await tab.goto(origin + path, { waitUntil: "networkidle" });
      await tab.addScriptTag({ content: axeSource });
      const result = await tab.evaluate(() =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
      );
      for (const violation of result.violations) {
        fail(`${path} (${viewport.width}px): ${violation.id} – ${violation.help}: ${violation.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      }
      console.log(`axe ${path} @${viewport.width}px: ${result.violations.length} violations, ${result.passes.length} rules passed`);
    }
    for (const url of foreign) fail(`request to another host: ${url}`);
    await context.close();
  }

  const tab = await browser.newPage();
  for (const [lang, query] of [[ltr, "Deutsch"], [rtl, "Deutsch"]]) {
    await tab.goto(`${origin}/${lang}/`, { waitUntil: "networkidle" });
    await tab.fill("input[type=search]", query);
    await tab.waitForSelector(".search-results li", { timeout: 5000 }).catch(() => null);
    const hits = await tab.$$eval(".search-results li a", (links) => links.map((a) => a.getAttribute("href")));
    if (hits.length === 0) fail(`search for "${query}" on /${lang}/ found nothing`);
    else {
      const response = await tab.goto(new URL(hits[0], `${origin}/${lang}/`).href);
      if (!response.ok()) fail(`search result link ${hits[0]} on /${lang}/ is broken`);
      console.log(`search /${lang}/ "${query}": ${hits.length} results`);
    }
  }
  for (const lang of [ltr, rtl]) {
    await tab.goto(`${origin}/${lang}/`, { waitUntil: "networkidle" });
    await tab.selectOption("#finder-group", { index: 1 });
    await tab.waitForFunction(() => document.querySelector(".finder-status").textContent !== "", null, { timeout: 5000 }).catch(() => null);
    const found = await tab.$$eval(".finder-results li", (items) => items.length);
    if (found === 0) fail(`the finder on /${lang}/ lists nothing for the first target group`);
    else console.log(`finder /${lang}/: ${found} actors for the first target group`);
  }
} finally {
  await browser.close();
  server.close();
}
if (failures) {
  console.error(`axe: ${failures} failures`);
  process.exit(1);
}
console.log("axe: 0 violations, no requests to other hosts, search and finder work");
