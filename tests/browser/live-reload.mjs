// Live reload of `steckbrief serve` in headless Chromium: open tabs (an actor page and A–Z) reload
// by themselves after a save and show the edit; a save that breaks the content shows the errors
// as an overlay while the last good build stays; the fix reloads the tabs without the overlay.
// Usage: node live-reload.mjs <steckbrief-binary> <content-dir> (a copy of the content is edited)
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const [binary, content] = process.argv.slice(2);
if (!binary || !content) {
  console.error("usage: node live-reload.mjs <steckbrief-binary> <content-dir>");
  process.exit(2);
}
const root = join(mkdtempSync(join(tmpdir(), "steckbrief-live-")), "site");
cpSync(content, root, { recursive: true });
const server = spawn(binary, ["serve", "--port", "0", "--root", root], {
  env: { ...process.env, LC_ALL: "en_US.UTF-8", NO_COLOR: "1" },
  stdio: ["ignore", "pipe", "ignore"],
});
const lines = createInterface({ input: server.stdout });
const port = await new Promise((resolve, reject) => {
  lines.once("line", (line) => {
    const match = line.match(/127\.0\.0\.1:(\d+)/);
    if (match) resolve(Number(match[1]));
    else reject(new Error(`serve printed ${line}`));
  });
});
lines.on("line", () => {});
const origin = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failures = 0;
const fail = (message) => {
  failures += 1;
  console.error(`FAIL ${message}`);
};
// Waits until `check` (run in the page) holds; reloads by the page's own script only.
async function until(page, what, check, arg) {
  try {
    await page.waitForFunction(check, arg, { timeout: 20000, polling: 50 });
  } catch {
    fail(`${page.url()}: ${what}`);
  }
}
const heading = (text) => document.querySelector("h1")?.textContent === text;
const listed = (text) => [...document.querySelectorAll(".cards h3, .cards h2")].some((h) => h.textContent.includes(text));

try {
  const context = await browser.newContext();
  const actor = await context.newPage();
  const az = await context.newPage();
  await actor.goto(`${origin}/de/beratung-a/`);
  await az.goto(`${origin}/de/a-z/`);
  await until(actor, "the actor page before the save", heading, "Beratungsstelle A");
  await until(az, "A–Z before the save", listed, "Beratungsstelle A");
  // The script that listens for rebuilds has connected once the page has loaded.
  await actor.waitForLoadState("load");
  await az.waitForLoadState("load");

  const profile = join(root, "actors/beratung-a/profile.yaml");
  const text = readFileSync(profile, "utf8");
  writeFileSync(profile, text.replace("name: Beratungsstelle A", "name: Beratungsstelle Alpha"));
  await until(actor, "the edited name after the save, without reloading by hand", heading, "Beratungsstelle Alpha");
  await until(az, "A–Z follows the save", listed, "Beratungsstelle Alpha");

  writeFileSync(profile, text.replace("name: Beratungsstelle A", "name: Beratungsstelle B\nadress: x"));
  await until(actor, "the errors of a broken save as an overlay", () => {
    const overlay = document.getElementById("steckbrief-errors");
    return overlay?.getAttribute("role") === "alert" && overlay.textContent.includes("adress");
  });
  if ((await actor.textContent("h1")) !== "Beratungsstelle Alpha") fail("the last good build stays under the overlay");

  writeFileSync(profile, text);
  await until(actor, "the fix reloads the page without the overlay", (name) => {
    return document.querySelector("h1")?.textContent === name && !document.getElementById("steckbrief-errors");
  }, "Beratungsstelle A");
  await until(az, "A–Z after the fix", listed, "Beratungsstelle A");
} finally {
  await browser.close();
  server.kill();
  rmSync(join(root, ".."), { recursive: true, force: true });
}
if (failures) {
  console.error(`${failures} live-reload checks failed`);
  process.exit(1);
}
console.log("live reload: tabs follow saves, broken saves show the overlay, fixes clear it");
