// Pinyin: per-unit syllables, the precomputed index format, and the lazy paths (index first, pinyin-pro only on a miss).
import * as pinyinPro from "pinyin-pro";
import { builtinSnippets, loadPinyinIndex } from "../../../src/core/snippets/library";
import { loadPinyinPro, pinyinWith, preparePinyin, snippetTexts } from "../../../src/core/snippets/pinyin";
import {
  buildPinyinIndexData,
  decodeSyllables,
  encodeSyllables,
  hash53,
  pinyinFromIndex,
  syllablesWith,
  textKey,
  type PinyinProLike,
} from "../../../src/core/snippets/pinyinCodec";
import { buildSearchIndex } from "../../../src/core/snippets/prepareIndex";
import type { Snippet } from "../../../src/core/snippets/schema";
import { search } from "../../../src/core/snippets/search";

const pp: PinyinProLike = pinyinPro;

describe("syllablesWith", () => {
  it("gives one toneless syllable per UTF-16 unit, empty for non-Han", () => {
    expect(syllablesWith(pp, "落实【单位】a1，责任")).toEqual(["luo", "shi", "", "dan", "wei", "", "", "", "", "ze", "ren"]);
  });

  it("writes ü as v and reads polyphones in context", () => {
    expect(syllablesWith(pp, "绿色")).toEqual(["lv", "se"]);
    expect(syllablesWith(pp, "重点")[0]).toBe("zhong");
    expect(syllablesWith(pp, "重新")[0]).toBe("chong");
  });

  it("keeps alignment for characters outside the BMP and for the empty string", () => {
    const text = "𠮷祥如意😀";
    expect(syllablesWith(pp, text)).toHaveLength(text.length);
    expect(syllablesWith(pp, "")).toEqual([]);
  });
});

describe("index format", () => {
  it("encodes and decodes, refusing entries that do not fit the text", () => {
    const syl = syllablesWith(pp, "理想，信念");
    const enc = encodeSyllables(syl);
    expect(enc).toBe("li xiang  xin nian");
    expect(decodeSyllables(enc, "理想，信念")).toEqual(syl);
    expect(decodeSyllables(enc, "理想信念")).toBeUndefined();
    expect(decodeSyllables(undefined, "理想")).toBeUndefined();
    expect(decodeSyllables("", "")).toEqual([]);
  });

  it("keys texts by a stable hash (changing it invalidates the committed index)", () => {
    expect(textKey("理想信念")).toBe(hash53("理想信念").toString(36));
    expect(textKey("理想信念")).toBe("1en6rj9nk1i");
    expect(textKey("a")).not.toBe(textKey("b"));
  });

  it("builds data that pinyinFromIndex reads back; misses give undefined", () => {
    const data = buildPinyinIndexData(pp, ["主体责任", "理想信念", "主体责任"], "test");
    expect(Object.keys(data.entries)).toHaveLength(2);
    const of = pinyinFromIndex(data);
    expect(of("主体责任")).toEqual(["zhu", "ti", "ze", "ren"]);
    expect(of("没有的")).toBeUndefined();
    expect(of("__proto__")).toBeUndefined();
    expect(pinyinFromIndex(null)("理想")).toBeUndefined();
  });

  it("the shipped index loads lazily", async () => {
    const data = await loadPinyinIndex();
    expect(data.version).toBe(1);
    const first = builtinSnippets()[0].text;
    expect(pinyinFromIndex(data)(first)).toEqual(syllablesWith(pp, first));
  });
});

describe("lazy pinyin-pro", () => {
  const builtin: Snippet = { id: "r-1", text: "理想信念有所松懈", kind: "phrase", roles: ["causes"], types: [], tags: ["理想信念"] };
  const user: Snippet = { id: "u-1", text: "党性修养有所放松", kind: "phrase", roles: ["causes"], types: [], tags: [] };
  const precomputed = buildPinyinIndexData(pp, snippetTexts([builtin]), "test");

  function countingLoader() {
    const loader = jest.fn(async () => pp);
    return loader;
  }

  it("loadPinyinPro imports the real module", async () => {
    const mod = await loadPinyinPro();
    expect(typeof mod.pinyin).toBe("function");
    expect(pinyinWith(mod)("党性")).toEqual(["dang", "xing"]);
  });

  it("does not load pinyin-pro when the index covers every text", async () => {
    const loader = countingLoader();
    const of = await preparePinyin(snippetTexts([builtin]), { precomputed, loadPinyinPro: loader });
    expect(loader).not.toHaveBeenCalled();
    expect(of(builtin.text)).toHaveLength(builtin.text.length);
  });

  it("loads it once for user snippets missing from the index", async () => {
    const loader = countingLoader();
    const of = await preparePinyin(snippetTexts([builtin, user]), { precomputed, loadPinyinPro: loader });
    expect(loader).toHaveBeenCalledTimes(1);
    expect(of(user.text)).toEqual(["dang", "xing", "xiu", "yang", "you", "suo", "fang", "song"]);
  });

  it("buildSearchIndex: user snippets found by pinyin", async () => {
    const loader = countingLoader();
    const { index, warning } = await buildSearchIndex([user, builtin], { precomputed, loadPinyinPro: loader });
    expect(warning).toBeUndefined();
    expect(search(index, "dxxy").hits[0].snippet.id).toBe("u-1");
    expect(search(index, "lxxn").hits[0].snippet.id).toBe("r-1");
  });

  it("buildSearchIndex: if pinyin-pro fails, shipped pinyin and Chinese still work, with a warning", async () => {
    const { index, warning } = await buildSearchIndex([user, builtin], { precomputed, loadPinyinPro: () => Promise.reject(new Error("offline")) });
    expect(warning).toMatch(/拼音组件加载失败/);
    expect(search(index, "lxxn").hits[0].snippet.id).toBe("r-1");
    expect(search(index, "dxxy").hits).toEqual([]);
    expect(search(index, "党性").hits[0].snippet.id).toBe("u-1");
  });

  it("buildSearchIndex: if the index fails to load, computes everything", async () => {
    const loader = countingLoader();
    const { index, warning } = await buildSearchIndex([user, builtin], { loadIndex: () => Promise.reject(new Error("404")), loadPinyinPro: loader });
    expect(warning).toMatch(/拼音索引加载失败/);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(search(index, "lxxn").hits[0].snippet.id).toBe("r-1");
  });

  it("buildSearchIndex: loads the shipped index by default", async () => {
    const loader = countingLoader();
    const { index } = await buildSearchIndex(builtinSnippets().slice(0, 50), { loadPinyinPro: loader });
    expect(loader).not.toHaveBeenCalled();
    expect(index.hasPinyin).toBe(true);
  });
});
