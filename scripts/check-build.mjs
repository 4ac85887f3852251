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

export { initialScripts } from "./bundleSize.mjs";
const { scripts, raw, gzip: gz, lazyChunks, lazyGzip: lazyGz } = measureBundle(dist);
if (!scripts.length) {
  console.error("✕ taskpane.html 中找不到脚本标签，无法计算首屏体积");
  process.exit(1);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const line = `任务窗格首屏 JavaScript：${kb(raw)}，gzip ${kb(gz)}（预算 ${kb(budgets.taskpaneInitialJsGzipBytes)}）；按需加载的分块 ${lazyChunks} 个，共 gzip ${kb(lazyGz)}`;
if (gz > budgets.taskpaneInitialJsGzipBytes) {
  failed++;
  console.error(`✕ ${line}——超出预算`);
} else console.log(`✓ ${line}`);
// The lexicon is its own lazy chunk (webpackChunkName "lexicon"), fetched on the first 检查.
const { gzipSync } = await import("node:zlib");
const lexiconChunk = fs.readdirSync(dist).find((f) => /^lexicon\..*\.js$/.test(f));
const lexiconGzip = lexiconChunk ? gzipSync(fs.readFileSync(path.join(dist, lexiconChunk))).length : 0;
const lexLine = `词库分块 ${lexiconChunk ?? "（未找到）"}：gzip ${kb(lexiconGzip)}（预算 ${kb(budgets.lexiconChunkGzipBytes)}）`;
if (!lexiconChunk || lexiconGzip > budgets.lexiconChunkGzipBytes) {
  failed++;
  console.error(`✕ ${lexLine}${lexiconChunk ? "——超出预算" : ""}`);
} else console.log(`✓ ${lexLine}`);
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
fs.writeFileSync(path.join(root, "test-results", "bundle.json"), JSON.stringify({ initialRaw: raw, initialGzip: gz, lazyChunks, lazyGzip: lazyGz }, null, 2));
console.log(`\nbuild checks: ${3 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
