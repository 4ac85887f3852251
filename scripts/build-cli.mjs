// Builds the command line (`tigang`): transpiles src/core, src/host and src/cli to CommonJS in build/ with swc, copies src/data.
import { transformFileSync } from "@swc/core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "build");
const dirs = ["core", "host", "cli", "data"];
fs.rmSync(out, { recursive: true, force: true });
let count = 0;
function walk(rel) {
  const abs = path.join(root, "src", rel);
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const r = path.join(rel, entry.name);
    if (entry.isDirectory()) walk(r);
    else if (/\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) {
      const { code } = transformFileSync(path.join(root, "src", r), {
        jsc: { parser: { syntax: "typescript" }, target: "es2022" },
        module: { type: "commonjs" },
        sourceMaps: false,
      });
      write(r.replace(/\.ts$/, ".js"), code);
    } else if (/\.json$/.test(entry.name)) {
      write(r, fs.readFileSync(path.join(root, "src", r)));
    }
  }
}
function write(rel, data) {
  const dest = path.join(out, rel);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, data);
  count++;
}
for (const d of dirs) if (fs.existsSync(path.join(root, "src", d))) walk(d);
// The shipped data is validated here, once, rather than at every start of `tigang` (zod stays out of the commands).
const require = createRequire(import.meta.url);
const problems = [
  ...require(path.join(out, "core/check/dataSchema.js")).checkDataProblems(),
  ...require(path.join(out, "core/outlines/validate.js")).outlineDataProblems(),
];
try {
  require(path.join(out, "core/snippets/library.js")).builtinSnippets();
} catch (e) {
  problems.push(e.message);
}
if (problems.length) {
  console.error(`✕ 数据文件有误 / data files invalid:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
// The typo lexicon's tables, built once here and stored beside its data files: `tigang check` reads them in place
// instead of building them at every start (src/cli/lexiconSnapshot.ts; it builds them itself if they do not match).
const snapshotBytes = await require(path.join(out, "cli/lexiconSnapshot.js")).writeLexiconSnapshot();
console.log(`tigang CLI built: ${count} files in build/; data files valid; lexicon snapshot ${(snapshotBytes / 2 ** 20).toFixed(1)} MB`);
