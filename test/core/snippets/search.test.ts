// Snippet search: pinyin matching and ranking tables, context fit, favourites, suggestions, and the shipped library.
import fc from "fast-check";
import * as pinyinPro from "pinyin-pro";
import type { DocTypeId, Role } from "../../../src/core/model";
import { builtinSnippets } from "../../../src/core/snippets/library";
import { pinyinWith } from "../../../src/core/snippets/pinyin";
import { pinyinFromIndex, type PinyinIndexData } from "../../../src/core/snippets/pinyinCodec";
import type { Snippet, SnippetKind } from "../../../src/core/snippets/schema";
import { createSearchIndex, MATCH_TIERS, queryTerms, search, suggest, type SearchHit, type SearchIndex } from "../../../src/core/snippets/search";
import pinyinIndexJson from "../../../src/data/snippets/pinyin-index.json";

const py = pinyinWith(pinyinPro);

let seq = 0;
function snip(text: string, o: { id?: string; roles?: Role[]; types?: DocTypeId[]; tags?: string[]; kind?: SnippetKind } = {}): Snippet {
  return { id: o.id ?? `t-${++seq}`, text, kind: o.kind ?? "sentence", roles: o.roles ?? [], types: o.types ?? [], tags: o.tags ?? [] };
}

/** The matched characters of a hit (in its text or tag). */
function span(h: SearchHit): string {
  const m = h.match!;
  return (m.field === "tag" ? m.tag! : h.snippet.text).slice(m.start, m.end);
}

function ids(ix: SearchIndex, q: string, ctx = {}): string[] {
  return search(ix, q, { limit: 50, ...ctx }).hits.map((h) => h.snippet.id);
}

describe("pinyin matching", () => {
  const texts = [
    "坚定理想信念",
    "落实主体责任",
    "理想，信念", // punctuation breaks a run
    "先进典型",
    "西安会议",
    "绿色发展",
    "严格落实“三会一课”制度",
    "是会饿你个", // initials s-h-e-n-g, against 省里 (full pinyin)
    "省里统一部署",
  ];
  const ix = createSearchIndex(
    texts.map((t, i) => snip(t, { id: `p${i}` })),
    py,
  );
  const cases: [string, string, string, (typeof MATCH_TIERS)[number]][] = [
    // query, expected snippet text, matched characters, tier
    ["lxxn", "坚定理想信念", "理想信念", "initials"],
    ["ztzr", "落实主体责任", "主体责任", "initials"],
    ["lixiangxinnian", "坚定理想信念", "理想信念", "pinyin"],
    ["lixiang", "坚定理想信念", "理想", "pinyin"],
    ["lixiangx", "坚定理想信念", "理想信", "pinyin"],
    ["li xiang", "坚定理想信念", "理想", "pinyin"],
    ["ＬＸＸＮ", "坚定理想信念", "理想信念", "initials"],
    ["LiXiang", "坚定理想信念", "理想", "pinyin"],
    ["lixxn", "坚定理想信念", "理想信念", "mixed"],
    ["zhutizr", "落实主体责任", "主体责任", "mixed"],
    ["zhuti", "落实主体责任", "主体", "pinyin"],
    ["lvse", "绿色发展", "绿色", "pinyin"],
    ["lsfz", "绿色发展", "绿色发展", "initials"],
    ["shyk", "严格落实“三会一课”制度", "三会一课", "initials"],
    ["xian", "先进典型", "先", "pinyin"],
    ["xian", "西安会议", "西安", "pinyin"],
    ["dingli", "坚定理想信念", "定理", "pinyin"],
  ];
  it.each(cases)("%s finds %s (%s, %s)", (q, text, chars, tier) => {
    const hit = search(ix, q, { limit: 50 }).hits.find((h) => h.snippet.text === text);
    expect(hit).toBeDefined();
    expect(span(hit!)).toBe(chars);
    expect(hit!.match!.tier).toBe(tier);
  });

  it.each([
    ["lxn", "理想信念"], // skips a character
    ["xxn", "理想，信念"], // across punctuation
    ["lxxnz", "坚定理想信念"], // runs past the end
    ["nxxl", "理想信念"], // reversed
  ])("%s does not match %s", (q, text) => {
    expect(search(ix, q, { limit: 50 }).hits.map((h) => h.snippet.text)).not.toContain(text);
  });

  it("ranks full pinyin above initials (sheng: 省里 before 是会饿你个)", () => {
    const hits = search(ix, "sheng").hits;
    const a = hits.findIndex((h) => h.snippet.text === "省里统一部署");
    const b = hits.findIndex((h) => h.snippet.text === "是会饿你个");
    expect(hits[a].match!.tier).toBe("pinyin");
    expect(hits[b].match!.tier).toBe("initials");
    expect(a).toBeLessThan(b);
  });

  it("a single letter matches initials, not the X of 【X】", () => {
    const ix2 = createSearchIndex([snip("反馈了【X】个问题", { id: "x1" }), snip("学习", { id: "x2" })], py);
    expect(ids(ix2, "x")).toEqual(["x2"]);
  });

  it("without pinyin, Chinese search still works and pinyin finds nothing", () => {
    const plain = createSearchIndex(texts.map((t, i) => snip(t, { id: `p${i}` })));
    expect(plain.hasPinyin).toBe(false);
    expect(ids(plain, "理想")).toEqual(["p2", "p0"]); // 理想，信念 starts with it
    expect(ids(plain, "lxxn")).toEqual([]);
  });
});

