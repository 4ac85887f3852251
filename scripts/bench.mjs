// `npm run bench`: the performance benchmark. Builds what it needs (build/ always; dist/ when missing or older than the
// sources), then measures
//   - parse and full check (checkDocument(parseDocument(…))) at 100, 1,000, 10,000 and 50,000 generated paragraphs:
//     median and p95 after a warm-up, and the growth of the time per paragraph from one size to the next (also per
//     rule from 10k to 50k), measured in pairs of runs so that the machine's drifting load weighs on both sizes alike;
//   - snippet search over the shipped library and ten times it (~50 queries: 汉字, full pinyin, initials, tags);
//   - context.sync per Word action at 10 and 5,000 paragraphs (the jest test test/host/syncCounts.test.ts);
//   - the task pane's initial JavaScript, raw and gzip (scripts/bundleSize.mjs);
//   - the harness's time to interactive in headless Chromium (median of 5 loads, each in a fresh browser context);
//   - the peak heap of checking 50,000 paragraphs (a child process with --expose-gc --trace-gc);
//   - the reviewing page's batch of 200 .docx through its workers against the whole `tigang check` process on the same
//     files (median of 3 each, alternating), and the page's longest main-thread task meanwhile (scripts/benchReview.mjs).
//   - the command line as a user runs it (whole processes, median of 5): `tigang check` of a batch of 200 generated
//     .docx files (multi-run paragraphs, automatic numbering, tables; scripts/bench-docx.mjs) against mammoth's
//     extractRawText over the same files in the same run; `tigang check` of 10,000- and 50,000-paragraph .docx files
//     with the process's peak RSS; `tigang --help` against `node -e 0`.
// Prints a table and writes bench/results.json. Usage: npm run bench [-- --check] [-- --quick | --report]
//   --check   exit 1 when a budget of bench/budgets.json is exceeded (named in Chinese and English);
//   --quick   fewer runs (a smoke test of the script; its numbers are not the ones to quote);
//   --report  measure nothing: print bench/results.json of the last run against the current budgets.
// Timings are noisy, so this is not part of `npm test` (which keeps the deterministic bundle size and sync counts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const build = path.join(root, "build");
const dist = path.join(root, "dist");
const self = fileURLToPath(import.meta.url);
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const QUICK = argv.includes("--quick");
const SIZES = [100, 1000, 10000, 50000];
const HEAP_SIZE = 50000;

// ---------------------------------------------------------------------------------------------------------------
// Generated documents: a personal self-review statement (个人对照检查材料) of any length, written for this benchmark.
// Three level-1 sections (问题、原因、措施), k level-2 sections each growing with the size, three numbered points per
// level-2 section, body paragraphs of 60–200 characters, and a few defects: half-width commas, XX placeholders,
// 一是/二是 runs (some skipping a number), the typo 贯切, a 1、 marker for 1. — the same mix at every size.

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN = "零一二三四五六七八九";
function chineseNumber(n) {
  if (n < 10) return CN[n];
  if (n < 100) return (n >= 20 ? CN[Math.floor(n / 10)] : "") + "十" + (n % 10 ? CN[n % 10] : "");
  const h = Math.floor(n / 100);
  const rest = n % 100;
  return CN[h] + "百" + (rest === 0 ? "" : rest < 10 ? "零" + CN[rest] : rest < 20 ? "一" + chineseNumber(rest) : chineseNumber(rest));
}

const SECTIONS = [
  {
    heading: "存在的问题",
    lead: "对照巡视反馈意见和会议主题，结合征求到的意见建议，认真查摆自身存在的问题，主要有以下几个方面。",
    subs: [
      "理论学习的深度和系统性还不够",
      "贯彻落实上级决策部署存在温差",
      "履行管党治党责任还有差距",
      "联系服务群众不够紧密",
      "工作作风还不够扎实",
      "担当作为的劲头有所减弱",
      "廉洁自律的标准还不够高",
      "调查研究不够深入",
    ],
    points: ["学习不够系统", "学用结合不够紧密", "推进落实力度不够", "抓基层打基础不够有力", "深入一线不够", "批评与自我批评辣味不足"],
  },
  {
    heading: "问题产生的原因",
    lead: "对照查摆出的问题深入反思，这些问题虽然表现在工作上，但根子还是在思想上，主要有以下几个方面的原因。",
    subs: ["理想信念有所弱化", "党性修养有所放松", "宗旨意识有所淡化", "纪律规矩意识还不够强", "政治站位还不够高", "进取精神有所减退"],
    points: ["放松了主观世界的改造", "满足于已有的经验", "对自己要求有所降低", "忽视了思想根源的剖析"],
  },
  {
    heading: "整改措施",
    lead: "针对查摆出的问题和剖析出的原因，我将坚持问题导向，细化整改措施，以实际行动推动问题整改到位。",
    subs: [
      "坚持读原著学原文，在强化理论武装上下功夫",
      "坚决贯彻决策部署，在提高执行力上下功夫",
      "扛牢主体责任，在全面从严治党上下功夫",
      "践行群众路线，在为民服务上下功夫",
      "改进工作作风，在抓落实上下功夫",
      "严守纪律规矩，在廉洁自律上下功夫",
    ],
    points: ["建立问题清单", "明确整改时限", "健全长效机制", "强化督促检查"],
  },
];

const CLAUSES = [
  "平时学习满足于读报纸、看文件，对党的创新理论的核心要义和实践要求理解不深不透",
  "有时把学习当作任务来完成，学用结合不够紧密",
  "运用理论指导实践、推动工作的能力还不够强",
  "对上级部署的重点任务，有时存在等一等、看一看的心态",
  "推进落实的力度和节奏不够快，跟踪问效不够及时",
  "深入基层调研的次数不多，听汇报多、看材料多，直接到一线解决问题少",
  "对分管领域干部的日常教育管理抓得不够紧，发现苗头性问题后提醒不够及时",
  "开展批评与自我批评时辣味不足，对自己的问题谈得多，对班子成员的问题点得少",
  "在推进重点项目时，遇到矛盾和困难有畏难情绪，主动担当、攻坚克难的劲头不够足",
  "落实中央八项规定精神的自觉性还需进一步增强，对身边工作人员要求不够严格",
  "对照巡视反馈意见逐条检视，感到自身在思想认识上还存在差距",
  "今年以来本人参加集中学习十二次，但学习成效与组织要求相比仍有不小差距",
  "下一步，我将把整改作为一项重要政治任务，建立问题清单、任务清单和责任清单",
  "坚持每月至少到基层调研两次，形成有分量的调研报告，切实把问题解决在一线",
  "严格执行民主集中制，重大事项坚持集体研究决定，自觉接受班子成员和群众监督",
  "认真对待群众反映的急难愁盼问题，建立台账、跟踪办理，做到件件有着落",
  "对新情况新问题研究不够，习惯于按老办法、老经验处理问题",
  "时刻以党章党规党纪为镜，把纪律和规矩挺在前面",
];
const ENUM = ["一是", "二是", "三是", "四是", "五是"];

