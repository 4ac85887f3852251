// One call for the task pane: the search index over user + shipped snippets, with pinyin loaded lazily.
import { loadPinyinIndex } from "./library";
import { preparePinyin, snippetTexts, type PreparePinyinOptions } from "./pinyin";
import { pinyinFromIndex, type PinyinIndexData } from "./pinyinCodec";
import type { Snippet } from "./schema";
import { createSearchIndex, type SearchIndex } from "./search";

export interface BuiltSearchIndex {
  index: SearchIndex;
  /** A Chinese message when pinyin search is only partly available (the index still works by characters). */
  warning?: string;
}

/**
 * Build the search index with pinyin: the precomputed index (lazily imported unless given) covers the shipped
 * snippets; pinyin-pro is imported only when some text (a user snippet) is not in it.
 */
export async function buildSearchIndex(
  snippets: readonly Snippet[],
  options: PreparePinyinOptions & { loadIndex?: () => Promise<PinyinIndexData> } = {},
): Promise<BuiltSearchIndex> {
  let precomputed = options.precomputed;
  let warning: string | undefined;
  if (precomputed === undefined) {
    try {
      precomputed = await (options.loadIndex ?? loadPinyinIndex)();
    } catch {
      precomputed = null;
      warning = "拼音索引加载失败，将现场计算拼音。";
    }
  }
  try {
    const pinyinOf = await preparePinyin(snippetTexts(snippets), { precomputed, loadPinyinPro: options.loadPinyinPro });
    return { index: createSearchIndex(snippets, pinyinOf), warning };
  } catch {
    return { index: createSearchIndex(snippets, pinyinFromIndex(precomputed)), warning: "拼音组件加载失败，自定义短语暂时只能按汉字检索。" };
  }
}
