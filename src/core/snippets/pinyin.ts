// Where pinyin comes from at run time: the precomputed index first, pinyin-pro (imported lazily) for texts it lacks.
import { pinyinFromIndex, syllablesWith, type PinyinIndexData, type PinyinOf, type PinyinProLike } from "./pinyinCodec";
import type { Snippet } from "./schema";

export type { PinyinIndexData, PinyinOf, PinyinProLike } from "./pinyinCodec";

/** Load pinyin-pro on demand (its own chunk in the task pane; a plain require in the CLI and tests). */
export async function loadPinyinPro(): Promise<PinyinProLike> {
  const mod = (await import("pinyin-pro")) as unknown as PinyinProLike & { default?: PinyinProLike };
  return typeof mod.pinyin === "function" ? mod : (mod.default as PinyinProLike);
}

/** Every string the search index reads pinyin for: texts and tags. */
export function snippetTexts(snippets: Iterable<Snippet>): string[] {
  const out: string[] = [];
  for (const s of snippets) {
    out.push(s.text);
    for (const t of s.tags) out.push(t);
  }
  return out;
}

/** A PinyinOf computed with pinyin-pro, memoised. */
export function pinyinWith(pp: PinyinProLike): PinyinOf {
  const memo = new Map<string, string[]>();
  return (text) => {
    let s = memo.get(text);
    if (!s) {
      s = syllablesWith(pp, text);
      memo.set(text, s);
    }
    return s;
  };
}

export interface PreparePinyinOptions {
  /** The precomputed index (loadPinyinIndex()); null or omitted means compute everything. */
  precomputed?: PinyinIndexData | null;
  /** How to get pinyin-pro when some text is missing from the index (default: a lazy import). */
  loadPinyinPro?: () => Promise<PinyinProLike>;
}

/**
 * A PinyinOf that answers for every text in `texts`: from the precomputed index where it has the text,
 * otherwise from pinyin-pro, which is imported only if some text is missing (user snippets, edited data).
 * Rejects if pinyin-pro is needed and cannot be loaded; the caller may then index with
 * `pinyinFromIndex(precomputed)` alone (the missing texts are then found by their characters only).
 */
export async function preparePinyin(texts: Iterable<string>, options: PreparePinyinOptions = {}): Promise<PinyinOf> {
  const fromIndex = pinyinFromIndex(options.precomputed);
  const missing = [...new Set(texts)].filter((t) => fromIndex(t) === undefined);
  if (!missing.length) return fromIndex;
  const computed = pinyinWith(await (options.loadPinyinPro ?? loadPinyinPro)());
  return (text) => fromIndex(text) ?? computed(text);
}
