// Typo measures (npm run eval): recall per category on the held-out sets (test/fixtures/heldout/typos/*.json, written
// by us and kept out of tuning), with the table alone and with the lexicon; false alarms in those sentences, on our clean
// and realistic fixtures, and on the ../shared/corpus paragraphs that are not defects (skipped with a message when that
// folder is absent). Fails on an error-severity typo finding in clean text.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { registerTs } from "../ts-require.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
registerTs();
const { checkDocument } = require("../../src/core/check/engine.ts");
const { parseDocument } = require("../../src/core/parse/parseDocument.ts");
const { loadTypoLexicon, typo, typoWrongForms } = require("../../src/core/check/rules/typo.ts");
const { junk } = require("../../src/core/check/rules/junk.ts");
const lexicon = require("../../src/core/lexicon/index.ts");

// Real typos in the corpus, checked by reading each sentence (学习方试, 抓的不严, 谋划的还不够, 份量; 部门反应的问题 = the
// problems a department reported, 反映; 如何有效的把项目…落实 = 有效地把): finding them is right.
const CORPUS_TYPOS = new Set(["方试→方式", "的不→得不", "的还不→得还不", "份量→分量", "的→地", "反应的问题→反映的问题"]);

const typoFindings = (texts) => checkDocument(parseDocument(texts.map((text) => ({ text }))), {}, [typo]);

function heldout() {
  const dir = path.join(root, "test/fixtures/heldout/typos");
  const table = typoWrongForms();
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ category: f.replace(/\.json$/, ""), items: JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) }))
    .map(({ category, items }) => ({
      category,
      items: items.map((x) => {
        const at = x.text.indexOf(x.at ?? x.wrong) + (x.at ? x.at.indexOf(x.wrong) : 0);
        return { ...x, from: at, to: at + x.wrong.length, inTable: table.some((w) => w.length > 1 && x.text.includes(w)) };
      }),
    }));
}

function measure(sets) {
  const rows = [];
  for (const { category, items } of sets) {
    const findings = typoFindings(items.map((x) => x.text));
    let caught = 0;
    let fixed = 0;
    let newCaught = 0;
    let newTotal = 0;
    let alarms = 0;
    items.forEach((x, i) => {
      const mine = findings.filter((f) => f.paragraph === i);
      const hit = mine.find((f) => f.offset < x.to && f.offset + f.length > x.from);
      if (!x.inTable) newTotal++;
      if (hit) {
        caught++;
        if (!x.inTable) newCaught++;
        const out = x.text.slice(0, hit.fix.offset) + hit.fix.text + x.text.slice(hit.fix.offset + hit.fix.length);
        if (out === x.text.slice(0, x.from) + x.right + x.text.slice(x.to)) fixed++;
      }
      alarms += mine.filter((f) => f !== hit).length;
    });
    rows.push({ category, total: items.length, caught, fixed, newCaught, newTotal, alarms });
  }
  return rows;
}

function printRows(title, rows) {
  console.log(`\n${title}`);
  console.log("类别 category   查出/总数 caught   修复正确 right fix   词表外 not in table   句中误报 false alarms");
  const sum = { total: 0, caught: 0, fixed: 0, newCaught: 0, newTotal: 0, alarms: 0 };
  for (const r of rows) {
    for (const k of Object.keys(sum)) sum[k] += r[k];
    console.log(`${r.category.padEnd(15)}${`${r.caught}/${r.total}`.padStart(10)}${String(r.fixed).padStart(18)}${`${r.newCaught}/${r.newTotal}`.padStart(20)}${String(r.alarms).padStart(20)}`);
  }
  console.log(`${"合计 total".padEnd(13)}${`${sum.caught}/${sum.total}`.padStart(10)}${String(sum.fixed).padStart(18)}${`${sum.newCaught}/${sum.newTotal}`.padStart(20)}${String(sum.alarms).padStart(20)}`);
}

function cleanTexts() {
  const files = [];
  for (const dir of ["test/fixtures/clean", "test/fixtures/realistic", "test/fixtures/clean-text"]) {
    const abs = path.join(root, dir);
    if (fs.existsSync(abs)) for (const f of fs.readdirSync(abs).filter((f) => f.endsWith(".txt"))) files.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(abs, f), "utf8") });
  }
  return files;
}

function report(name, paragraphs, known = new Set()) {
  let errors = 0;
  let hints = 0;
  for (const f of typoFindings(paragraphs)) {
    const text = paragraphs[f.paragraph];
    const key = `${text.slice(f.offset, f.offset + f.length)}→${f.fix?.text}`;
    const tag = known.has(key) ? "（真错字 real typo）" : f.severity === "error" ? "（误报 false alarm）" : "";
    if (!known.has(key) && f.severity === "error") errors++;
    else if (!known.has(key)) hints++;
    console.log(`  ${name} 第${f.paragraph + 1}段 ${f.severity} ${f.message} ${tag}…${text.slice(Math.max(0, f.offset - 8), f.offset + f.length + 8)}…`);
  }
  return { errors, hints };
}

export default async function run() {
  const sets = heldout();
  lexicon.setLexicon(null);
  printRows("留出集，只用词表 / held-out, table only (≈ before the lexicon)", measure(sets));
  const t0 = performance.now();
  const heap0 = process.memoryUsage().heapUsed;
  await loadTypoLexicon();
  const loadMs = performance.now() - t0;
  console.log(`\n词库 lexicon: ${lexicon.currentLexicon().size} 词，加载并建索引 ${loadMs.toFixed(0)} ms，堆增加约 ${((process.memoryUsage().heapUsed - heap0) / 2 ** 20).toFixed(0)} MB`);
  printRows("留出集，词表 + 词库 / held-out, table + lexicon", measure(sets));

  console.log("\n干净文本中的错别字提示 / typo findings in clean text (fixtures):");
  let errors = 0;
  let hints = 0;
  for (const f of cleanTexts()) {
    const r = report(f.name, f.text.split(/\r?\n/).filter((l) => l.trim()));
    errors += r.errors;
    hints += r.hints;
  }
  // ../shared beside the main checkout; a worktree sits one level deeper.
  const corpus = [path.join(root, "../shared/corpus"), path.join(root, "../../shared/corpus")].find((d) => fs.existsSync(d)) ?? "../shared/corpus";
  if (!fs.existsSync(corpus)) console.log("\n未找到 ../shared/corpus：跳过语料段落 / corpus folder absent: skipped.");
  else {
    console.log("\n语料中非缺陷段落 / corpus paragraphs that are not defects:");
    for (const f of fs.readdirSync(corpus).filter((f) => f.endsWith(".txt"))) {
      const lines = fs.readFileSync(path.join(corpus, f), "utf8").split(/\r?\n/).filter((l) => l.trim());
      const junkParas = new Set(checkDocument(parseDocument(lines.map((text) => ({ text }))), {}, [junk]).map((x) => x.paragraph));
      const r = report(`corpus/${f}`, lines.filter((_, i) => !junkParas.has(i)), CORPUS_TYPOS);
      errors += r.errors;
      hints += r.hints;
    }
  }
  console.log(`\n干净文本误报 / false alarms in clean text: 错误 error ${errors}, 提示 hint ${hints}`);
  return { failed: errors > 0 };
}
