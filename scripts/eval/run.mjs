#!/usr/bin/env node
// npm run eval: runs every scripts/eval/*.eval.mjs in name order (typos, formulations, …). Each module prints its own
// table and exports `default async function (args)` returning { failed: boolean }. Not part of npm test: the measures
// read held-out sets and, where present, ../shared/corpus.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const files = fs.readdirSync(here).filter((f) => f.endsWith(".eval.mjs")).sort();
if (files.length === 0) {
  console.log("没有评测脚本（scripts/eval/*.eval.mjs）。");
  process.exit(0);
}
let failed = false;
for (const f of files) {
  console.log(`\n== ${f} ==`);
  const mod = await import(pathToFileURL(path.join(here, f)).href);
  const res = await mod.default(process.argv.slice(2));
  if (res?.failed) failed = true;
}
process.exitCode = failed ? 1 : 0;
