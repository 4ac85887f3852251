// The command line's typo lexicon, loaded from the tables the build stored (build/data/lexicon/index.bin, written by
// scripts/build-cli.mjs from the same data files) instead of built at every start: reading 18 MB in place takes a few
// milliseconds, building the tables about 200 (measured in `npm run bench`). A snapshot that is missing, of another
// version, or built from data files that have changed since (their sizes and times are its fingerprint) is ignored, and
// the lexicon is built from its data files as the task pane builds it.
import fs from "node:fs";
import path from "node:path";
import { loadTypoLexicon } from "../core/check/rules/typo";
import { setLexicon, type CollocationsData, type Lexicon } from "../core/lexicon";
import { attachCollocations } from "../core/lexicon/collocations";
import { decodeSnapshot, encodeSnapshot } from "../core/lexicon/snapshot";

/** build/data: the data files, and the snapshot beside the lexicon's (tests pass a folder of their own). */
const DATA_DIR = path.join(__dirname, "..", "data");
const snapshotFile = (dataDir: string) => path.join(dataDir, "lexicon", "index.bin");
/** The data files the lexicon is built from: its word list, our additions, the shape groups, the collocations, and the
 * typo table (its wrong forms are taken out of the word list). */
const SOURCES = ["lexicon/lexicon.json", "lexicon/gongwen.json", "lexicon/shape-similar.json", "lexicon/collocations.json", "typos.json"];

function fingerprint(dataDir: string): string {
  return SOURCES.map((f) => {
    const st = fs.statSync(path.join(dataDir, f));
    return `${f}:${st.size}:${Math.round(st.mtimeMs)}`;
  }).join(";");
}

/** How the last loadCliLexicon got its lexicon, for the bench. */
export const cliLexiconStats = { from: "" as "" | "snapshot" | "data", ms: 0 };

/** The lexicon from the stored snapshot when it is current, else built from the data files. */
export async function loadCliLexicon(dataDir = DATA_DIR): Promise<Lexicon> {
  const t0 = performance.now();
  let lex: Lexicon | null = null;
  try {
    lex = decodeSnapshot(fs.readFileSync(snapshotFile(dataDir)), fingerprint(dataDir));
  } catch {
    lex = null;
  }
  if (lex) {
    attachCollocations(lex, JSON.parse(fs.readFileSync(path.join(dataDir, "lexicon", "collocations.json"), "utf8")) as CollocationsData);
    setLexicon(lex);
    cliLexiconStats.from = "snapshot";
  } else {
    lex = await loadTypoLexicon();
    cliLexiconStats.from = "data";
  }
  cliLexiconStats.ms = performance.now() - t0;
  return lex;
}

/** Builds the lexicon from the data files and stores its snapshot (scripts/build-cli.mjs). Returns its size in bytes. */
export async function writeLexiconSnapshot(dataDir = DATA_DIR): Promise<number> {
  const lex = await loadTypoLexicon();
  const bytes = encodeSnapshot(lex, fingerprint(dataDir));
  // Written beside and renamed into place: a build stopped halfway leaves no half-written snapshot.
  const file = snapshotFile(dataDir);
  fs.writeFileSync(`${file}.tmp`, bytes);
  fs.renameSync(`${file}.tmp`, file);
  return bytes.length;
}
