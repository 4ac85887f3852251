// The e2e runner's and the bench's browser search (scripts/findBrowser.mjs): the order CHROMIUM_PATH → system browser →
// the Chromium shipped in @sparticuz/chromium (Linux x64 only), and the message when there is none. Run by node --test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findBrowser, NoBrowserError, systemBrowserPaths } from "../../scripts/findBrowser.mjs";

const packaged = async () => ({ launch: { executablePath: "/tmp/chromium", env: {} }, source: "@sparticuz/chromium 138" });
const none = () => false;
const only = (...paths) => (p) => paths.includes(p);

test("CHROMIUM_PATH comes first", async () => {
  const r = await findBrowser({ env: { CHROMIUM_PATH: "/opt/c/chrome" }, platform: "linux", arch: "x64", exists: only("/opt/c/chrome", "/usr/bin/chromium"), packaged });
  assert.equal(r.launch.executablePath, "/opt/c/chrome");
});

test("a CHROMIUM_PATH naming no file is an error, not a silent fallback", async () => {
  await assert.rejects(findBrowser({ env: { CHROMIUM_PATH: "/nope" }, platform: "linux", arch: "x64", exists: only("/usr/bin/chromium"), packaged }), (e) => e instanceof NoBrowserError && /CHROMIUM_PATH/.test(e.message));
});

test("a system browser comes before the packaged one on Linux", async () => {
  const r = await findBrowser({ env: {}, platform: "linux", arch: "x64", exists: only("/usr/bin/google-chrome"), packaged });
  assert.equal(r.launch.executablePath, "/usr/bin/google-chrome");
});

test("Linux x64 without a system browser uses the packaged Chromium with its environment", async () => {
  const r = await findBrowser({ env: {}, platform: "linux", arch: "x64", exists: none, packaged });
  assert.equal(r.launch.executablePath, "/tmp/chromium");
  assert.match(r.source, /sparticuz/);
  assert.ok(r.launch.args.includes("--headless"));
});

test("Windows: Chrome or Edge under Program Files, else playwright's channels", async () => {
  const env = { PROGRAMFILES: "C:\\Program Files", "PROGRAMFILES(X86)": "C:\\Program Files (x86)" };
  const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
  assert.ok(systemBrowserPaths("win32", env).includes(edge));
  const r = await findBrowser({ env, platform: "win32", arch: "x64", exists: only(edge), packaged });
  assert.equal(r.launch.executablePath, edge);
  const c = await findBrowser({ env, platform: "win32", arch: "x64", exists: none, packaged });
  assert.equal(c.launch.channel, "chrome");
  assert.deepEqual(c.fallbackChannels, ["msedge"]);
});

test("macOS: the Chrome app bundle", async () => {
  const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
  const r = await findBrowser({ env: {}, platform: "darwin", arch: "arm64", exists: only(chrome), packaged });
  assert.equal(r.launch.executablePath, chrome);
});

test("no browser: a Chinese and English message naming the three ways", async () => {
  for (const [platform, arch, pkg] of [["linux", "arm64", packaged], ["linux", "x64", async () => null]]) {
    await assert.rejects(findBrowser({ env: {}, platform, arch, exists: none, packaged: pkg }), (e) => {
      assert.ok(e instanceof NoBrowserError);
      for (const s of ["CHROMIUM_PATH", "apt-get install -y chromium", "@sparticuz/chromium", "找不到可用的浏览器", "No browser found"]) assert.ok(e.message.includes(s), s);
      return true;
    });
  }
});
