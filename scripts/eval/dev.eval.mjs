// The development set (test/fixtures/dev/typos.json): our own typo sentences that ARE used for tuning, unlike the
// held-out sets. Each sentence is checked alone through the path of `tigang check` (all rules, lexicon loaded); caught =
// a typo or formulation finding overlapping the wrong span. Prints what is missed, to show where the checker stands and
// why; fails only on a finding in its clean sentences.
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
const { loadTypoLexicon } = require("../../src/core/check/rules/typo.ts");
const RULES = new Set(["typo", "formulation"]);
const check = (text) => checkDocument(parseDocument([{ text }])).filter((f) => RULES.has(f.rule));

export default async function () {
  await loadTypoLexicon();
  const set = JSON.parse(fs.readFileSync(path.join(root, "test/fixtures/dev/typos.json"), "utf8"));
  let caught = 0;
  const missed = [];
  for (const { text, wrong, right } of set.typos) {
    const at = text.indexOf(wrong);
    if (check(text).some((f) => f.length > 0 && f.offset < at + wrong.length && f.offset + f.length > at)) caught++;
    else missed.push(`${wrong}→${right}`);
  }
  const alarms = set.clean.flatMap((t) => check(t).map((f) => `${t.slice(0, 16)}…: ${f.message}`));
  console.log("开发集（用于调整，不是留出集）/ development set (used for tuning, not held out)");
  console.log(`  查出 caught ${caught}/${set.typos.length}; 干净句子中的发现 findings in clean sentences ${alarms.length}`);
  if (missed.length) console.log(`  漏报 missed: ${missed.join("  ")}`);
  for (const a of alarms) console.log(`  误报 false alarm: ${a}`);
  return { failed: alarms.length > 0 };
}
