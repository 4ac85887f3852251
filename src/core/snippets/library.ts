// The shipped phrase library: src/data/snippets/review.json, speech-report.json and meetings.json, validated and merged once.
import review from "../../data/snippets/review.json";
import speechReport from "../../data/snippets/speech-report.json";
import meetings from "../../data/snippets/meetings.json";
import { BuiltinFileSchema, type Snippet } from "./schema";
import type { PinyinIndexData } from "./pinyinCodec";

/** The data files in merge order; the order is the tie-break of search and suggestions. */
export const BUILTIN_FILES: readonly { name: string; data: unknown }[] = [
  { name: "review.json", data: review },
  { name: "speech-report.json", data: speechReport },
  { name: "meetings.json", data: meetings },
];

let cache: readonly Snippet[] | null = null;

/** Validate and merge data files. A data error is a programming error: it throws naming the file, the entry and the problem. */
export function mergeSnippetFiles(files: readonly { name: string; data: unknown }[]): Snippet[] {
  const all: Snippet[] = [];
  const where = new Map<string, string>();
  for (const f of files) {
    const parsed = BuiltinFileSchema.safeParse(f.data);
    if (!parsed.success) {
      const first = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${typeof i.path[0] === "number" ? `第${i.path[0] + 1}条` : ""}${i.path.slice(1).join(".")} ${i.message}`)
        .join("；");
      throw new Error(`短语库 ${f.name} 数据有误：${first}`);
    }
    for (const s of parsed.data) {
      const prev = where.get(s.id);
      if (prev) throw new Error(`短语库 id 重复：${s.id}（${prev} 与 ${f.name}）`);
      where.set(s.id, f.name);
      all.push(s);
    }
  }
  return all;
}

/** All shipped snippets, validated on first use. */
export function builtinSnippets(): readonly Snippet[] {
  if (!cache) cache = Object.freeze(mergeSnippetFiles(BUILTIN_FILES));
  return cache;
}

/** The precomputed pinyin index, loaded lazily (a separate chunk in the task pane). */
export async function loadPinyinIndex(): Promise<PinyinIndexData> {
  const mod = (await import("../../data/snippets/pinyin-index.json")) as unknown as { default?: PinyinIndexData } & PinyinIndexData;
  return mod.default ?? mod;
}