describe("ranking by match quality", () => {
  const s = {
    tag: snip("压实管党治党政治责任", { id: "tag", tags: ["主体责任"] }),
    prefix: snip("主体责任落实不到位", { id: "prefix" }),
    mid: snip("没有把主体责任扛在肩上", { id: "mid" }),
    late: snip("在全面从严治党方面，落实主体责任", { id: "late" }),
    tagPart: snip("一岗双责", { id: "tagPart", tags: ["落实主体责任"] }),
  };
  const ix = createSearchIndex([s.late, s.tagPart, s.mid, s.prefix, s.tag], py);

  it("in the text before in a tag only; text prefix > substring (earlier first); exact tag > part of a tag", () => {
    const hits = search(ix, "主体责任").hits;
    expect(hits.map((h) => h.snippet.id)).toEqual(["prefix", "mid", "late", "tag", "tagPart"]);
    expect(hits.map((h) => h.match!.tier)).toEqual(["prefix", "substring", "substring", "tag", "substring"]);
    expect(hits[0].match).toMatchObject({ field: "text", start: 0, end: 4 });
    expect(hits[3].match).toMatchObject({ field: "tag", tag: "主体责任", start: 0, end: 4 });
    expect(hits[4].match).toMatchObject({ field: "tag", tag: "落实主体责任", start: 2, end: 6 });
  });

  it("the same for pinyin: ztzr puts texts with 主体责任 before snippets only tagged with it", () => {
    const hits = search(ix, "ztzr").hits;
    expect(hits.map((h) => h.snippet.id)).toEqual(["prefix", "mid", "late", "tag", "tagPart"]);
    expect(hits.map((h) => h.match!.tier)).toEqual(["initials", "initials", "initials", "initials", "initials"]);
    expect(hits.slice(0, 3).every((h) => h.match!.field === "text")).toBe(true);
  });

  it("among equal pinyin matches the reading the library uses most comes first, not a rare homophone", () => {
    const ix2 = createSearchIndex(
      [
        snip("由主要负责同志任组长", { id: "homophone" }), // 责同志任: z-t-z-r too
        snip("层层压实主体责任", { id: "a" }),
        snip("扛起管党治党主体责任", { id: "b" }),
      ],
      py,
    );
    expect(ids(ix2, "ztzr")).toEqual(["a", "b", "homophone"]);
  });

  it("a text match outranks a tag match even of a better tier", () => {
    const ix2 = createSearchIndex([snip("以上率下、以身作则", { id: "tagged", tags: ["主体责任"] }), snip("压实管党治党主体责任", { id: "text" })], py);
    expect(ids(ix2, "主体责任")).toEqual(["text", "tagged"]);
  });

  it("tiers are ordered tag, prefix, substring, pinyin, initials, mixed", () => {
    expect(MATCH_TIERS).toEqual(["tag", "prefix", "substring", "pinyin", "initials", "mixed"]);
  });

  it("highlights the matched span in the text", () => {
    const hit = search(ix, "主体责任").hits.find((h) => h.snippet.id === "mid")!;
    expect(hit.match).toMatchObject({ field: "text", start: 3, end: 7 });
    expect(span(hit)).toBe("主体责任");
  });

  it("several terms must all match (any order)", () => {
    expect(ids(ix, "主体责任 肩上")).toEqual(["mid"]);
    expect(ids(ix, "肩上 主体责任")).toEqual(["mid"]);
    expect(ids(ix, "主体责任 不存在")).toEqual([]);
  });

  it("reports the total beyond the limit", () => {
    const r = search(ix, "责任", { limit: 2 });
    expect(r.hits).toHaveLength(2);
    expect(r.total).toBe(5);
  });
});

