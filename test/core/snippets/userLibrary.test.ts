// The user's own snippets: add, edit, delete, favourites, recent use, persistence through a SnippetStore.
import {
  addUserSnippet,
  deleteUserSnippet,
  editUserSnippet,
  emptyUserLibrary,
  MAX_RECENT,
  MemorySnippetStore,
  parseTags,
  parseUserLibrary,
  preferencesOf,
  recordUse,
  searchableSnippets,
  setFavorite,
  sourceCounts,
  toggleFavorite,
  type UserLibrary,
} from "../../../src/core/snippets/userLibrary";
import { createSearchIndex, search } from "../../../src/core/snippets/search";
import type { Snippet } from "../../../src/core/snippets/schema";

const now = new Date("2024-05-01T08:00:00Z");

function added(lib: UserLibrary, text: string, extra: Partial<Parameters<typeof addUserSnippet>[1]> = {}) {
  const r = addUserSnippet(lib, { text, ...extra }, { now });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe("adding", () => {
  it("adds a snippet from the selection with role and tags, guessing its kind", () => {
    const r = added(emptyUserLibrary(), "  理想信念有所松懈\r\n", { roles: ["causes"], tags: ["理想信念"] });
    expect(r.merged).toBe(false);
    expect(r.snippet).toMatchObject({ text: "理想信念有所松懈", kind: "phrase", roles: ["causes"], types: [], tags: ["理想信念"], source: "own", createdAt: now.toISOString() });
    expect(r.snippet.id).toMatch(/^u-[0-9a-z]+$/);
    expect(r.library.snippets).toEqual([r.snippet]);
  });

  it("keeps paragraphs of a multi-paragraph selection and calls it a paragraph", () => {
    const r = added(emptyUserLibrary(), "第一段。\r\r  第二段。\u000b");
    expect(r.snippet.text).toBe("第一段。\n第二段。");
    expect(r.snippet.kind).toBe("paragraph");
  });

  it("does not change the library it was given", () => {
    const lib = emptyUserLibrary();
    const before = JSON.stringify(lib);
    added(lib, "压实管党治党政治责任");
    expect(JSON.stringify(lib)).toBe(before);
  });

  it("merges a duplicate (after normalising punctuation and spaces) instead of adding it", () => {
    const a = added(emptyUserLibrary(), "压实管党治党政治责任。", { tags: ["主体责任"] });
    const b = added(a.library, "压实 管党治党政治责任", { tags: ["一岗双责"], roles: ["measures"] });
    expect(b.merged).toBe(true);
    expect(b.library.snippets).toHaveLength(1);
    expect(b.snippet).toMatchObject({ id: a.snippet.id, tags: ["主体责任", "一岗双责"], roles: ["measures"] });
  });

  it("refuses empty, punctuation-only, too long and shipped texts", () => {
    const lib = emptyUserLibrary();
    for (const text of ["", "  \r\n ", "。，、"]) expect(addUserSnippet(lib, { text }).ok).toBe(false);
    const long = addUserSnippet(lib, { text: "字".repeat(5001) });
    expect(long).toMatchObject({ ok: false, message: expect.stringMatching(/过长/) });
    const builtin: Snippet[] = [{ id: "r-1", text: "理想信念有所松懈", kind: "phrase", roles: ["causes"], types: ["personal-review"], tags: [] }];
    const dup = addUserSnippet(lib, { text: "理想信念有所松懈。" }, { builtin });
    expect(dup).toMatchObject({ ok: false, message: expect.stringMatching(/已有相同/), problems: ["r-1"] });
    expect(addUserSnippet(lib, { text: "好", roles: ["nonsense" as never] })).toMatchObject({ ok: false });
    expect(addUserSnippet(lib, { text: "好", tags: Array.from({ length: 21 }, (_, i) => `标签${i}`) })).toMatchObject({ ok: false, message: expect.stringMatching(/标签过多/) });
  });
});

describe("editing and deleting", () => {
  const base = added(added(emptyUserLibrary(), "加强理论学习").library, "提高政治站位").library;
  const [second, first] = base.snippets;

  it("edits text, roles and tags and keeps the id", () => {
    const r = editUserSnippet(base, first.id, { text: "持续加强理论学习", tags: ["理论学习"] }, { now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snippet).toMatchObject({ id: first.id, text: "持续加强理论学习", tags: ["理论学习"], updatedAt: now.toISOString() });
    expect(r.library.snippets.map((s) => s.id)).toEqual([second.id, first.id]);
  });

  it("refuses an edit that duplicates another snippet, or of an unknown id", () => {
    expect(editUserSnippet(base, first.id, { text: "提高政治站位。" })).toMatchObject({ ok: false, message: expect.stringMatching(/重复/) });
    expect(editUserSnippet(base, "u-none", { text: "x" })).toMatchObject({ ok: false });
    expect(editUserSnippet(base, first.id, { text: "" })).toMatchObject({ ok: false });
  });

  it("a new snippet with an edited snippet's old text gets a fresh id", () => {
    const r = editUserSnippet(base, first.id, { text: "改过的文字" });
    if (!r.ok) throw new Error(r.message);
    const again = added(r.library, "加强理论学习");
    expect(again.snippet.id).not.toBe(first.id);
    expect(new Set(again.library.snippets.map((s) => s.id)).size).toBe(3);
  });

  it("deletes a snippet with its favourite and recent entries", () => {
    const lib = recordUse(setFavorite(base, first.id, true), first.id);
    const after = deleteUserSnippet(lib, first.id);
    expect(after.snippets.map((s) => s.id)).toEqual([second.id]);
    expect(after.favorites).toEqual([]);
    expect(after.recent).toEqual([]);
    expect(deleteUserSnippet(after, "u-none")).toBe(after);
  });
});

describe("favourites and recent use", () => {
  it("favourites any id, toggles, and ignores no-op changes", () => {
    let lib = setFavorite(emptyUserLibrary(), "r-0001", true);
    expect(lib.favorites).toEqual(["r-0001"]);
    expect(setFavorite(lib, "r-0001", true)).toBe(lib);
    lib = toggleFavorite(lib, "r-0002");
    expect(lib.favorites).toEqual(["r-0002", "r-0001"]);
    lib = toggleFavorite(lib, "r-0001");
    expect(lib.favorites).toEqual(["r-0002"]);
  });

  it("keeps recent use most recent first, without repeats, capped", () => {
    let lib = emptyUserLibrary();
    for (const id of ["a", "b", "a", "c"]) lib = recordUse(lib, id);
    expect(lib.recent).toEqual(["c", "a", "b"]);
    for (let i = 0; i < MAX_RECENT + 10; i++) lib = recordUse(lib, `x${i}`);
    expect(lib.recent).toHaveLength(MAX_RECENT);
    expect(lib.recent[0]).toBe(`x${MAX_RECENT + 9}`);
  });

  it("feeds search: the user's snippets are searchable and preferences rank", () => {
    const builtin: Snippet[] = [{ id: "r-1", text: "加强理论学习，筑牢思想根基", kind: "sentence", roles: [], types: [], tags: [] }];
    const a = added(emptyUserLibrary(), "加强理论学习，学深悟透");
    const lib = toggleFavorite(a.library, "r-1");
    const ix = createSearchIndex(searchableSnippets(lib, builtin));
    expect(search(ix, "加强", preferencesOf(lib)).hits.map((h) => h.snippet.id)).toEqual(["r-1", a.snippet.id]);
    expect(search(ix, "加强").hits[0].snippet.id).toBe(a.snippet.id); // the user's own win ties
  });
});

describe("persistence", () => {
  it("round-trips through the memory store as JSON", async () => {
    const store = new MemorySnippetStore();
    expect(await store.load()).toEqual(emptyUserLibrary());
    const lib = recordUse(setFavorite(added(emptyUserLibrary(), "压实责任", { tags: ["主体责任"] }).library, "r-9", true), "r-9");
    await store.save(lib);
    expect(store.saves).toBe(1);
    expect(JSON.parse(store.raw()!)).toEqual(lib);
    expect(await store.load()).toEqual(lib);
  });

  it("reads a damaged stored library defensively", () => {
    expect(parseUserLibrary(undefined)).toEqual({ library: emptyUserLibrary(), problems: [] });
    expect(parseUserLibrary("garbage").problems).toHaveLength(1);
    expect(parseUserLibrary({ version: 99 }).problems[0]).toMatch(/版本/);
    const good = added(emptyUserLibrary(), "压实责任").library;
    const raw = { ...good, snippets: [...good.snippets, { id: "u-bad", text: "" }, good.snippets[0]], favorites: ["a", 3, "a"], recent: "x" };
    const { library, problems } = parseUserLibrary(raw);
    expect(library.snippets).toEqual(good.snippets);
    expect(library.favorites).toEqual(["a"]);
    expect(library.recent).toEqual([]);
    expect(problems).toEqual(["第2条保存的短语已损坏，已略去。", "第3条保存的短语重复或来源不明，已略去。"]);
  });
});

describe("helpers", () => {
  it("splits typed tags", () => {
    expect(parseTags("理想信念，党性修养、 宗旨意识;理想信念")).toEqual(["理想信念", "党性修养", "宗旨意识"]);
  });

  it("counts snippets per source", () => {
    const lib = added(emptyUserLibrary(), "压实责任").library;
    expect(sourceCounts(lib)).toEqual([{ id: "own", name: "我添加的", count: 1 }]);
  });
});