function bodyParagraph(rand) {
  const target = 60 + Math.floor(rand() * 141);
  const roll = rand();
  let text = "";
  if (roll < 0.05) {
    // An enumeration run: 一是……；二是……；三是……。 (now and then skipping a number).
    const count = 2 + Math.floor(rand() * 3);
    const skip = rand() < 0.3 ? 1 + Math.floor(rand() * (count - 1)) : -1;
    const parts = [];
    for (let i = 0, n = 0; i < count; i++, n++) {
      if (i === skip) n++;
      parts.push(ENUM[Math.min(n, ENUM.length - 1)] + CLAUSES[Math.floor(rand() * CLAUSES.length)]);
    }
    text = "主要表现在：" + parts.join("；");
  }
  while (text.length < target) {
    const c = CLAUSES[Math.floor(rand() * CLAUSES.length)];
    if (text && text.length + c.length + 1 > 199) break;
    text += (text ? (rand() < 0.2 ? "；" : "，") : "") + c;
  }
  text = text.slice(0, 199) + "。";
  const defect = rand();
  if (defect < 0.06) {
    // One or two half-width commas.
    text = text.replace("，", ",");
    if (rand() < 0.4) text = text.replace("，", ",");
  } else if (defect < 0.09) text = text.includes("十二次") ? text.replace("十二次", "XX次") : "参加专题学习XX次，" + text;
  else if (defect < 0.105) text = "没有认真贯切落实各项制度，" + text;
  return text.length > 200 ? text.slice(0, 199) + "。" : text;
}

/** A realistic document of exactly `n` paragraphs (n ≥ 20), the same for the same n. */
/**
 * A heading-dense document of n paragraphs (five in six are headings: 一、 with three （一） and three 1. under it, and
 * one body paragraph): the worst case for the parser, whose work is mostly per heading.
 */
export function generateHeadingDense(n) {
  const out = [{ text: "某某同志在专题民主生活会上的个人对照检查材料" }];
  for (let i = 1; out.length < n; i++) {
    out.push({ text: `${chineseNumber(((i - 1) % 99) + 1)}、关于第${i}个方面的问题` });
    for (let j = 1; j <= 3; j++) {
      out.push({ text: `（${chineseNumber(j)}）理论学习不够深入。对新思想的学习满足于一般性了解，学用结合不够紧密。` });
      out.push({ text: `${j}.学习的系统性不强。自学时间安排得少，钻研不深。` });
    }
    out.push({ text: "对照检查中发现的问题，需要在今后的工作中认真加以解决。" });
  }
  out.length = n;
  return out;
}

export function generateDocument(n) {
  const rand = prng(0x7167 + n);
  // Title, preamble ×2, closing, and per level-1 section its heading and lead paragraph: 10 paragraphs. Each level-2
  // section: its heading and three points with about five body paragraphs each (19), in each of the three sections.
  const k = Math.max(1, Math.round((n - 10) / 57));
  const points = 3 * k * 3;
  const body = n - 10 - 3 * k - points;
  if (body < 0) throw new Error(`generateDocument: ${n} paragraphs are too few`);
  const out = [];
  const para = (text, styleBuiltIn = "Normal") => out.push({ text, style: styleBuiltIn === "Title" ? "标题" : "正文", styleBuiltIn });
  para("王某某同志在巡视整改专题民主生活会上的个人对照检查材料", "Title");
  para("按照市委关于召开巡视整改专题民主生活会的通知要求，会前我认真学习了规定篇目，通过座谈、个别谈话等方式广泛征求意见，与班子成员逐一谈心谈话。");
  para("对照巡视反馈意见和会议主题，我深入查摆问题、剖析根源、明确整改方向，现将有关情况报告如下，请同志们批评指正。");
  let point = 0;
  SECTIONS.forEach((section, si) => {
    para(`${chineseNumber(si + 1)}、${section.heading}`);
    para(section.lead);
    for (let j = 0; j < k; j++) {
      para(`（${chineseNumber(j + 1)}）${section.subs[j % section.subs.length]}`);
      for (let m = 0; m < 3; m++) {
        const marker = rand() < 0.02 ? `${m + 1}、` : `${m + 1}.`;
        para(`${marker}${section.points[(j + m) % section.points.length]}。`);
        // Spread the body paragraphs evenly over the numbered points.
        const share = Math.floor(((point + 1) * body) / points) - Math.floor((point * body) / points);
        for (let b = 0; b < share; b++) para(bodyParagraph(rand));
        point++;
      }
    }
  });
  para("以上是我的对照检查，不当之处，恳请各位同志批评指正。");
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics and formatting.

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  return { runs: s.length, median: round(percentile(s, 0.5), 3), p95: round(percentile(s, 0.95), 3), min: round(s[0], 3) };
}
function round(x, d = 1) {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
const fmt = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? "—" : x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
// Padding by display width: East Asian characters take two columns.
const width = (s) => [...String(s)].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f && c !== "…" ? 2 : 1), 0);
const pad = (s, n) => " ".repeat(Math.max(0, n - width(s))) + String(s);
const padEnd = (s, n) => String(s) + " ".repeat(Math.max(0, n - width(s)));
const gc = () => globalThis.gc?.();