describe("ranking by the cursor's section, favourites and recent use", () => {
  const a = snip("加强理论学习，提高政治站位", { id: "a", roles: ["measures"], types: ["personal-review"] });
  const b = snip("加强理论学习，筑牢思想根基", { id: "b", roles: ["causes"], types: ["personal-review"] });
  const c = snip("加强理论学习，坚定理想信念", { id: "c", roles: ["causes"], types: ["team-review"] });
  const d = snip("加强理论学习，增强本领", { id: "d" }); // no roles or types: fits anywhere a little
  const ix = createSearchIndex([a, b, c, d], py);

  it("equal matches: the section's role first, then its type", () => {
    expect(ids(ix, "加强", { role: "causes", type: "personal-review" })).toEqual(["b", "c", "d", "a"]);
    expect(ids(ix, "加强", { role: "measures", type: "personal-review" })).toEqual(["a", "d", "b", "c"]);
    expect(ids(ix, "jqll", { role: "causes", type: "team-review" })[0]).toBe("c");
  });

  it("then favourites, then recent use (most recent first)", () => {
    expect(ids(ix, "加强", { role: "causes", favorites: new Set(["c"]) }).slice(0, 2)).toEqual(["c", "b"]);
    expect(ids(ix, "加强", { recent: ["d", "b"] }).slice(0, 2)).toEqual(["d", "b"]);
    const hit = search(ix, "加强", { favorites: new Set(["a"]), recent: ["a"] }).hits[0];
    expect(hit).toMatchObject({ favorite: true, recent: true });
  });

  it("match quality still comes before fit", () => {
    const e = snip("理论学习不够深入", { id: "e", roles: ["problems"] });
    const ix2 = createSearchIndex([a, b, e], py);
    expect(ids(ix2, "理论学习", { role: "causes" })[0]).toBe("e"); // text prefix beats a fitting substring
  });

  it("filters by kind", () => {
    const p = snip("理论学习", { id: "p", kind: "phrase" });
    const ix2 = createSearchIndex([a, p], py);
    expect(ids(ix2, "理论", { kind: "phrase" })).toEqual(["p"]);
  });
});

describe("suggestions (empty query)", () => {
  const lib = [
    snip("原因短语一", { id: "c1", roles: ["causes"], types: ["personal-review"], kind: "phrase" }),
    snip("原因短语二", { id: "c2", roles: ["causes"], types: ["personal-review"], kind: "phrase" }),
    snip("原因短语三", { id: "c3", roles: ["causes"], types: ["personal-review"], kind: "phrase" }),
    snip("原因句子。", { id: "c4", roles: ["causes"], types: ["personal-review"], kind: "sentence" }),
    snip("原因段落。", { id: "c5", roles: ["causes"], types: ["personal-review"], kind: "paragraph" }),
    snip("班子原因。", { id: "c6", roles: ["causes"], types: ["team-review"], kind: "sentence" }),
    snip("措施。", { id: "m1", roles: ["measures"], types: ["personal-review"], kind: "sentence" }),
    snip("讲话结尾。", { id: "g1", roles: ["closing"], types: ["speech-guidance"], kind: "sentence" }),
  ];
  const ix = createSearchIndex(lib, py);

  it("gives the section's snippets with the kinds taking turns", () => {
    const r = search(ix, "", { role: "causes", type: "personal-review" });
    expect(r.hits.every((h) => h.match === null)).toBe(true);
    expect(r.hits.map((h) => h.snippet.id)).toEqual(["c1", "c4", "c5", "c2", "c3"]);
    expect(r.total).toBe(5);
  });

  it("favourites and recent ones first", () => {
    const r = suggest(ix, { role: "causes", type: "personal-review", favorites: new Set(["c3"]), recent: ["c5", "c3"] });
    expect(r.hits.map((h) => h.snippet.id).slice(0, 3)).toEqual(["c3", "c5", "c1"]);
  });

  it("falls back to the role alone when no snippet has both", () => {
    expect(search(ix, "", { role: "causes", type: "speech-guidance" }).hits.map((h) => h.snippet.id)).toEqual(["c1", "c4", "c5", "c2", "c6", "c3"]);
  });

  it("falls back to the type, then everything, when the role has no snippets", () => {
    expect(search(ix, "  ", { role: "title", type: "speech-guidance" }).hits.map((h) => h.snippet.id)).toEqual(["g1"]);
    expect(search(ix, "", {}).hits).toHaveLength(lib.length);
  });

  it("respects the limit", () => {
    expect(search(ix, "", { role: "causes", limit: 2 }).hits).toHaveLength(2);
  });
});

