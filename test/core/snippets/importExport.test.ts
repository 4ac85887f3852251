// Export and import of user snippets, including hostile input: wrong schema, oversized files, HTML, prototype keys.
import {
  EXPORT_FORMAT,
  exportUserLibrary,
  importUserSnippets,
  MAX_IMPORT_SNIPPETS,
  utf8LengthExceeds,
} from "../../../src/core/snippets/importExport";
import { addUserSnippet, emptyUserLibrary, recordUse, removeImportSource, setFavorite, sourceCounts, type UserLibrary } from "../../../src/core/snippets/userLibrary";
import { createSearchIndex, search } from "../../../src/core/snippets/search";
import type { Snippet } from "../../../src/core/snippets/schema";

const now = new Date("2024-05-01T08:00:00Z");

function withOwn(...texts: string[]): UserLibrary {
  let lib = emptyUserLibrary();
  for (const text of texts) {
    const r = addUserSnippet(lib, { text, roles: ["causes"], tags: ["自定义"] }, { now });
    if (!r.ok) throw new Error(r.message);
    lib = r.library;
  }
  return lib;
}

function file(snippets: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, snippets, ...extra });
}

function imported(lib: UserLibrary, json: string, name = "同事的短语") {
  const r = importUserSnippets(lib, json, { name, now });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe("export", () => {
  it("writes the documented, versioned format", () => {
    const lib = withOwn("理想信念有所松懈", "宗旨意识有所淡化");
    const out = JSON.parse(exportUserLibrary(lib, { now, name: "我的短语" }));
    expect(out).toEqual({
      format: "tigang-snippets",
      version: 1,
      exportedAt: now.toISOString(),
      name: "我的短语",
      snippets: [
        { text: "宗旨意识有所淡化", kind: "phrase", roles: ["causes"], types: [], tags: ["自定义"] },
        { text: "理想信念有所松懈", kind: "phrase", roles: ["causes"], types: [], tags: ["自定义"] },
      ],
    });
  });

  it("round-trips: export then import into an empty library gives the same snippets", () => {
    const lib = withOwn("理想信念有所松懈", "宗旨意识有所淡化");
    const r = imported(emptyUserLibrary(), exportUserLibrary(lib));
    expect(r.added).toBe(2);
    expect(r.library.snippets.map(({ text, kind, roles, types, tags }) => ({ text, kind, roles, types, tags }))).toEqual(
      lib.snippets.map(({ text, kind, roles, types, tags }) => ({ text, kind, roles, types, tags })),
    );
  });

  it("exports one source", () => {
    const r = imported(withOwn("甲短语"), file([{ text: "乙短语" }]));
    expect(JSON.parse(exportUserLibrary(r.library, { source: r.source.id })).snippets.map((s: Snippet) => s.text)).toEqual(["乙短语"]);
    expect(JSON.parse(exportUserLibrary(r.library, { source: "own" })).snippets.map((s: Snippet) => s.text)).toEqual(["甲短语"]);
  });
});

describe("import", () => {
  it("adds snippets as a named source, guessing kinds, accepting a bare array too", () => {
    const r = imported(emptyUserLibrary(), file([{ text: "压实管党治党政治责任", roles: ["measures"] }, { text: "对照检查。深刻剖析。问题根源在思想深处，要从理想信念上找原因，从党性修养上找差距，从宗旨意识上找偏差。" }]));
    expect(r).toMatchObject({ added: 2, merged: 0, skipped: 0, source: { name: "同事的短语", importedAt: now.toISOString(), added: 2 } });
    expect(r.library.snippets.map((s) => [s.kind, s.source])).toEqual([
      ["phrase", r.source.id],
      ["paragraph", r.source.id],
    ]);
    const bare = imported(emptyUserLibrary(), JSON.stringify([{ id: "x", text: "理想信念", kind: "phrase", roles: [], types: [], tags: [] }]));
    expect(bare.added).toBe(1);
    expect(bare.library.snippets[0].id).toMatch(/^i-/);
  });

  it("uses the file's name when none is given, and tolerates a BOM", () => {
    const r = importUserSnippets(emptyUserLibrary(), "\uFEFF" + file([{ text: "好" }], { name: "办公室短语" }), { now });
    expect(r).toMatchObject({ ok: true, source: { name: "办公室短语" } });
  });

  it("merges duplicates inside the file and skips what the user or the shipped library already has", () => {
    const builtin: Snippet[] = [{ id: "r-1", text: "理想信念有所松懈", kind: "phrase", roles: ["causes"], types: [], tags: [] }];
    const lib = withOwn("宗旨意识有所淡化");
    const r = importUserSnippets(
      lib,
      file([
        { text: "党性修养有所放松", tags: ["党性"] },
        { text: "党性修养 有所放松。", tags: ["修养"], roles: ["causes"] },
        { text: "宗旨意识有所淡化！" },
        { text: "理想信念，有所松懈" },
      ]),
      { now, builtin },
    );
    expect(r).toMatchObject({ ok: true, added: 1, merged: 1, skipped: 2 });
    if (!r.ok) return;
    expect(r.library.snippets.at(-1)).toMatchObject({ text: "党性修养有所放松", tags: ["党性", "修养"], roles: ["causes"] });
  });

  it("removes an import as a unit, with its favourites and recent entries", () => {
    const first = imported(withOwn("自己的短语"), file([{ text: "甲" }, { text: "乙" }]), "第一批");
    const second = imported(first.library, file([{ text: "丙" }]), "第二批");
    const jia = second.library.snippets.find((s) => s.text === "甲")!;
    const lib = recordUse(setFavorite(second.library, jia.id, true), jia.id);
    expect(sourceCounts(lib).map((s) => [s.name, s.count])).toEqual([
      ["我添加的", 1],
      ["第一批", 2],
      ["第二批", 1],
    ]);
    const after = removeImportSource(lib, first.source.id);
    expect(after.snippets.map((s) => s.text)).toEqual(["自己的短语", "丙"]);
    expect(after.sources.map((s) => s.name)).toEqual(["第二批"]);
    expect(after.favorites).toEqual([]);
    expect(after.recent).toEqual([]);
    expect(removeImportSource(after, "own")).toBe(after);
    expect(removeImportSource(after, "s-none")).toBe(after);
  });

  it("keeps HTML as plain text, unchanged, and searchable as text", () => {
    const html = "<img src=x onerror=alert(1)>";
    const r = imported(emptyUserLibrary(), file([{ text: html, tags: ["<b>标签</b>"] }, { text: "<script>alert('x')</script>加强学习" }]));
    expect(r.library.snippets[0].text).toBe(html);
    expect(r.library.snippets[0].tags).toEqual(["<b>标签</b>"]);
    expect(r.library.snippets[1].text).toBe("<script>alert('x')</script>加强学习");
    const back = JSON.parse(exportUserLibrary(r.library));
    expect(back.snippets[0].text).toBe(html);
    const ix = createSearchIndex(r.library.snippets);
    expect(search(ix, "onerror").hits[0].snippet.text).toBe(html);
  });
});

describe("import of hostile or broken files changes nothing and says why", () => {
  const lib = withOwn("原有短语");

  function refused(json: string) {
    const r = importUserSnippets(lib, json, { now });
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error("accepted");
    expect(r.message).toMatch(/^导入失败：.*短语库未做任何更改。$/);
    return r;
  }

  it("names the first problems with their places (up to 3)", () => {
    const r = refused(file([{ text: "好" }, { text: "好" }, { text: "" }, { text: "好", roles: ["boss"] }, { text: "好", kind: "word" }, { tags: [] }]));
    expect(r.problems).toEqual(["第3条的 text 为空", "第4条的 roles 第1项“boss”不是可识别的作用", "第5条的 kind“word”应为 phrase、sentence 或 paragraph"]);
    expect(r.message).toContain("等共 4 处问题");
  });

  it.each([
    ["not JSON", "{snippets: [", /不是有效的 JSON/],
    ["a number", "42", /应为短语库导出文件/],
    ["null", "null", /应为短语库导出文件/],
    ["another format", JSON.stringify({ format: "other", snippets: [] }), /format 应为“tigang-snippets”/],
    ["a newer version", file([], { version: 2 }), /版本为 2.*升级/],
    ["snippets not an array", file([], { snippets: "x" }), /snippets 字段 应为数组/],
    ["text of the wrong type", file([{ text: 5 }]), /第1条的 text 应为文字/],
    ["a missing text", file([{ tags: ["a"] }]), /第1条缺少 text/],
    ["a tag too long", file([{ text: "好", tags: ["长".repeat(31)] }]), /第1条的 tags 第1项 过长（超过 30 字）/],
    ["a text too long", file([{ text: "长".repeat(5001) }]), /第1条的 text 过长（超过 5000 字）/],
    ["an unknown type", file([{ text: "好", types: ["memo"] }]), /第1条的 types 第1项“memo”不是可识别的材料类型/],
  ])("%s", (_name, json, message) => {
    expect(refused(json).message).toMatch(message);
  });

  it("refuses a 50 MB string at once, without parsing it", () => {
    const huge = "[" + '{"text":"好"},'.repeat(50 * 1024 * 1024 / 13) + '{"text":"好"}]';
    expect(huge.length).toBeGreaterThan(50 * 1000 * 1000);
    const t = Date.now();
    const r = refused(huge);
    expect(Date.now() - t).toBeLessThan(200);
    expect(r.message).toMatch(/超过 5 MB/);
  });

  it("refuses just over 5 MB of Chinese (counted in UTF-8 bytes)", () => {
    const text = "字".repeat(Math.ceil((5 * 1024 * 1024) / 3) + 10);
    expect(text.length).toBeLessThan(5 * 1024 * 1024);
    expect(refused(file([{ text }])).message).toMatch(/超过 5 MB/);
    expect(utf8LengthExceeds("字字", 6)).toBe(false);
    expect(utf8LengthExceeds("字字", 5)).toBe(true);
    expect(utf8LengthExceeds("😀", 3)).toBe(true);
  });

  it(`refuses more than ${MAX_IMPORT_SNIPPETS} snippets`, () => {
    const many = Array.from({ length: MAX_IMPORT_SNIPPETS + 1 }, (_, i) => ({ text: `第${i}条` }));
    expect(refused(JSON.stringify(many)).message).toMatch(/20001 条短语，超过 20000 条上限/);
  });

  it("ignores __proto__ keys and does not pollute prototypes", () => {
    const r = importUserSnippets(emptyUserLibrary(), '{"format":"tigang-snippets","version":1,"snippets":[{"text":"好","__proto__":{"polluted":1}}],"__proto__":{"polluted":2}}', { now });
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) expect(Object.keys(r.library.snippets[0])).not.toContain("__proto__");
  });

  it("leaves the library object untouched", () => {
    const before = JSON.stringify(lib);
    importUserSnippets(lib, file([{ text: "" }]), { now });
    importUserSnippets(lib, file([{ text: "新" }]), { now });
    expect(JSON.stringify(lib)).toBe(before);
  });
});
