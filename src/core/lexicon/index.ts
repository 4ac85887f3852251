// Where the lexicon lives at run time: built once from its data files, which load on demand (their own chunk in the
// task pane, fetched when 检查 first runs; the CLI loads them only for `check`). Until it is loaded the typo rule uses
// its table alone.
import { Lexicon, type LexiconData, type LexiconExtra } from "./lexicon";
import { attachCollocations, type CollocationsData } from "./collocations";

export { Lexicon } from "./lexicon";
export type { Confusion, LexiconData, LexiconExtra } from "./lexicon";
export { findLexiconTypos, type LexiconTypo } from "./detect";
export { collocationsOf, type CollocationSlip, type CollocationsData } from "./collocations";

export interface LexiconFiles {
  lexicon: LexiconData;
  gongwen: LexiconExtra;
  shape: { groups: string[] };
  /** Fixed 公文 phrases whose one-character slips are reported (src/data/lexicon/collocations.json). */
  collocations?: CollocationsData;
}

let current: Lexicon | null = null;
let loading: Promise<Lexicon> | null = null;

/** The loaded lexicon, or null before `loadLexicon` has finished. */
export function currentLexicon(): Lexicon | null {
  return current;
}

/** Builds the lexicon from its files; `exclude` are known wrong forms (the typo table's) that must not count as words. */
export function buildLexicon(files: LexiconFiles, exclude: readonly string[] = []): Lexicon {
  const lex = new Lexicon({ data: files.lexicon, extra: files.gongwen, exclude, shapeGroups: files.shape.groups.join("\n") });
  if (files.collocations) attachCollocations(lex, files.collocations);
  return lex;
}

export function setLexicon(lex: Lexicon | null): void {
  current = lex;
  loading = lex ? Promise.resolve(lex) : null;
}

/** Timings of the last load (fetching and parsing the data files, building the index), for the bench. */
export const lexiconLoadStats = { loaded: false, fetchMs: 0, indexMs: 0, words: 0 };

/** Loads the data files (once) and builds the lexicon. */
export function loadLexicon(exclude: () => readonly string[] = () => []): Promise<Lexicon> {
  return (loading ??= (async () => {
    const t0 = performance.now();
    const [lexicon, gongwen, shape, collocations] = await Promise.all([
      import(/* webpackChunkName: "lexicon" */ "../../data/lexicon/lexicon.json"),
      import(/* webpackChunkName: "lexicon" */ "../../data/lexicon/gongwen.json"),
      import(/* webpackChunkName: "lexicon" */ "../../data/lexicon/shape-similar.json"),
      import(/* webpackChunkName: "lexicon" */ "../../data/lexicon/collocations.json"),
    ]);
    const t1 = performance.now();
    const files = { lexicon: unwrap(lexicon), gongwen: unwrap(gongwen), shape: unwrap(shape), collocations: unwrap(collocations) } as unknown as LexiconFiles;
    current = buildLexicon(files, exclude());
    lexiconLoadStats.fetchMs = t1 - t0;
    lexiconLoadStats.indexMs = performance.now() - t1;
    lexiconLoadStats.words = current.size;
    lexiconLoadStats.loaded = true;
    return current;
  })().catch((e: unknown) => {
    loading = null;
    throw e;
  }));
}

const unwrap = (m: unknown): unknown => (m && typeof m === "object" && "default" in m ? (m as { default: unknown }).default : m);