function time(fn, runs, warmup) {
  for (let i = 0; i < warmup; i++) fn();
  gc();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Child: parse/check timings and snippet search (node --expose-gc scripts/bench.mjs --child timing <out.json>).

function core() {
  return {
    parseDocument: require(path.join(build, "core/parse/parseDocument.js")).parseDocument,
    checkDocument: require(path.join(build, "core/check/engine.js")).checkDocument,
    rules: require(path.join(build, "core/check/rules/index.js")).ALL_RULES,
  };
}

/** The median over `pairs` of (one run of fn(big)) ÷ (`factor` runs of fn(small)), each pair after a collection. */
function pairedGrowth(fn, small, big, factor, pairs) {
  fn(small);
  fn(big);
  const ratios = [];
  const times = [];
  for (let i = 0; i < pairs; i++) {
    gc();
    let t0 = performance.now();
    for (let k = 0; k < factor; k++) fn(small);
    const tSmall = performance.now() - t0;
    gc();
    t0 = performance.now();
    fn(big);
    const tBig = performance.now() - t0;
    times.push(tBig);
    ratios.push(tBig / tSmall);
  }
  return { growth: round(stats(ratios).median, 2), bigMedianMs: stats(times).median };
}

/** Loads the typo lexicon as `tigang check` does, so that every check below includes it; its cost and heap. */
async function loadLexiconChild() {
  const lexicon = require(path.join(build, "core/lexicon/index.js"));
  const { loadTypoLexicon } = require(path.join(build, "core/check/rules/typo.js"));
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  await loadTypoLexicon();
  const ms = performance.now() - t0;
  gc();
  const heapMB = round((process.memoryUsage().heapUsed - heap0) / 2 ** 20, 1);
  // What tigang check does instead: the tables the build stored (build/data/lexicon/index.bin), read in place (the
  // checks below then use that lexicon, the same tables).
  const cli = require(path.join(build, "cli/lexiconSnapshot.js"));
  await cli.loadCliLexicon();
  const snapshot = { from: cli.cliLexiconStats.from, ms: round(cli.cliLexiconStats.ms, 0) };
  return { snapshot, loadIndexMs: round(ms, 0), fetchMs: round(lexicon.lexiconLoadStats.fetchMs, 0), indexMs: round(lexicon.lexiconLoadStats.indexMs, 0), words: lexicon.lexiconLoadStats.words, heapMB };
}

function timingChild() {
  const { parseDocument, checkDocument, rules } = core();
  const RUNS = { 100: [300, 50], 1000: [100, 20], 10000: [30, 5], 50000: [12, 2] };
  const sizes = [];
  const docs = new Map();
  const inputs = new Map();
  for (const n of SIZES) {
    const paragraphs = generateDocument(n);
    inputs.set(n, paragraphs);
    let [runs, warmup] = RUNS[n];
    if (QUICK) [runs, warmup] = [Math.max(3, Math.ceil(runs / 10)), 1];
    const parse = stats(time(() => parseDocument(paragraphs), runs, warmup));
    let findings = [];
    const check = stats(time(() => (findings = checkDocument(parseDocument(paragraphs))), runs, warmup));
    const byRule = {};
    for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    sizes.push({ paragraphs: n, characters: paragraphs.reduce((s, p) => s + p.text.length, 0), parse, check, findings: findings.length, findingsByRule: byRule });
    if (n === 10000 || n === 50000) docs.set(n, parseDocument(paragraphs));
  }
  // Growth: time per paragraph at one size over the size before (1 = linear). Measured in pairs so that the load of
  // the machine, which drifts, weighs on both alike: the smaller document as many times as it takes to make up the
  // larger one's paragraphs (about the same garbage too), then the larger once, each pair after a collection; the
  // growth is the median ratio.
  const pairs = QUICK ? 3 : 9;
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1], sizes[i]];
    const [pa, pb] = [inputs.get(a.paragraphs), inputs.get(b.paragraphs)];
    b.parse.growth = pairedGrowth((p) => parseDocument(p), pa, pb, b.paragraphs / a.paragraphs, pairs).growth;
    b.check.growth = pairedGrowth((p) => checkDocument(parseDocument(p)), pa, pb, b.paragraphs / a.paragraphs, pairs).growth;
  }
  // Where the check's time goes at 50k, and how each rule alone grows from 10k to 50k (in pairs, as above).
  const entry = sizes.find((x) => x.paragraphs === 50000);
  entry.ruleMedianMs = {};
  entry.ruleGrowth = {};
  for (const rule of rules) {
    const g = pairedGrowth((doc) => checkDocument(doc, {}, [rule]), docs.get(10000), docs.get(50000), 5, pairs);
    entry.ruleMedianMs[rule.meta.id] = g.bigMedianMs;
    entry.ruleGrowth[rule.meta.id] = g.growth;
  }
  const dense = generateHeadingDense(10000);
  const headingDense = { paragraphs: dense.length, headings: parseDocument(dense).flat.length, parse: stats(time(() => parseDocument(dense), QUICK ? 5 : 30, QUICK ? 1 : 5)) };
  return { sizes, headingDense, snippets: snippetBench() };
}

/**
 * The lexicon chunk in the task pane: fetch, parse and index when 检查 first runs, in headless Chromium (median of 3
 * loads, each in a fresh browser context: nothing cached), read from the harness (window.__tigang.lexicon).
 */
