// End-to-end tests: playwright-core drives Chromium (found by scripts/findBrowser.mjs) against the built harness (dist/)
// served on 127.0.0.1.
// Every scenario fails if the page requests anything off localhost, and no such request reaches the network: the context
// aborts them all. The one deliberate exception: a test module may name, per test, exact off-origin URLs it intercepts
// itself (`options[name].allowOffsite`, e.g. the task pane's office.js, to block it or stand in for Office); those are
// not counted, and still never leave the machine. Screenshots go to test-results/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import assert from "node:assert/strict";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { launchBrowser, NoBrowserError } from "../../scripts/findBrowser.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const dist = path.join(root, "dist");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });

if (!fs.existsSync(path.join(dist, "harness.html"))) {
  console.error("dist/harness.html 不存在，请先运行 npm run build。");
  process.exit(1);
}

const only = process.argv[2];
const files = fs.readdirSync(here).filter((f) => f.endsWith(".e2e.mjs") && (!only || f.includes(only))).sort();
const { server, url } = await serve(dist);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-chromium-"));
// A fresh profile directory every run (playwright's own launch uses a new temporary profile; we pin where it lives).
process.env.TMPDIR = userDataDir;
const { browser, source } = await launchBrowser(chromium).catch((e) => {
  if (!(e instanceof NoBrowserError)) throw e;
  console.error(e.message);
  server.close();
  process.exit(1);
});
if (process.env.TIGANG_BARE && !/sparticuz/.test(source)) {
  console.error(`test:bare 应使用 npm 包自带的 Chromium，实际是 ${source}`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
for (const file of files) {
  const mod = await import(pathToFileURL(path.join(here, file)).href);
  for (const [name, fn] of Object.entries(mod.tests)) {
    const { allowOffsite = [], userAgent } = mod.options?.[name] ?? {};
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "zh-CN", ...(userAgent ? { userAgent } : {}) });
    const isOffsite = (u) => !["127.0.0.1", "localhost"].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol);
    await context.route((u) => isOffsite(u), (route) => route.abort("blockedbyclient"));
    const page = await context.newPage();
    const offsite = [];
    const consoleErrors = [];
    page.on("request", (req) => {
      if (isOffsite(new URL(req.url())) && !allowOffsite.includes(req.url())) offsite.push(req.url());
    });
    page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && consoleErrors.push(m.text()));
    page.on("response", (r) => r.status() >= 400 && !/favicon\.ico$/.test(r.url()) && consoleErrors.push(`HTTP ${r.status()} ${r.url()}`));
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    const started = Date.now();
    try {
      await fn({ page, url, assert, screenshot: (n) => page.screenshot({ path: path.join(results, `${n}.png`), fullPage: false }) });
      assert.deepEqual(offsite, [], "页面请求了 localhost 以外的地址");
      assert.deepEqual(consoleErrors, [], "页面有脚本错误");
      passed++;
      console.log(`  ✓ ${file} › ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✕ ${file} › ${name}\n    ${String(e?.stack ?? e).split("\n").slice(0, 6).join("\n    ")}`);
      await page.screenshot({ path: path.join(results, `FAILED-${file}-${name}.png`.replace(/[^\w.\-\u4e00-\u9fff]+/g, "_")) }).catch(() => {});
    } finally {
      await context.close();
    }
  }
}
await browser.close();
server.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