describe("queryTerms", () => {
  it.each([
    ["  理想信念 ", ["理想信念"]],
    ["li xiang", ["lixiang"]],
    ["xi'an", ["xian"]],
    ["ＬＸＸＮ", ["lxxn"]],
    ["理想 担当", ["理想", "担当"]],
    ["", []],
    ["   ", []],
  ])("%j → %j", (q, terms) => {
    expect(queryTerms(q)).toEqual(terms);
  });
});

describe("the shipped library", () => {
  const ix = createSearchIndex([...builtinSnippets()], pinyinFromIndex(pinyinIndexJson as PinyinIndexData));

  it.each([
    ["lxxn", "理想信念"],
    ["ztzr", "主体责任"],
    ["lixiangxinnian", "理想信念"],
    ["lixiang", "理想"],
    ["理想信念", "理想信念"],
    ["xszy", "形式主义"],
    ["zzzw", "政治站位"],
    ["主体责任", "主体责任"],
  ])("%s → %s first, in the first five texts", (q, chars) => {
    const r = search(ix, q);
    expect(r.hits.length).toBeGreaterThan(0);
    expect(span(r.hits[0])).toBe(chars);
    // Not merely a tag: the words are in the texts offered first.
    expect(r.hits.slice(0, 5).every((h) => h.match!.field === "text" && h.snippet.text.includes(chars))).toBe(true);
  });

  it("finds every snippet whose text has 主体责任 for ztzr", () => {
    const found = new Set(search(ix, "ztzr", { limit: 100000 }).hits.map((h) => h.snippet.id));
    const expected = builtinSnippets().filter((s) => s.text.includes("主体责任"));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.filter((s) => !found.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it("orders the same with a small and a large limit", () => {
    for (const q of ["z", "责任", "lxxn", "zhengg"]) {
      const ctx = { role: "measures" as Role, type: "team-review" as DocTypeId, favorites: new Set(["r-0100"]), recent: ["r-0200"] };
      const small = search(ix, q, { ...ctx, limit: 30 }).hits.map((h) => h.snippet.id);
      const large = search(ix, q, { ...ctx, limit: 5000 }).hits.map((h) => h.snippet.id);
      expect(large.slice(0, 30)).toEqual(small);
    }
  });

  it("suggests snippets of the cursor's section", () => {
    const r = search(ix, "", { role: "causes", type: "personal-review" });
    expect(r.hits).toHaveLength(20);
    expect(r.hits.every((h) => h.snippet.roles.includes("causes"))).toBe(true);
    expect(new Set(r.hits.slice(0, 3).map((h) => h.snippet.kind)).size).toBeGreaterThan(1);
  });

  it("never throws and keeps highlights inside the text (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.constantFrom<Role | null>(null, "causes", "measures"), (q, role) => {
        const r = search(ix, q, { role, limit: 10 });
        for (const h of r.hits) {
          if (!h.match) continue;
          const field = h.match.field === "tag" ? h.match.tag! : h.snippet.text;
          if (!(h.match.start >= 0 && h.match.end <= field.length && h.match.start < h.match.end)) return false;
        }
        return r.hits.length <= 10 && r.total >= r.hits.length;
      }),
    );
  });

  it("finds every snippet by a piece of its own text (property)", () => {
    const all = builtinSnippets();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 6 }), (i, at, len) => {
        const text = all[i].text;
        const start = at % Math.max(1, text.length - 1);
        const piece = text.slice(start, start + len).replace(/\s/g, "");
        if (!piece) return true;
        return search(ix, piece, { limit: 100000 }).hits.some((h) => h.snippet.id === all[i].id);
      }),
      { numRuns: 200 },
    );
  });
});
