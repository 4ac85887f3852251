// Writes src/data/snippets/pinyin-index.json: toneless pinyin of every shipped snippet text and tag, keyed by a hash of the text (npm run build:pinyin).
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { registerTs } from "./ts-require.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
registerTs();

const { builtinSnippets } = require("../src/core/snippets/library.ts");
const { buildPinyinIndexData } = require("../src/core/snippets/pinyinCodec.ts");
const { snippetTexts } = require("../src/core/snippets/pinyin.ts");
const pinyinPro = require("pinyin-pro");
const version = require("pinyin-pro/package.json").version;

const snippets = builtinSnippets();
const data = buildPinyinIndexData(pinyinPro, snippetTexts(snippets), `pinyin-pro ${version}`);
// One entry per line: small diffs when the library changes, still compact.
const lines = Object.entries(data.entries).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
const json = `{"version":${data.version},"generator":${JSON.stringify(data.generator)},"entries":{\n${lines.join(",\n")}\n}}\n`;
const out = path.join(root, "src/data/snippets/pinyin-index.json");
fs.writeFileSync(out, json);
console.log(`pinyin index: ${snippets.length} snippets, ${lines.length} texts, ${(Buffer.byteLength(json) / 1024).toFixed(1)} KB → ${path.relative(root, out)}`);
