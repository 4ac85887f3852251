// Benchmark of snippet search: median and p95 time per query for ~50 queries over the shipped library (1×) and a 10× library.
// Usage: node scripts/bench-snippets.mjs [--json] [--check]. Loads src/ through an in-memory swc transpile (no build step).
// --check exits 1 when the 10× median exceeds bench/budgets.json snippetSearchMedianMs10x.
import fs from "node:fs";
import { createRequire } from "node:module";
import { registerTs } from "./ts-require.mjs";

registerTs();
const require = createRequire(import.meta.url);
const { builtinSnippets } = require("../src/core/snippets/library.ts");
const { pinyinFromIndex } = require("../src/core/snippets/pinyinCodec.ts");
const { pinyinWith, snippetTexts } = require("../src/core/snippets/pinyin.ts");
const { createSearchIndex, search } = require("../src/core/snippets/search.ts");
const precomputed = require("../src/data/snippets/pinyin-index.json");
const pinyinPro = require("pinyin-pro");

const QUERIES = [
  // Chinese substrings of various lengths and frequencies
  "理想信念", "主体责任", "责任", "党", "整改", "担当作为", "形式主义", "为民服务", "民主集中制", "学习", "巡视", "照单全收",
  "对照检查", "政治站位", "长效机制", "两个维护", "以上", "思想根源", "一岗双责", "谈心谈话",
  // full pinyin, whole and cut short
  "lixiangxinnian", "lixiang", "zhuti", "zhutizeren", "zhenggai", "dandang", "xingshizhuyi", "xuexi", "lixiangx", "zhengzhizhanwei", "xunshi",
  // initials
  "lxxn", "ztzr", "zg", "ddzw", "xszy", "mzjzz", "zzzw", "tzgt", "cjzs", "x", "z",
  // syllable prefixes
  "lixxn", "zhutzr", "zhengzzw",
  // nothing / odd input
  "qqqqq", "zzzzzzzzzzzzzzzz", "理想 担当", "  ", "ＬＸＸＮ", "xi'an",
];
const CONTEXTS = [
  {},
  { role: "causes", type: "personal-review", favorites: new Set(["r-0100", "r-0200"]), recent: ["r-0300", "r-0100"] },
  { role: "requirements", type: "speech-guidance" },
];

function tenfold(base) {
  const out = [...base];
  for (let k = 1; k < 10; k++) {
    for (const s of base) {
      // Rotate the clauses so texts differ while staying realistic Chinese.
      const parts = s.text.split(/(?<=[，；。])/);
      const r = parts.length > 1 ? k % parts.length : 0;
      const text = parts.slice(r).concat(parts.slice(0, r)).join("") + (r === 0 ? `（${k}）` : "");
      out.push({ ...s, id: `${s.id}-x${k}`, text });
    }
  }
  return out;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function bench(label, snippets, pinyinOf) {
  const t0 = performance.now();
  const index = createSearchIndex(snippets, pinyinOf);
  const build = performance.now() - t0;
  const perQuery = [];
  const reps = 15;
  for (const q of QUERIES) {
    for (const ctx of CONTEXTS) {
      for (let w = 0; w < 3; w++) search(index, q, ctx);
      const times = [];
      for (let r = 0; r < reps; r++) {
        const t = performance.now();
        search(index, q, ctx);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      perQuery.push({ q, ctx: ctx.role ?? "-", ms: times[reps >> 1] });
    }
  }
  const sorted = perQuery.map((x) => x.ms).sort((a, b) => a - b);
  const slowest = [...perQuery].sort((a, b) => b.ms - a.ms).slice(0, 3);
  return {
    label,
    snippets: snippets.length,
    buildMs: +build.toFixed(1),
    queries: perQuery.length,
    medianMs: +percentile(sorted, 0.5).toFixed(3),
    p95Ms: +percentile(sorted, 0.95).toFixed(3),
    maxMs: +sorted[sorted.length - 1].toFixed(3),
    slowest: slowest.map((s) => `${s.q}@${s.ctx} ${s.ms.toFixed(3)}ms`),
  };
}

const base = [...builtinSnippets()];
const big = tenfold(base);
const computed = pinyinWith(pinyinPro);
const fromIndex = pinyinFromIndex(precomputed);
// The 10× texts are not in the shipped index: compute their pinyin before timing the index build.
const bigPinyin = new Map(snippetTexts(big).map((t) => [t, fromIndex(t) ?? computed(t)]));
const results = [bench("1×", base, fromIndex), bench("10×", big, (t) => bigPinyin.get(t))];
if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
else {
  console.log(`snippet search: ${QUERIES.length} queries × ${CONTEXTS.length} contexts, median of 15 runs each (node ${process.version})`);
  for (const r of results) {
    console.log(`${r.label.padEnd(4)} ${String(r.snippets).padStart(6)} snippets  index build ${r.buildMs} ms  median ${r.medianMs} ms  p95 ${r.p95Ms} ms  max ${r.maxMs} ms`);
    console.log(`     slowest: ${r.slowest.join(", ")}`);
  }
}

if (process.argv.includes("--check")) {
  const budget = JSON.parse(fs.readFileSync(new URL("../bench/budgets.json", import.meta.url), "utf8")).snippetSearchMedianMs10x;
  const median = results[1].medianMs;
  console.log(`短语检索（10× 短语库）中位数 ${median} ms，预算 ${budget} ms`);
  if (median > budget) process.exitCode = 1;
}