export async function lexiconInChromium() {
  const runs = [];
  await withChromium(async (browser, url) => {
    for (let i = 0; i < (QUICK ? 2 : 3); i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${url}/harness.html`);
      await page.getByTestId("doc-summary").filter({ hasText: "共" }).waitFor({ timeout: 30000 });
      await page.getByRole("tab", { name: "检查" }).click();
      await page.getByTestId("run-check").click();
      await page.waitForFunction(() => window.__tigang?.lexicon.loaded, null, { timeout: 60000 });
      runs.push(await page.evaluate(() => ({ ...window.__tigang.lexicon })));
      await context.close();
    }
  });
  const total = runs.map((r) => r.fetchMs + r.indexMs);
  return { runs: runs.length, medianMs: round(stats(total).median, 0), fetchMs: runs.map((r) => round(r.fetchMs, 0)), indexMs: runs.map((r) => round(r.indexMs, 0)), words: runs[0]?.words, measure: "fetch + parse of the lexicon chunk and index build, performance.now() in the page, after clicking 检查" };
}

// Snippet search (per query: warm-up, then the median of 15 runs; the
// median and p95 are over those per-query medians), with tags of the library among the queries.
const TEXT_QUERIES = [
  // 汉字
  "理想信念", "主体责任", "整改", "担当作为", "形式主义", "为民服务", "民主集中制", "学习", "巡视", "对照检查", "政治站位", "长效机制", "思想根源", "谈心谈话", "党",
  // full pinyin, whole and cut short
  "lixiangxinnian", "zhutizeren", "zhenggai", "dandangzuowei", "xingshizhuyi", "xuexi", "lixiangx", "zhengzhizhanwei", "xunshi", "changxiaojizhi",
  // initials
  "lxxn", "ztzr", "zg", "ddzw", "xszy", "mzjzz", "zzzw", "cxjz", "sxgy", "x",
  // syllable prefixes, two terms, odd input
  "lixxn", "zhutzr", "理想 担当", "整改 zr", "qqqqq", "ＬＸＸＮ",
];
const CONTEXTS = [{}, { role: "causes", type: "personal-review", favorites: new Set(), recent: [] }];

function tenfold(base) {
  const out = [...base];
  for (let k = 1; k < 10; k++) {
    for (const s of base) {
      const parts = s.text.split(/(?<=[，；。])/);
      const r = parts.length > 1 ? k % parts.length : 0;
      const text = parts.slice(r).concat(parts.slice(0, r)).join("") + (r === 0 ? `（${k}）` : "");
      out.push({ ...s, id: `${s.id}-x${k}`, text });
    }
  }
  return out;
}

function snippetBench() {
  const snippets = require(path.join(build, "core/snippets/index.js"));
  const precomputed = require(path.join(build, "data/snippets/pinyin-index.json"));
  const base = [...snippets.builtinSnippets()];
  // Tags as users type them: the eight most used tags of the library.
  const tagCount = new Map();
  for (const s of base) for (const t of s.tags ?? []) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
  const tags = [...tagCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([t]) => t);
  const queries = [...TEXT_QUERIES, ...tags];
  const big = tenfold(base);
  const fromIndex = snippets.pinyinFromIndex(precomputed);
  const computed = snippets.pinyinWith(require("pinyin-pro"));
  const pinyinOf = (t) => fromIndex(t) ?? computed(t);
  for (const t of snippets.snippetTexts(big)) pinyinOf(t); // the 10× texts are not in the shipped index: compute before timing
  const reps = QUICK ? 5 : 15;
  const run = (label, list) => {
    const t0 = performance.now();
    const index = snippets.createSearchIndex(list, pinyinOf);
    const buildMs = performance.now() - t0;
    const perQuery = [];
    for (const q of queries) {
      for (const ctx of CONTEXTS) {
        const t = time(() => snippets.search(index, q, ctx), reps, 3);
        perQuery.push({ q, ms: stats(t).median, hits: snippets.search(index, q, ctx).total });
      }
    }
    const s = stats(perQuery.map((x) => x.ms));
    const slowest = [...perQuery].sort((a, b) => b.ms - a.ms).slice(0, 3).map((x) => `${x.q} ${x.ms.toFixed(3)} ms`);
    return { label, snippets: list.length, indexBuildMs: round(buildMs, 1), queries: queries.length, contexts: CONTEXTS.length, medianMs: s.median, p95Ms: s.p95, maxMs: round(Math.max(...perQuery.map((x) => x.ms)), 3), slowest };
  };
  return { tags, results: [run("1×", base), run("10×", big)] };
}

// ---------------------------------------------------------------------------------------------------------------
// Child: peak heap of checking `n` paragraphs (node --expose-gc --trace-gc scripts/bench.mjs --child heap <n> <out.json>).
// The run is synchronous, so the heap is sampled at every garbage collection (V8's --trace-gc prints the used heap
// before each one) and between the phases; the run is framed by two forced collections (reason "testing").

function heapChild(n) {
  const { parseDocument, checkDocument } = core();
  const paragraphs = generateDocument(n);
  checkDocument(parseDocument(generateDocument(1000))); // data tables loaded and compiled before the baseline
  gc();
  gc();
  const used = () => v8.getHeapStatistics().used_heap_size;
  const baseline = used();
  const samples = [];
  const doc = parseDocument(paragraphs);
  samples.push(used());
  const findings = checkDocument(doc);
  samples.push(used());
  const retainedWith = findings.length;
  gc();
  const retained = used();
  return { paragraphs: n, baselineBytes: baseline, sampledPeakBytes: Math.max(...samples), retainedBytes: retained, findings: retainedWith };
}

function traceGcPeak(stdout) {
  // "[pid:0x…]  123 ms: Scavenge 45.2 (60.1) -> 40.1 (62.0) MB, …" — the first number is the used heap before it.
  const events = [];
  for (const line of stdout.split("\n")) {
    const m = /ms: (.+?) ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/.exec(line);
    if (m) events.push({ kind: m[1], before: Number(m[2]), after: Number(m[3]), forced: /testing/.test(line) });
  }
  const forced = events.map((e, i) => (e.forced ? i : -1)).filter((i) => i >= 0);
  // The last three forced collections: the two before the baseline, the one after the run.
  if (forced.length < 3) return null;
  const [start, end] = [forced[forced.length - 2], forced[forced.length - 1]];
  const during = events.slice(start + 1, end + 1);
  return { peakMB: Math.max(...during.map((e) => e.before)), baselineMB: events[start].after, collections: during.length - 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// The parent: build, run the parts, print, compare with the budgets.

function log(msg) {
  process.stderr.write(`· ${msg}\n`);
}

function runNode(args, { capture = false } = {}) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"], maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} 失败（退出码 ${r.status}）`);
  return r.stdout;
}

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function buildAll() {
  log("构建命令行核心 / building build/ (node scripts/build-cli.mjs)");
  runNode([path.join(root, "scripts/build-cli.mjs")], { capture: true });
  const marker = path.join(dist, "taskpane.html");
  const sources = Math.max(newestMtime(path.join(root, "src")), ...["webpack.config.js", "package.json"].map((f) => (fs.existsSync(path.join(root, f)) ? fs.statSync(path.join(root, f)).mtimeMs : 0)));
  if (!fs.existsSync(marker) || !fs.existsSync(path.join(dist, "harness.html")) || !fs.existsSync(path.join(dist, "review.html")) || fs.statSync(marker).mtimeMs < sources) {
    log("构建任务窗格 / building dist/ (npx webpack --mode production)");
    const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      process.stderr.write(r.stdout + r.stderr);
      throw new Error("webpack 构建失败 / webpack build failed");
    }
  } else log("dist/ 已是最新 / dist/ is up to date");
}

function childJson(kind, extra = [], nodeFlags = ["--expose-gc"]) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tigang-bench-")), "result.json");
  const stdout = runNode([...nodeFlags, self, "--child", kind, ...extra, out, ...(QUICK ? ["--quick"] : [])], { capture: true });
  const result = JSON.parse(fs.readFileSync(out, "utf8"));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return { result, stdout };
}

