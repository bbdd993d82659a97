// Renders the screenshots in docs/images from a built site, in headless Chromium.
// Usage: node screenshots.mjs <site-dir> <images-dir>
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const [site, images] = process.argv.slice(2);
if (!site || !images) {
  console.error("usage: node screenshots.mjs <site-dir> <images-dir>");
  process.exit(2);
}
const SHOTS = [
  ["startseite.png", "/de/", 414, 900],
  ["steckbrief-de.png", "/de/jobcenter-merzig/", 414, 1100],
  ["steckbrief-ar.png", "/ar/jobcenter-merzig/", 414, 900],
  ["steckbrief-leichte-sprache.png", "/de-x-ls/jobcenter-merzig/", 414, 1100],
  ["a-z.png", "/de/a-z/", 1024, 700],
];
const { server, origin } = await serve(site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const [file, path, width, height] of SHOTS) {
    const tab = await browser.newPage({ viewport: { width, height }, serviceWorkers: "block" });
    await tab.goto(origin + path, { waitUntil: "networkidle" });
    await tab.screenshot({ path: join(images, file) });
    await tab.close();
    console.log(`${file}: ${path} at ${width}×${height}`);
  }
} finally {
  await browser.close();
  server.close();
}
