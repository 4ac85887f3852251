// Finds a Chromium-family browser for the e2e tests and the bench, in this order:
//   1. CHROMIUM_PATH, when set (an error if it names no file);
//   2. a system Chromium, Chrome or Edge in its usual places on Linux, Windows and macOS (on Windows and macOS also
//      playwright-core's channels "chrome" and "msedge", which look in the same places);
//   3. on Linux x64 only, the Chromium that ships inside the npm package @sparticuz/chromium (a devDependency; 138.x,
//      whose engines field accepts Node 20). Its executablePath() unpacks the browser to the temp folder; the package
//      unpacks its own NSS/NSPR libraries (bin/al2023.tar.br) only on Amazon Linux 2023, so they are unpacked here and
//      put on LD_LIBRARY_PATH for the browser process: it then runs on a machine without the system's NSS.
// Returns playwright-core launch options ({ executablePath } or { channel }, plus env) and where it came from.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export class NoBrowserError extends Error {}

/** Usual install places of Chromium, Chrome and Edge on this platform. */
export function systemBrowserPaths(platform = process.platform, env = process.env) {
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((r) => [
      path.win32.join(r, "Google", "Chrome", "Application", "chrome.exe"),
      path.win32.join(r, "Microsoft", "Edge", "Application", "msedge.exe"),
      path.win32.join(r, "Chromium", "Application", "chrome.exe"),
    ]);
  }
  if (platform === "darwin") {
    return [
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
    ];
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/usr/bin/microsoft-edge", "/usr/bin/microsoft-edge-stable", "/snap/bin/chromium"];
}

export const NOT_FOUND_MESSAGE = [
  "找不到可用的浏览器（Chromium、Chrome 或 Edge），端到端测试无法运行。任选其一：",
  "  1. 设置环境变量 CHROMIUM_PATH 为浏览器可执行文件的路径；",
  "  2. 安装 Chromium、Chrome 或 Edge（Debian/Ubuntu：apt-get install -y chromium fonts-noto-cjk）；",
  "  3. 在 Linux x64 上运行 npm install，使用开发依赖 @sparticuz/chromium 自带的 Chromium。",
  "No browser found (Chromium, Chrome or Edge) for the end-to-end tests. Either:",
  "  1. set CHROMIUM_PATH to a browser executable;",
  "  2. install Chromium, Chrome or Edge (Debian/Ubuntu: apt-get install -y chromium fonts-noto-cjk);",
  "  3. on Linux x64, run npm install: the devDependency @sparticuz/chromium ships a Chromium.",
].join("\n");

/** Unpacks the package's NSS/NSPR libraries (a brotli-compressed tar) once; returns their folder. */
function unpackPackagedLibraries(binDir) {
  const dest = path.join(os.tmpdir(), "tigang-chromium-al2023");
  const lib = path.join(dest, "al2023", "lib");
  if (fs.existsSync(path.join(lib, ".complete"))) return lib;
  fs.mkdirSync(dest, { recursive: true });
  const tar = zlib.brotliDecompressSync(fs.readFileSync(path.join(binDir, "al2023.tar.br")));
  const r = spawnSync("tar", ["-x", "-C", dest], { input: tar });
  if (r.status !== 0) throw new Error(`解压 al2023.tar.br 失败：${r.stderr}`);
  // The archive holds lib/ at its top or under al2023/: accept both.
  if (!fs.existsSync(lib)) {
    fs.mkdirSync(path.dirname(lib), { recursive: true });
    fs.renameSync(path.join(dest, "lib"), lib);
  }
  fs.writeFileSync(path.join(lib, ".complete"), "");
  return lib;
}

async function packagedChromium() {
  let pkgDir;
  try {
    // The package's exports field hides package.json: resolve its entry and walk up to the package folder.
    pkgDir = path.dirname(require.resolve("@sparticuz/chromium"));
    const isRoot = (d) => fs.existsSync(path.join(d, "package.json")) && JSON.parse(fs.readFileSync(path.join(d, "package.json"), "utf8")).name === "@sparticuz/chromium";
    while (!isRoot(pkgDir)) {
      if (path.dirname(pkgDir) === pkgDir) return null;
      pkgDir = path.dirname(pkgDir);
    }
  } catch {
    return null;
  }
  const { default: chromium } = await import("@sparticuz/chromium");
  const executablePath = await chromium.executablePath();
  const lib = unpackPackagedLibraries(path.join(pkgDir, "bin"));
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
  return {
    launch: { executablePath, env: { ...process.env, LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":") } },
    source: `@sparticuz/chromium ${version}（npm 包自带 / shipped in the npm package）`,
  };
}

/**
 * Launch options for playwright-core's chromium.launch (args included), and a line saying which browser it is.
 * `exists` and `platform` are for tests. Throws NoBrowserError with NOT_FOUND_MESSAGE when there is none.
 */
export async function findBrowser({ env = process.env, platform = process.platform, arch = process.arch, exists = fs.existsSync, packaged = packagedChromium } = {}) {
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH)) throw new NoBrowserError(`CHROMIUM_PATH 指向的文件不存在：${env.CHROMIUM_PATH}\nCHROMIUM_PATH names no file: ${env.CHROMIUM_PATH}`);
    return { launch: { executablePath: env.CHROMIUM_PATH, args: CHROMIUM_ARGS }, source: `CHROMIUM_PATH=${env.CHROMIUM_PATH}` };
  }
  const system = systemBrowserPaths(platform, env).find((p) => exists(p));
  if (system) return { launch: { executablePath: system, args: CHROMIUM_ARGS }, source: `系统浏览器 / system browser ${system}` };
  if (platform === "win32" || platform === "darwin") {
    // Not found in the usual places: let playwright look for Chrome, then Edge, where it knows they install.
    return { launch: { channel: "chrome", args: CHROMIUM_ARGS }, fallbackChannels: ["msedge"], source: "playwright channel chrome / msedge" };
  }
  if (platform === "linux" && arch === "x64") {
    const found = await packaged();
    if (found) return { launch: { ...found.launch, args: CHROMIUM_ARGS }, source: found.source };
  }
  throw new NoBrowserError(NOT_FOUND_MESSAGE);
}

/** Launches the browser that findBrowser finds: { browser, source }. Prints which one; throws NoBrowserError (its message in Chinese and English) when there is none. */
export async function launchBrowser(chromium, { log = console.log } = {}) {
  const found = await findBrowser();
  log(`浏览器 / browser: ${found.source}`);
  // The browser found first, then (where it was only a guess) playwright's installed channels in turn.
  const attempts = [{ launch: found.launch, source: found.source }, ...(found.fallbackChannels ?? []).map((channel) => ({ launch: { ...found.launch, channel }, source: `playwright channel ${channel}` }))];
  let firstError;
  for (const a of attempts) {
    try {
      return { browser: await chromium.launch(a.launch), source: a.source };
    } catch (e) {
      firstError ??= e;
    }
  }
  if (found.fallbackChannels) throw new NoBrowserError(NOT_FOUND_MESSAGE);
  throw firstError;
}
