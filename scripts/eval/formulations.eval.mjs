// npm run eval: the formulation rule on held-out errors (test/fixtures/heldout/formulations, never used for tuning), recall
// per category; false alarms on correct text (the held-out correct set, test/fixtures/clean, test/fixtures/realistic and,
// when present, ../shared/corpus); type detection on the genre fixtures (test/fixtures/genre). An error-severity
// formulation finding on clean text fails the run.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { registerTs } from "../ts-require.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
registerTs();
const { parseDocument } = require(path.join(root, "src/core/parse/parseDocument.ts"));
const { checkDocument } = require(path.join(root, "src/core/check/engine.ts"));
const { formulation } = require(path.join(root, "src/core/check/rules/formulation.ts"));

const lines = (file) => fs.readFileSync(file, "utf8").replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
const check = (texts) => checkDocument(parseDocument(texts.map((text) => ({ text }))), {}, [formulation]);
const pct = (a, b) => (b ? `${((a / b) * 100).toFixed(0)}%` : "—");

export default async function run() {
  let failed = false;
  const held = path.join(root, "test/fixtures/heldout/formulations");
  console.log("留出集（固定提法错误）：类别 / 检出 / 总数 / 召回率");
  let caught = 0;
  let total = 0;
  const misses = [];
  for (const f of fs.readdirSync(held).filter((x) => x.endsWith(".json") && x !== "correct.json").sort()) {
    const set = JSON.parse(fs.readFileSync(path.join(held, f), "utf8"));
    let c = 0;
    for (const k of set.cases) {
      const at = k.text.indexOf(k.flag);
      if (at < 0) throw new Error(`${f}: “${k.flag}” 不在例句中`);
      const hit = check([k.text]).some((x) => x.offset < at + k.flag.length && x.offset + Math.max(1, x.length) > at);
      if (hit) c++;
      else misses.push(`${set.category}: ${k.text}`);
    }
    console.log(`  ${f.replace(".json", "").padEnd(13)} ${String(c).padStart(3)} / ${String(set.cases.length).padStart(3)}  ${pct(c, set.cases.length)}`);
    caught += c;
    total += set.cases.length;
  }
  console.log(`  ${"合计".padEnd(10)} ${String(caught).padStart(3)} / ${String(total).padStart(3)}  ${pct(caught, total)}`);
  if (process.argv.includes("--verbose")) for (const m of misses) console.log(`    漏报 ${m}`);

  // False alarms: any finding on correct text; error severity there is a bug.
  const alarms = [];
  const correct = JSON.parse(fs.readFileSync(path.join(held, "correct.json"), "utf8")).cases;
  for (const k of correct) for (const x of check([k.text])) alarms.push({ where: "留出集正确例句", text: k.text, x });
  const correctAlarms = alarms.length;
  let docs = 0;
  for (const dir of ["test/fixtures/clean", "test/fixtures/realistic", "test/fixtures/genre"]) {
    const d = path.join(root, dir);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).filter((x) => x.endsWith(".txt"))) {
      const t = lines(path.join(d, f));
      docs++;
      for (const x of check(t)) alarms.push({ where: `${dir}/${f}`, text: t[x.paragraph], x });
    }
  }
  const corpus = path.resolve(root, "../shared/corpus");
  const corpusDir = fs.existsSync(corpus) ? corpus : path.resolve(root, "../../shared/corpus");
  let corpusDocs = 0;
  if (fs.existsSync(corpusDir)) {
    for (const f of fs.readdirSync(corpusDir).filter((x) => x.endsWith(".txt"))) {
      const t = lines(path.join(corpusDir, f));
      corpusDocs++;
      for (const x of check(t)) alarms.push({ where: `corpus/${f}`, text: t[x.paragraph], x });
    }
  } else console.log("（未找到 ../shared/corpus，跳过语料误报统计）");
  const errors = alarms.filter((a) => a.x.severity === "error");
  console.log(`误报：正确例句 ${correct.length} 句中 ${correctAlarms} 处；本项目文档 ${docs} 篇、语料 ${corpusDocs} 篇中共 ${alarms.length - correctAlarms} 处；其中“错误”级 ${errors.length} 处`);
  for (const a of alarms) console.log(`  [${a.x.severity}] ${a.where} 第${a.x.paragraph + 1}段：${a.x.message}`);
  if (errors.length) failed = true;

  // Type detection on the genre fixtures: the file name starts with the type id.
  const genre = path.join(root, "test/fixtures/genre");
  if (fs.existsSync(genre)) {
    const files = fs.readdirSync(genre).filter((x) => x.endsWith(".txt")).sort();
    let right = 0;
    for (const f of files) {
      const want = f.replace(/--.*$/, "");
      const doc = parseDocument(lines(path.join(genre, f)).map((text) => ({ text })));
      if (doc.type.id === want) right++;
      else console.log(`  类型错：${f} → ${doc.type.id}（${doc.type.reasons?.join("；") ?? ""}）`);
    }
    console.log(`文种识别（test/fixtures/genre）：${right} / ${files.length}`);
    if (right < files.length) failed = true;
  }
  return { failed };
}
