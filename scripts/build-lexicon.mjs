// Writes src/data/lexicon/lexicon.json (npm run build:lexicon): the word list of the typo checker, derived from the jieba
// dictionary as the npm package nodejieba ships it (submodules/cppjieba/dict/jieba.dict.utf8, MIT), plus the toneless
// pinyin of every character in it (pinyin-pro, MIT). Kept: words of 1–4 Chinese characters; 3- and 4-character words
// only from frequency 5 up (the lowest counts hold many typos, e.g. 巾国英雄). nodejieba is not a dependency: its install
// builds a native addon. The script finds the dictionary in node_modules/nodejieba when present, else at the path given
// as its argument, else fetches the package tarball with `npm pack nodejieba@VERSION` into a temporary folder.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const NODEJIEBA = "3.5.8";
const DICT = "submodules/cppjieba/dict/jieba.dict.utf8";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

function findDict() {
  const arg = process.argv[2];
  if (arg) return { file: arg, version: "given" };
  const local = path.join(root, "node_modules/nodejieba", DICT);
  if (fs.existsSync(local)) return { file: local, version: require("nodejieba/package.json").version };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nodejieba-"));
  execFileSync("npm", ["pack", `nodejieba@${NODEJIEBA}`, "--silent"], { cwd: tmp, stdio: ["ignore", "pipe", "inherit"] });
  const tgz = fs.readdirSync(tmp).find((f) => f.endsWith(".tgz"));
  execFileSync("tar", ["xzf", tgz, `package/${DICT}`], { cwd: tmp });
  return { file: path.join(tmp, "package", DICT), version: NODEJIEBA };
}

const { file, version } = findDict();
const HAN = /^[\u4e00-\u9fff]{1,4}$/;
// Frequencies on a log scale, one printable character each: q = round(5·ln f), written as String.fromCharCode(33 + q).
const code = (f) => String.fromCharCode(33 + Math.min(63, Math.max(0, Math.round(5 * Math.log(f)))));
// Part-of-speech tags are not kept: jieba tags many plain words as names (奥秘, 盖章 and 查清 are "nr").
const words = [];
let total = 0;
for (const line of fs.readFileSync(file, "utf8").split("\n")) {
  const [w, f] = line.trim().split(" ");
  const freq = Number(f);
  if (!w || !Number.isFinite(freq)) continue;
  total += freq;
  if (!HAN.test(w)) continue;
  if (w.length >= 3 && freq < 5) continue;
  words.push(w + code(freq));
}
const chars = new Set();
for (const e of words) for (const ch of e.slice(0, -1)) chars.add(ch);
const { pinyin } = require("pinyin-pro");
const readings = [];
for (const ch of [...chars].sort()) {
  const all = pinyin(ch, { toneType: "none", multiple: true, type: "array" });
  const syl = [...new Set(all.map((s) => s.replace(/ü/g, "v")))].filter((s) => /^[a-z]+$/.test(s));
  if (syl.length) readings.push(ch + syl.join(","));
}
const out = {
  version: 1,
  source: `nodejieba ${version} (${DICT}), MIT; pinyin-pro ${require("pinyin-pro/package.json").version}, MIT`,
  totalFrequency: total,
  words: words.join(""),
  pinyin: readings.join(" "),
};
const dest = path.join(root, "src/data/lexicon/lexicon.json");
fs.writeFileSync(dest, JSON.stringify(out) + "\n");
console.log(`lexicon: ${words.length} words, ${readings.length} characters, ${(fs.statSync(dest).size / 1024).toFixed(0)} KB → ${path.relative(root, dest)}`);
