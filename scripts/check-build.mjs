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
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
fs.writeFileSync(path.join(root, "test-results", "bundle.json"), JSON.stringify({ initialRaw: raw, initialGzip: gz, lazyChunks, lazyGzip: lazyGz, separate }, null, 2));
console.log(`\nbuild checks: ${1 + checks - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
