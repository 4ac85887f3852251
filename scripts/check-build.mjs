// After `npm run build`: the offline manifest check against the emitted files, and the task pane's initial JavaScript budget.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { measureBundle } from "./bundleSize.mjs";

const require = createRequire(import.meta.url);
const { checkManifest } = require("./manifest.cjs");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const budgets = JSON.parse(fs.readFileSync(path.join(root, "bench", "budgets.json"), "utf8"));
let failed = 0;

const baseUrl = process.env.ADDIN_URL || "https://localhost:3000";
const problems = checkManifest(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8"), { baseUrl, distDir: dist });
if (problems.length) {
  failed++;
  console.error("✕ manifest.xml 检查未通过：\n  " + problems.join("\n  "));
} else console.log("✓ manifest.xml：XML 有效，必需元素齐全，所有图标与页面地址都指向构建产物");

// The intranet build (OFFICE_JS=local) serves office.js itself and allows scripts from itself only.
{
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const local = process.env.OFFICE_JS === "local";
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
  const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1].trim() ?? "";
  const problems = [];
  // The bootstrap taskpane.html loads must stay ES5 (IE11/EdgeHTML show its message instead of a white pane).
  const boot = /<script src="?(bootstrap\.[0-9a-f]+\.js)"?>/.exec(html)?.[1];
  if (!boot || !fs.existsSync(path.join(dist, boot))) problems.push("taskpane.html 未加载 ES5 引导脚本 bootstrap.*.js");
  else {
    try {
      require("acorn").parse(fs.readFileSync(path.join(dist, boot), "utf8"), { ecmaVersion: 5, sourceType: "script" });
    } catch (e) {
      problems.push(`${boot} 不是 ES5：${e.message}`);
    }
  }
  if (local) {
    if (!/<script src="?office-js\/office\.js"?>/.test(html)) problems.push("taskpane.html 未引用 office-js/office.js");
    if (!fs.existsSync(path.join(dist, "office-js", "office.js"))) problems.push("dist/office-js/office.js 不存在");
    if (!fs.existsSync(path.join(dist, "office-js", "word-win32-16.01.js"))) problems.push("dist/office-js/ 缺少 Word 的宿主脚本 word-win32-16.01.js");
    if (scriptSrc !== "'self'") problems.push(`script-src 应只有 'self'，实际为 ${scriptSrc}`);
    if (/appsforoffice|aspnetcdn/.test(html)) problems.push("taskpane.html 仍引用微软网站");
  } else if (!/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/.test(html)) problems.push("taskpane.html 未引用 office.js");
  if (problems.length) {
    failed++;
    console.error("✕ office.js：\n  " + problems.join("\n  "));
  } else console.log(local ? "✓ 引导脚本为 ES5；office.js：内网版，dist/office-js/ 自带 office.js，CSP 只允许本站脚本" : "✓ 引导脚本为 ES5；office.js：从 appsforoffice.microsoft.com 加载");
}
// The year's points ship as a file of their own (the pane fetches it; an office may replace it on its server).
const focusSrc = fs.readFileSync(path.join(root, "src", "data", "outlines", "year-focus.json"));
const focusOut = path.join(dist, "year-focus.json");
if (!fs.existsSync(focusOut) || !fs.readFileSync(focusOut).equals(focusSrc)) {
  failed++;
  console.error("✕ dist/year-focus.json 缺失或与 src/data/outlines/year-focus.json 不一致");
} else console.log("✓ dist/year-focus.json：年度重点文件已随构建发布");

export { initialScripts } from "./bundleSize.mjs";
const { scripts, raw, gzip: gz, lazyChunks, lazyGzip: lazyGz, separate } = measureBundle(dist);
if (!scripts.length) {
  console.error("✕ taskpane.html 中找不到脚本标签，无法计算首屏体积");
  process.exit(1);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
let checks = 0;
/** One size budget: a ✓ line, or a ✕ line and a failure. */
function budget(label, size, limit) {
  checks++;
  const line = `${label}：gzip ${kb(size)}（预算 ${kb(limit)}）`;
  if (size > limit) {
    failed++;
    console.error(`✕ ${line}——超出预算`);
  } else console.log(`✓ ${line}`);
}
budget(`任务窗格首屏 JavaScript（原始 ${kb(raw)}）`, gz, budgets.taskpaneInitialJsGzipBytes);
budget(`任务窗格按需加载的分块（${lazyChunks} 个，词库除外）`, lazyGz, budgets.taskpaneLazyJsGzipBytes);
for (const [name, size] of Object.entries(separate)) {
  const limit = budgets.chunkGzipBytes?.[name];
  if (limit === undefined) {
    failed++;
    console.error(`✕ 分块 ${name} 没有预算（bench/budgets.json chunkGzipBytes）`);
  } else budget(`分块 ${name}`, size, limit);
}
// The command line (build/, from npm install or npm run build:cli) loads its typo lexicon from the snapshot the build
// stored beside the data files, not by building it at every start (src/cli/lexiconSnapshot.ts).
{
  const cli = path.join(root, "build", "cli", "lexiconSnapshot.js");
  const r = fs.existsSync(cli) ? require(cli) : null;
  const from = r ? (await r.loadCliLexicon(), r.cliLexiconStats.from) : "missing";
  checks++;
  if (from !== "snapshot") {
    failed++;
    console.error(`✕ 命令行的词库没有从构建保存的快照加载（${from}）：请运行 npm run build:cli / the CLI lexicon did not load from the stored snapshot`);
  } else console.log(`✓ 命令行词库从构建保存的快照加载（${Math.round(r.cliLexiconStats.ms)} ms）/ the CLI lexicon loads from the stored snapshot`);
}
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
fs.writeFileSync(path.join(root, "test-results", "bundle.json"), JSON.stringify({ initialRaw: raw, initialGzip: gz, lazyChunks, lazyGzip: lazyGz, separate }, null, 2));
console.log(`\nbuild checks: ${2 + checks - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
