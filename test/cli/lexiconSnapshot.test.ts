// The command line's stored lexicon (src/cli/lexiconSnapshot.ts): written by the build, read at start, and ignored
// when a data file it was built from has changed since, the lexicon then being built from the data files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliLexiconStats, loadCliLexicon, writeLexiconSnapshot } from "../../src/cli/lexiconSnapshot";
import { currentLexicon, findLexiconTypos } from "../../src/core/lexicon";

const src = path.join(__dirname, "../../src/data");
const files = ["lexicon/lexicon.json", "lexicon/gongwen.json", "lexicon/shape-similar.json", "lexicon/collocations.json", "typos.json"];
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tigang-lexicon-"));
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(src, f), path.join(dir, f));
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the build's snapshot is what check loads, and it finds what the built lexicon finds", async () => {
  const size = await writeLexiconSnapshot(dir);
  expect(size).toBeGreaterThan(1_000_000);
  const lex = await loadCliLexicon(dir);
  expect(cliLexiconStats.from).toBe("snapshot");
  expect(currentLexicon()).toBe(lex);
  expect(findLexiconTypos(lex, "我们要在接再厉，争取更大成绩。").map((t) => t.right)).toEqual(["再接再厉"]);
});

test("a data file changed since the snapshot: the lexicon is built from the data files", async () => {
  await writeLexiconSnapshot(dir);
  const typos = path.join(dir, "typos.json");
  fs.writeFileSync(typos, fs.readFileSync(typos, "utf8") + "\n");
  await loadCliLexicon(dir);
  expect(cliLexiconStats.from).toBe("data");
});

test("no snapshot: built from the data files", async () => {
  fs.rmSync(path.join(dir, "lexicon", "index.bin"), { force: true });
  const lex = await loadCliLexicon(dir);
  expect(cliLexiconStats.from).toBe("data");
  expect(lex.size).toBeGreaterThan(100_000);
});