function heapBench() {
  const { result, stdout } = childJson("heap", [String(HEAP_SIZE)], ["--expose-gc", "--trace-gc"]);
  const MB = 1024 * 1024;
  const gcPeak = traceGcPeak(stdout);
  const peakBytes = Math.max(result.sampledPeakBytes, gcPeak ? gcPeak.peakMB * MB : 0);
  return {
    paragraphs: result.paragraphs,
    baselineMB: round(result.baselineBytes / MB, 1),
    peakMB: round((peakBytes - result.baselineBytes) / MB, 1),
    retainedMB: round((result.retainedBytes - result.baselineBytes) / MB, 1),
    collectionsDuringRun: gcPeak?.collections ?? null,
    method: "max(used heap before each GC during the run (--trace-gc), used_heap_size after parse and after check) − used_heap_size after forced GC before the run",
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The command line as whole processes.

const CLI_BIN = process.env.TIGANG_BENCH_BIN ? path.resolve(process.env.TIGANG_BENCH_BIN) : path.join(root, "bin", "tigang.js");

/** Run a node process; its wall time and (through a preloaded exit hook) its peak RSS. */
function timedNode(args) {
  const rssFile = path.join(os.tmpdir(), `tigang-bench-rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--require", path.join(root, "scripts", "bench-maxrss.cjs"), ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, TIGANG_BENCH_RSS: rssFile }, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.slice(0, 3).join(" ")} … 失败（退出码 ${r.status}）：${String(r.stderr).slice(0, 500)}`);
  const rssKB = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) : NaN;
  fs.rmSync(rssFile, { force: true });
  return { ms, rssMB: rssKB / 1024 };
}

/** Median wall time (and the largest peak RSS) of `runs` runs of each command, interleaved so that load drifts alike on both. */
function race(commands, runs) {
  const times = commands.map(() => []);
  const rss = commands.map(() => 0);
  for (let i = 0; i < runs; i++) {
    commands.forEach((args, k) => {
      const t = timedNode(args);
      times[k].push(t.ms);
      rss[k] = Math.max(rss[k], t.rssMB);
    });
  }
  return commands.map((_, k) => ({ ms: stats(times[k]).median, rssMB: round(rss[k], 1) }));
}

export async function cliBench() {
  const { writeDocx } = await import(pathToFileURL(path.join(root, "scripts", "bench-docx.mjs")).href);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-bench-cli-"));
  const runs = QUICK ? 2 : 5;
  try {
    const mammoth = path.join(dir, "mammoth.cjs");
    fs.writeFileSync(mammoth, `const mammoth = require(${JSON.stringify(require.resolve("mammoth"))});\n(async () => { for (const f of process.argv.slice(2)) await mammoth.extractRawText({ path: f }); })();\n`);
    // The batch: 200 documents of 70–310 paragraphs.
    const batch = [];
    let paragraphs = 0;
    let bytes = 0;
    for (let i = 0; i < 200; i++) {
      const doc = generateDocument(70 + ((i * 37) % 241));
      const data = await writeDocx(doc);
      const f = path.join(dir, `材料-${String(i + 1).padStart(3, "0")}.docx`);
      fs.writeFileSync(f, data);
      batch.push(f);
      paragraphs += doc.length;
      bytes += data.length;
    }
    const [t, m] = race([[CLI_BIN, "check", "--format", "json", ...batch], [mammoth, ...batch]], runs);
    const out = { runs, bin: path.relative(root, CLI_BIN) || CLI_BIN, batch: { files: batch.length, paragraphs, bytes, tigangMs: round(t.ms, 0), mammothMs: round(m.ms, 0), ratio: round(t.ms / m.ms, 3) }, big: {} };
    for (const n of [10000, 50000]) {
      const f = path.join(dir, `大文件-${n}.docx`);
      const data = await writeDocx(generateDocument(n));
      fs.writeFileSync(f, data);
      const [tb, mb] = race([[CLI_BIN, "check", "--format", "json", f], [mammoth, f]], n === 50000 && !QUICK ? 3 : runs);
      out.big[n] = { bytes: data.length, tigangMs: round(tb.ms, 0), peakRssMB: tb.rssMB, mammothMs: round(mb.ms, 0), mammothPeakRssMB: mb.rssMB };
    }
    const [h, z] = race([[CLI_BIN, "--help"], ["-e", "0"]], QUICK ? 3 : 9);
    out.help = { tigangMs: round(h.ms, 1), nodeMs: round(z.ms, 1), ratio: round(h.ms / z.ms, 3) };
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function syncCounts() {
  const file = path.join(root, "test-results", "sync-counts.json");
  fs.rmSync(file, { force: true });
  const r = spawnSync("npx", ["jest", "test/host/syncCounts.test.ts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (!fs.existsSync(file)) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error("jest 未写出 test-results/sync-counts.json");
  }
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  return { ...data, jestPassed: r.status === 0 };
}

/** Runs `fn(browser, url)` with headless Chromium and dist/ served on localhost (scripts/benchReview.mjs). */
async function withChromium(fn) {
  const { withServedBrowser } = await import(pathToFileURL(path.join(root, "scripts/benchReview.mjs")).href);
  return withServedBrowser(root, dist, fn);
}

async function timeToInteractive() {
  const loads = QUICK ? 3 : 5;
  const times = [];
  const wall = [];
  await withChromium(async (browser, url) => {
    // One load first to start the browser's renderer machinery, then the measured ones, each in a fresh context (cold cache).
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "zh-CN" });
      await context.addInitScript(() => {
        const done = () => {
          const el = document.querySelector('[data-testid="doc-summary"]');
          if (el && (el.textContent ?? "").includes("共")) {
            window.__tigangInteractive = performance.now();
            observer.disconnect();
          }
        };
        const observer = new MutationObserver(done);
        observer.observe(document, { subtree: true, childList: true, characterData: true });
      });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${url}/harness.html`);
      await page.getByTestId("doc-summary").filter({ hasText: "共" }).waitFor({ timeout: 30000 });
      const elapsed = Date.now() - t0;
      const inPage = await page.evaluate(() => window.__tigangInteractive);
      if (i > 0) {
        times.push(inPage ?? elapsed);
        wall.push(elapsed);
      }
      await context.close();
    }
  });
  return { loads, medianMs: round(stats(times).median, 0), p95Ms: round(stats(times).p95, 0), timesMs: times.map((t) => round(t, 0)), wallMedianMs: stats(wall).median, measure: "performance.now() in the page when [data-testid=doc-summary] first contains 共 (from navigation start)" };
}

/** Rules that take at least 5% of the full check alone: their growth counts (a smaller one cannot bend the total). */
function weightyRules(s) {
  return Object.entries(s.ruleGrowth ?? {}).filter(([id]) => s.ruleMedianMs[id] >= 0.05 * s.check.median);
}

/** The steepest growth of the time per paragraph of parse and check, from 1k to 10k and from 10k to 50k. */
function growthOf(r) {
  return Math.max(...r.parseCheck.sizes.filter((s) => s.paragraphs >= 10000).flatMap((s) => [s.parse.growth, s.check.growth]));
}

/** The steepest growth from 10k to 50k of a rule taking 5% or more of the check (an O(n²) rule grows about ×5). */
function ruleGrowthOf(r) {
  return Math.max(...r.parseCheck.sizes.filter((s) => s.ruleGrowth).flatMap((s) => weightyRules(s).map(([, g]) => g)));
}

const BUDGETS = [
  { key: "parse10kMedianMs", zh: "解析 1 万段中位数", en: "parse 10k paragraphs, median", unit: "ms", value: (r) => r.parseCheck.sizes.find((s) => s.paragraphs === 10000)?.parse.median },
  { key: "parseHeadingDense10kMedianMs", zh: "解析 1 万段（标题密集）中位数", en: "parse 10k heading-dense paragraphs, median", unit: "ms", value: (r) => r.parseCheck.headingDense?.parse.median },
  { key: "check10kMedianMs", zh: "检查 1 万段中位数", en: "check 10k paragraphs, median", unit: "ms", value: (r) => r.parseCheck.sizes.find((s) => s.paragraphs === 10000)?.check.median },
  { key: "perParagraphGrowthMax", zh: "每段耗时增长倍数（1 千→1 万→5 万段，解析与检查）", en: "time-per-paragraph growth 1k→10k→50k (parse, check)", unit: "×", value: growthOf },
  { key: "rulePerParagraphGrowthMax", zh: "单条规则每段耗时增长倍数（1 万→5 万段）", en: "time-per-paragraph growth of a rule, 10k→50k", unit: "×", value: ruleGrowthOf },
  { key: "snippetSearchMedianMs10x", zh: "短语检索中位数（10 倍短语库）", en: "snippet search median, 10× library", unit: "ms", value: (r) => r.snippets.results[1].medianMs },
  { key: "taskpaneInitialJsGzipBytes", zh: "任务窗格首屏 JavaScript（gzip）", en: "task pane initial JavaScript, gzip", unit: "B", value: (r) => r.bundle.gzip },
  { key: "taskpaneLazyJsGzipBytes", zh: "任务窗格按需分块合计（gzip，词库除外）", en: "task pane lazy chunks total, gzip (lexicon apart)", unit: "B", value: (r) => r.bundle.lazyGzip },
  { key: "harnessTimeToInteractiveMs", zh: "演示页可交互时间（无头 Chromium，5 次中位数）", en: "harness time to interactive, headless Chromium, median of 5", unit: "ms", value: (r) => r.harness?.medianMs },
  { key: "reviewPageToCliRatio", zh: "审核台 200 个 .docx 耗时 ÷ tigang check 进程耗时（各 3 次中位数）", en: "reviewing page, 200 .docx ÷ whole tigang check process (medians of 3)", unit: "×", value: (r) => r.review?.ratio },
  { key: "reviewLongestTaskMs", zh: "审核台成批检查时主线程最长任务（Long Tasks API，3 次中最长）", en: "reviewing page's longest main-thread task during the batch (Long Tasks API, max of 3)", unit: "ms", value: (r) => r.review?.longestTaskMaxMs },
  { key: "cliBatchVsMammoth", zh: "命令行检查 200 个 .docx ÷ mammoth 提取文字（整进程，5 次中位数）", en: "tigang check of 200 .docx ÷ mammoth extractRawText, whole processes", unit: "×", value: (r) => r.cli?.batch.ratio },
  { key: "cli50kPeakRssMB", zh: "命令行检查 5 万段 .docx 的进程峰值内存", en: "peak RSS of tigang check, 50k-paragraph .docx", unit: "MB", value: (r) => r.cli?.big[50000]?.peakRssMB },
  { key: "helpVsNodeStartup", zh: "tigang --help ÷ node -e 0（启动时间）", en: "tigang --help ÷ node -e 0 (startup)", unit: "×", value: (r) => r.cli?.help.ratio },
  { key: "lexiconPaneLoadMs", zh: "词库分块读取并建索引（无头 Chromium，中位数）", en: "lexicon chunk fetch + index in the pane, headless Chromium, median", unit: "ms", value: (r) => r.lexiconPane?.medianMs },
  { key: "check50kPeakHeapMB", zh: "检查 5 万段的峰值堆内存", en: "peak heap checking 50k paragraphs", unit: "MB", value: (r) => r.heap.peakMB },
  ...[
    ["read", "读取文档", "read the document"],
    ["insertOutline", "插入提纲（先读取再插入）", "insert outline (read, then insert)"],
    ["insertSnippet", "插入短语", "insert snippet"],
    ["applyAllFixes", "一键修复", "apply all fixes"],
    ["jump", "点击定位", "jump to a finding"],
    ["writeComments", "写入批注", "write the findings as comments"],
    ["removeComments", "删除本工具批注", "remove the tool's comments"],
  ].map(([a, zh, en]) => ({ key: `syncsPerAction.${a}`, zh: `context.sync 次数：${zh}`, en: `context.sync per action: ${en}`, unit: "", value: (r) => Math.max(...Object.values(r.syncs.counts[a] ?? {})) })),
];

function showValue(b, v) {
  if (v === undefined || v === null || !Number.isFinite(v)) return "未测 / not measured";
  if (b.unit === "B") return `${fmt(v / 1000, 1)} KB`;
  if (b.unit === "×") return `×${fmt(v, 2)}`;
  if (b.unit === "") return String(v);
  if (b.unit === "MB") return `${fmt(v, 1)} MB`;
  return `${fmt(v, v < 10 && !Number.isInteger(v) ? 2 : Number.isInteger(v) ? 0 : 1)} ${b.unit}`;
}

function budgetOf(budgets, key) {
  return key.split(".").reduce((o, k) => (o === undefined ? undefined : o[k]), budgets);
}

function printReport(r, budgets) {
  const lines = [];
  const say = (s = "") => lines.push(s);
  say(`提纲助手性能基准 / Tigang benchmark — ${r.environment.date}, node ${r.environment.node}, ${r.environment.cpus} × ${r.environment.cpu}${QUICK ? "  (--quick)" : ""}`);
  say();
  say("解析与检查 / parse and full check (ms; 增长 growth = 每段耗时 ÷ 上一规模的每段耗时，成对测量的中位数 / time per paragraph ÷ the previous size's, median of paired runs)");
  say(`${pad("段落 paras", 11)} ${pad("字符 chars", 11)} │ ${pad("解析 parse", 11)} ${pad("p95", 9)} ${pad("µs/段", 7)} ${pad("增长", 5)} │ ${pad("检查 check", 11)} ${pad("p95", 9)} ${pad("µs/段", 7)} ${pad("增长", 5)} │ ${pad("问题 findings", 14)} ${pad("runs", 4)}`);
  for (const s of r.parseCheck.sizes) {
    const per = (m) => fmt((m * 1000) / s.paragraphs, 2);
    say(`${pad(s.paragraphs.toLocaleString("en-US"), 11)} ${pad(s.characters.toLocaleString("en-US"), 11)} │ ${pad(fmt(s.parse.median, 2), 11)} ${pad(fmt(s.parse.p95, 2), 9)} ${pad(per(s.parse.median), 7)} ${pad(s.parse.growth ? fmt(s.parse.growth, 2) : "", 5)} │ ${pad(fmt(s.check.median, 2), 11)} ${pad(fmt(s.check.p95, 2), 9)} ${pad(per(s.check.median), 7)} ${pad(s.check.growth ? fmt(s.check.growth, 2) : "", 5)} │ ${pad(s.findings.toLocaleString("en-US"), 14)} ${pad(s.check.runs, 4)}`);
  }
  const hd = r.parseCheck.headingDense;
  if (hd) say(`  标题密集 / heading-dense: ${hd.paragraphs.toLocaleString("en-US")} 段中 ${hd.headings.toLocaleString("en-US")} 个标题 / paragraphs with ${hd.headings.toLocaleString("en-US")} headings — 解析 parse 中位数 median ${fmt(hd.parse.median, 2)} ms, p95 ${fmt(hd.parse.p95, 2)} ms`);
  const big = r.parseCheck.sizes.find((s) => s.paragraphs === 50000) ?? r.parseCheck.sizes.at(-1);
  if (big.ruleMedianMs) {
    const top = Object.entries(big.ruleMedianMs).sort((a, b) => b[1] - a[1]).slice(0, 6);
    const growth = (k) => (big.ruleGrowth?.[k] !== undefined ? ` ×${fmt(big.ruleGrowth[k], 2)}` : "");
    say(`  ${big.paragraphs.toLocaleString("en-US")} 段各规则单独耗时（中位数 ms，×每段增长）/ each rule alone (median ms, ×growth per paragraph vs the size before):`);
    say(`    ${top.map(([k, v]) => `${k} ${fmt(v, 1)}${growth(k)}`).join(", ")}`);
    const steep = weightyRules(big).filter(([, g]) => g > (budgets.rulePerParagraphGrowthMax ?? 2.5));
    if (steep.length) say(`    ! 超线性增长 / superlinear: ${steep.map(([k, g]) => `${k} ×${fmt(g, 2)}`).join(", ")}`);
  }
  say();
  say(`短语检索 / snippet search (${r.snippets.results[0].queries} 个查询 queries × ${r.snippets.results[0].contexts} 种上下文 contexts；每个查询 15 次的中位数 / per-query median of 15 runs)`);
  say(`  标签查询 tag queries: ${r.snippets.tags.join("、")}`);
  for (const s of r.snippets.results) {
    say(`  ${padEnd(s.label, 4)} ${pad(s.snippets.toLocaleString("en-US"), 6)} 条 snippets  建索引 index ${fmt(s.indexBuildMs, 1)} ms  中位数 median ${fmt(s.medianMs, 3)} ms  p95 ${fmt(s.p95Ms, 3)} ms  最慢 max ${fmt(s.maxMs, 3)} ms (${s.slowest.join("; ")})`);
  }
  say();
  say(`context.sync 次数 / per action (the Word stand-in, test/support/wordMock.ts; ${r.syncs.sizes.join(" 与 / and ")} 段 paragraphs${r.syncs.jestPassed ? "" : "; jest 未通过 / jest FAILED"})`);
  for (const [a, byN] of Object.entries(r.syncs.counts)) say(`  ${padEnd(a, 14)} ${r.syncs.sizes.map((n) => `${n}: ${byN[n] ?? "—"}`).join("  ")}`);
  if (r.syncs.details?.jumpFirst) say(`  jump: 首次出现 first occurrence ${r.syncs.details.jumpFirst[r.syncs.sizes[0]]}, 后续出现 later occurrence ${r.syncs.details.jumpLater[r.syncs.sizes[0]]}, 标题 heading ${r.syncs.details.jumpHeading[r.syncs.sizes[0]]}`);
  say();
  say(`任务窗格首屏 JavaScript / task pane initial JS: ${fmt(r.bundle.raw / 1000, 1)} KB raw, ${fmt(r.bundle.gzip / 1000, 1)} KB gzip (${r.bundle.scripts.join(", ")}); 按需分块 lazy chunks ${r.bundle.lazyChunks}, ${fmt(r.bundle.lazyGzip / 1000, 1)} KB gzip`);
  if (r.harness) say(`演示页可交互时间 / harness time to interactive: 中位数 median ${r.harness.medianMs} ms (${r.harness.timesMs.join(", ")} ms; 含 playwright 往返 wall-clock median ${r.harness.wallMedianMs} ms)`);
  else say(`演示页可交互时间 / harness time to interactive: 未测 / not measured (${r.harnessError})`);
  if (r.review) say(`审核台 / reviewing page: ${r.review.files} 个 .docx，页面 page ${r.review.pageMs.join(", ")} ms（中位数 median ${r.review.pageMedianMs}）vs tigang check ${r.review.cliMs.join(", ")} ms（中位数 median ${r.review.cliMedianMs}）= ×${fmt(r.review.ratio, 2)}; 主线程最长任务 longest main-thread task ${r.review.longestTaskMs.join(", ")} ms（其中浏览器交付文件的任务 of which the browser's file-input task ${r.review.inputTaskMs.join(", ")} ms; 1 分钟平均负载 load average ${r.review.loadAverage[0]}）`);
  if (r.review?.cold) say(`  页面刚打开就选文件（检查程序尚未就绪，仅供参考，不计预算）/ files chosen the instant the page opens (checkers not ready; for information, not budgeted): 页面 page ${r.review.cold.pageMs} ms, 最长任务 longest task ${r.review.cold.longestTaskMs} ms（浏览器交付文件 file input ${r.review.cold.inputTaskMs} ms）`);
  else say(`审核台 / reviewing page: 未测 / not measured (${r.reviewError})`);
  if (r.cli) {
    const c = r.cli;
    say(`命令行整进程 / the CLI as whole processes (${c.runs} 次中位数 / median of ${c.runs} runs; tigang: ${c.bin})`);
    say(`  200 个 .docx（共 ${c.batch.paragraphs.toLocaleString("en-US")} 段，${fmt(c.batch.bytes / 1e6, 1)} MB）: tigang check ${fmt(c.batch.tigangMs, 0)} ms, mammoth extractRawText ${fmt(c.batch.mammothMs, 0)} ms → ×${fmt(c.batch.ratio, 2)}`);
    for (const [n, b] of Object.entries(c.big)) say(`  ${Number(n).toLocaleString("en-US")} 段 .docx（${fmt(b.bytes / 1e6, 1)} MB）: tigang check ${fmt(b.tigangMs, 0)} ms, 峰值 RSS peak ${fmt(b.peakRssMB, 1)} MB; mammoth ${fmt(b.mammothMs, 0)} ms, ${fmt(b.mammothPeakRssMB, 1)} MB`);
    say(`  tigang --help ${fmt(c.help.tigangMs, 0)} ms, node -e 0 ${fmt(c.help.nodeMs, 0)} ms → ×${fmt(c.help.ratio, 2)}`);
  }
  if (r.lexicon) say(`词库 / typo lexicon (Node; every check above includes it): ${r.lexicon.words?.toLocaleString("en-US")} 词 words, 从数据文件加载并建索引 load + index from the data files ${r.lexicon.loadIndexMs} ms (读取 read ${r.lexicon.fetchMs}, 索引 index ${r.lexicon.indexMs}), 堆 heap ${fmt(r.lexicon.heapMB, 1)} MB; tigang check 读取构建保存的快照 reads the build's snapshot instead: ${r.lexicon.snapshot?.ms} ms (${r.lexicon.snapshot?.from}); 分块 chunk ${fmt((r.bundle.separate?.lexicon ?? 0) / 1000, 1)} KB gzip`);
  if (r.lexiconPane) say(`词库在任务窗格 / lexicon in the pane (headless Chromium, fresh context): 读取+建索引 fetch + index 中位数 median ${r.lexiconPane.medianMs} ms (fetch ${r.lexiconPane.fetchMs.join(", ")}; index ${r.lexiconPane.indexMs.join(", ")} ms)`);
  else if (r.lexiconPaneError) say(`词库在任务窗格 / lexicon in the pane: 未测 / not measured (${r.lexiconPaneError})`);
  say(`检查 ${r.heap.paragraphs.toLocaleString("en-US")} 段的峰值堆内存 / peak heap checking ${r.heap.paragraphs.toLocaleString("en-US")} paragraphs: ${fmt(r.heap.peakMB, 1)} MB above a ${fmt(r.heap.baselineMB, 1)} MB baseline (after the run, with the findings kept: ${fmt(r.heap.retainedMB, 1)} MB; ${r.heap.collectionsDuringRun ?? "?"} GCs)`);
  say();
  say("预算 / budgets (bench/budgets.json)");
  const failures = [];
  const rows = [];
  for (const b of BUDGETS) {
    const limit = budgetOf(budgets, b.key);
    const value = b.value(r);
    if (limit === undefined) continue;
    const ok = value !== undefined && value !== null && Number.isFinite(value) && value <= limit;
    const row = { ...b, limit, value, ok, shown: showValue(b, value), shownLimit: showValue(b, limit) };
    if (!ok) failures.push(row);
    rows.push(row);
  }
  const zhWidth = Math.max(...rows.map((x) => width(x.zh)));
  const enWidth = Math.max(...rows.map((x) => width(x.en)));
  for (const x of rows) say(`  ${x.ok ? "✓" : "✕"} ${padEnd(x.zh, zhWidth)}  ${padEnd(x.en, enWidth)} ${pad(x.shown, 10)}  ≤ ${x.shownLimit}`);
  console.log(lines.join("\n"));
  return failures;
}

function finish(results, budgets) {
  const failures = printReport(results, budgets);
  if (failures.length) {
    const msg = failures.map((f) => `  ✕ 超出预算 / over budget: ${f.zh} / ${f.en} (${f.key}): ${f.shown} > ${f.shownLimit}`).join("\n");
    if (argv.includes("--check")) {
      console.error(`\n${msg}`);
      process.exitCode = 1;
    } else console.log(`\n${failures.length} 项超出预算 / over budget (用 --check 时退出码为 1 / exits 1 with --check)`);
  } else console.log("\n全部预算满足 / all budgets hold");
}

async function main() {
  const budgets = JSON.parse(fs.readFileSync(path.join(root, "bench", "budgets.json"), "utf8"));
  if (argv.includes("--report")) {
    finish(JSON.parse(fs.readFileSync(path.join(root, "bench", "results.json"), "utf8")), budgets);
    return;
  }
  buildAll();
  const cpus = os.cpus();
  const results = {
    environment: { date: new Date().toISOString(), node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: cpus.length, cpu: cpus[0]?.model?.trim() ?? "?", memoryGB: round(os.totalmem() / 2 ** 30, 1), quick: QUICK },
  };
  try {
    const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
    const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" });
    if (head.status === 0) results.environment.commit = head.stdout.trim() + (dirty.stdout.trim() ? " (with uncommitted changes)" : "");
  } catch {
    // no git: no commit in the results
  }
  log("解析与检查、短语检索 / parse, check and snippet search (child process)");
  const timing = childJson("timing").result;
  results.parseCheck = { sizes: timing.sizes, headingDense: timing.headingDense };
  results.snippets = timing.snippets;
  results.lexicon = timing.lexicon;
  log(`峰值堆内存 / peak heap (${HEAP_SIZE.toLocaleString("en-US")} paragraphs, child process)`);
  results.heap = heapBench();
  log("命令行整进程 / the CLI as whole processes (200 .docx vs mammoth, 10k/50k .docx, --help)");
  results.cli = await cliBench();
  log("context.sync 次数 / sync counts (npx jest test/host/syncCounts.test.ts)");
  results.syncs = syncCounts();
  const { measureBundle } = await import(pathToFileURL(path.join(root, "scripts/bundleSize.mjs")).href);
  results.bundle = measureBundle(dist);
  log("演示页可交互时间 / harness time to interactive (headless Chromium)");
  try {
    results.harness = await timeToInteractive();
  } catch (e) {
    results.harnessError = String(e?.message ?? e);
  }
  log("审核台成批检查 / reviewing page batch vs tigang check (headless Chromium)");
  try {
    const { reviewBatchBench } = await import(pathToFileURL(path.join(root, "scripts/benchReview.mjs")).href);
    results.review = await reviewBatchBench({ root, dist, runs: QUICK ? 1 : 3 });
  } catch (e) {
    results.reviewError = String(e?.message ?? e);
  }
  log("词库分块在任务窗格中的加载与建索引 / lexicon chunk load and index in the pane (headless Chromium)");
  try {
    results.lexiconPane = await lexiconInChromium();
  } catch (e) {
    results.lexiconPaneError = String(e?.message ?? e);
  }
  results.budgets = budgets;
  fs.writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  finish(results, budgets);
  console.log(`结果已写入 / results written to bench/results.json`);
}

if (argv[0] === "--child") {
  const [, kind, a, b] = argv;
  const out = kind === "heap" ? b : a;
  const lexicon = await loadLexiconChild();
  const result = kind === "heap" ? heapChild(Number(a)) : { ...timingChild(), lexicon };
  fs.writeFileSync(out, JSON.stringify(result));
} else if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  main().catch((e) => {
    console.error(`基准测试失败 / benchmark failed: ${e?.stack ?? e}`);
    process.exit(2);
  });
}
