/** @jest-environment jsdom */
// Component tests of the 短语 tab's “我的短语”: save the selection, edit text/section/tags, delete, favourite,
// import (an invalid file changes nothing; a valid one can be removed as a unit). Outcomes are checked in the
// store (what would be persisted) and in the rendered text.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryHost } from "../../src/host/memoryHost";
import SnippetsTab from "../../src/taskpane/tabs/SnippetsTab";
import { MemorySnippetStore, addUserSnippet, emptyUserLibrary, importUserSnippets, type SnippetInput, type UserLibrary } from "../../src/core/snippets";
import type { DocumentState } from "../../src/taskpane/useDocument";

const host = () => new MemoryHost({ paragraphs: [{ text: "张三同志个人对照检查材料" }, { text: "二、原因分析" }, { text: "理想信念有所松懈。" }], selection: { start: { paragraph: 2, offset: 0 } } });

/** A fake DocumentState: the cursor is in a `role` section of a personal review, `selectionText` is selected. */
const fakeState = (role: DocumentState["cursorRole"], selectionText = "") =>
  ({
    cursorRole: role,
    type: "personal-review",
    snapshot: null,
    doc: null,
    act: async (f: () => Promise<unknown>) => (await f(), true),
    actAtCursor: async (f: (snap: unknown, doc: unknown) => Promise<unknown>) => {
      await f({ paragraphs: [], cursor: 2, selectionText }, null);
      return true;
    },
    setError: () => undefined,
  }) as unknown as DocumentState;

// Texts surely not in the shipped library (adding one it has is refused).
const MINE = "在联系服务群众上习惯于听汇报、看材料，深入一线蹲点调研的次数偏少。";
const MINE_2 = "对【某项工作】的推进缺乏一抓到底的韧劲，存在虎头蛇尾现象。";

const seeded = (...inputs: SnippetInput[]): UserLibrary => {
  let lib = emptyUserLibrary();
  for (const input of inputs) {
    const r = addUserSnippet(lib, input);
    if (!r.ok) throw new Error(r.message);
    lib = r.library;
  }
  return lib;
};

const renderTab = async (store: MemorySnippetStore, state: DocumentState) => {
  render(<SnippetsTab host={host()} state={state} store={store} />);
  // Wait until the search index is built and the user library is loaded.
  await screen.findAllByTestId("snippet-hit", {}, { timeout: 5000 });
  return within(await screen.findByRole("region", { name: "我的短语" }));
};

const click = async (el: Element) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

/** A File whose text() works under jsdom (which lacks Blob.prototype.text). */
const jsonFile = (name: string, content: string, size?: number) => {
  const file = new File([content], name, { type: "application/json" });
  Object.defineProperty(file, "text", { value: jest.fn(async () => content) });
  if (size !== undefined) Object.defineProperty(file, "size", { value: size });
  return file;
};

const chooseFile = async (file: File) => {
  await act(async () => {
    fireEvent.change(screen.getByTestId("import-file"), { target: { files: [file] } });
  });
};

const ownTexts = () => screen.queryAllByTestId("own-snippet").map((el) => el.textContent ?? "");

describe("我的短语", () => {
  test("saves the selected text with the chosen section and tags", async () => {
    const store = new MemorySnippetStore();
    const mine = await renderTab(store, fakeState("problems", `  ${MINE}\n`));
    fireEvent.change(mine.getByLabelText("适用小节"), { target: { value: "causes" } });
    fireEvent.change(mine.getByLabelText("标签（逗号分隔）"), { target: { value: "宗旨意识，作风建设" } });
    await click(mine.getByTestId("save-selection"));

    await waitFor(async () => expect((await store.load()).snippets).toHaveLength(1));
    const [s] = (await store.load()).snippets;
    expect(s).toMatchObject({ text: MINE, roles: ["causes"], types: ["personal-review"], tags: ["宗旨意识", "作风建设"], source: "own" });
    expect(screen.getByTestId("snippet-notice").textContent).toBe("已保存到“我的短语”。");
    expect(mine.getByText("我的短语（1）")).toBeTruthy();
    const shown = mine.getByTestId("own-snippet").textContent ?? "";
    expect(shown).toContain(MINE);
    expect(shown).toContain("原因分析");
    expect(shown).toContain("#宗旨意识");
    expect(shown).toContain("#作风建设");
    // The new snippet is searchable at once.
    fireEvent.change(screen.getByTestId("snippet-search"), { target: { value: "蹲点调研" } });
    await waitFor(() => expect(screen.getAllByTestId("snippet-hit")[0].getAttribute("data-id")).toBe(s.id));
  });

  test("with nothing selected, asks for a selection and saves nothing", async () => {
    const store = new MemorySnippetStore();
    const mine = await renderTab(store, fakeState("causes", ""));
    await click(mine.getByTestId("save-selection"));
    const problem = screen.getByTestId("snippet-problem");
    expect(problem.textContent).toBe("请先在文档中选中要保存的文字。");
    // Where the eye is: inside 我的短语, right after the row holding the button, not above the list of hits.
    expect(mine.getByTestId("save-selection").parentElement!.nextElementSibling).toBe(problem);
    expect(store.saves).toBe(0);
    expect(ownTexts()).toEqual([]);
  });

  test("edits a snippet's text, section and tags; the id (and so its favourite) stays", async () => {
    const lib = seeded({ text: MINE, roles: ["causes"], tags: ["宗旨意识"] });
    const id = lib.snippets[0].id;
    const store = new MemorySnippetStore({ ...lib, favorites: [id] });
    const mine = await renderTab(store, fakeState("causes"));
    await click(mine.getByTestId("edit-own"));

    const editor = within(mine.getByTestId("own-snippet-editor"));
    expect((editor.getByLabelText("文字") as HTMLTextAreaElement).value).toBe(MINE);
    expect((editor.getByLabelText("适用小节") as HTMLSelectElement).value).toBe("causes");
    expect((editor.getByLabelText("标签（逗号分隔）") as HTMLInputElement).value).toBe("宗旨意识");
    fireEvent.change(editor.getByLabelText("文字"), { target: { value: MINE_2 } });
    fireEvent.change(editor.getByLabelText("适用小节"), { target: { value: "problems" } });
    fireEvent.change(editor.getByLabelText("标签（逗号分隔）"), { target: { value: "担当作为、整改落实" } });
    await click(editor.getByTestId("save-edit"));

    await waitFor(async () => expect((await store.load()).snippets[0].text).toBe(MINE_2));
    const saved = await store.load();
    expect(saved.snippets).toHaveLength(1);
    expect(saved.snippets[0]).toMatchObject({ id, text: MINE_2, roles: ["problems"], tags: ["担当作为", "整改落实"] });
    expect(saved.favorites).toEqual([id]);
    expect(screen.queryByTestId("own-snippet-editor")).toBeNull();
    expect(screen.getByTestId("snippet-notice").textContent).toBe("已修改。");
    const shown = mine.getByTestId("own-snippet").textContent ?? "";
    expect(shown).toContain(MINE_2);
    expect(shown).not.toContain(MINE);
    expect(shown).toContain("存在的问题");
    expect(shown).not.toContain("原因分析");
    expect(shown).toContain("#担当作为");
    expect(shown).not.toContain("#宗旨意识");
  });

  test("editing can clear the section; several imported sections are kept unless changed", async () => {
    const r = importUserSnippets(emptyUserLibrary(), JSON.stringify([{ text: MINE, roles: ["causes", "problems"], tags: ["作风建设"] }]), { name: "科室.json" });
    if (!r.ok) throw new Error(r.message);
    const store = new MemorySnippetStore(r.library);
    const mine = await renderTab(store, fakeState("causes"));

    await click(mine.getByTestId("edit-own"));
    let editor = within(mine.getByTestId("own-snippet-editor"));
    expect((editor.getByLabelText("适用小节") as HTMLSelectElement).value).toBe("keep");
    fireEvent.change(editor.getByLabelText("标签（逗号分隔）"), { target: { value: "作风建设，为民服务" } });
    await click(editor.getByTestId("save-edit"));
    await waitFor(async () => expect((await store.load()).snippets[0].tags).toEqual(["作风建设", "为民服务"]));
    expect((await store.load()).snippets[0].roles).toEqual(["causes", "problems"]);

    await click(mine.getByTestId("edit-own"));
    editor = within(mine.getByTestId("own-snippet-editor"));
    fireEvent.change(editor.getByLabelText("适用小节"), { target: { value: "" } });
    await click(editor.getByTestId("save-edit"));
    await waitFor(async () => expect((await store.load()).snippets[0].roles).toEqual([]));
    expect((await store.load()).snippets[0].tags).toEqual(["作风建设", "为民服务"]);
  });

  test("an invalid edit shows the Chinese reason and changes nothing", async () => {
    const lib = seeded({ text: MINE, roles: ["causes"] }, { text: MINE_2, roles: ["problems"] });
    const store = new MemorySnippetStore(lib);
    const before = store.raw();
    const mine = await renderTab(store, fakeState("causes"));
    const target = mine.getAllByTestId("own-snippet").find((el) => el.textContent?.includes(MINE))!;
    await click(within(target).getByTestId("edit-own"));
    const editor = within(mine.getByTestId("own-snippet-editor"));
    fireEvent.change(editor.getByLabelText("文字"), { target: { value: "   " } });
    await click(editor.getByTestId("save-edit"));
    expect(screen.getByTestId("snippet-problem").textContent).toBe("文字为空");
    expect(screen.getByTestId("own-snippet-editor")).toBeTruthy();
    // The same text as the other snippet is refused as a duplicate.
    fireEvent.change(editor.getByLabelText("文字"), { target: { value: MINE_2 } });
    await click(editor.getByTestId("save-edit"));
    expect(screen.getByTestId("snippet-problem").textContent).toMatch(/^与已有短语“.+”重复。$/);
    expect(store.raw()).toBe(before);
    expect(store.saves).toBe(0);
  });

  test("deletes a snippet", async () => {
    const lib = seeded({ text: MINE, roles: ["causes"] }, { text: MINE_2, roles: ["problems"] });
    const store = new MemorySnippetStore(lib);
    const mine = await renderTab(store, fakeState("causes"));
    expect(mine.getByText("我的短语（2）")).toBeTruthy();
    const target = mine.getAllByTestId("own-snippet").find((el) => el.textContent?.includes(MINE))!;
    await click(within(target).getByTestId("delete-own"));

    await waitFor(async () => expect((await store.load()).snippets.map((s) => s.text)).toEqual([MINE_2]));
    expect(mine.getByText("我的短语（1）")).toBeTruthy();
    expect(ownTexts().some((t) => t.includes(MINE))).toBe(false);
    expect(screen.getByTestId("snippet-notice").textContent).toBe("已删除。");
    fireEvent.change(screen.getByTestId("snippet-search"), { target: { value: "蹲点调研" } });
    await waitFor(() => expect(screen.queryAllByTestId("snippet-hit").some((h) => h.textContent?.includes(MINE))).toBe(false));
  });

  test("☆ favourites one's own snippet, and the favourite is suggested first for its section", async () => {
    const lib = seeded({ text: MINE, roles: ["causes"], types: ["personal-review"] });
    const id = lib.snippets[0].id;
    const store = new MemorySnippetStore(lib);
    const mine = await renderTab(store, fakeState("causes"));
    const star = mine.getByTestId("favorite-own");
    expect(star.textContent).toBe("☆");
    expect(star.getAttribute("aria-pressed")).toBe("false");
    expect(screen.getAllByTestId("snippet-hit")[0].getAttribute("data-id")).not.toBe(id);

    await click(star);
    await waitFor(async () => expect((await store.load()).favorites).toEqual([id]));
    expect(mine.getByTestId("favorite-own").textContent).toBe("★");
    expect(mine.getByTestId("favorite-own").getAttribute("aria-pressed")).toBe("true");
    const first = screen.getAllByTestId("snippet-hit")[0];
    expect(first.getAttribute("data-id")).toBe(id);
    expect(first.textContent).toContain("★");

    // Toggling again (here from the suggestion) unfavourites it everywhere.
    await click(within(first).getByTitle("取消收藏"));
    await waitFor(async () => expect((await store.load()).favorites).toEqual([]));
    expect(mine.getByTestId("favorite-own").textContent).toBe("☆");
    expect(screen.getAllByTestId("snippet-hit")[0].getAttribute("data-id")).not.toBe(id);
  });
});

describe("导入", () => {
  test("an invalid file gets a Chinese message naming the problems and changes nothing", async () => {
    const store = new MemorySnippetStore(seeded({ text: MINE, roles: ["causes"] }));
    const before = store.raw();
    await renderTab(store, fakeState("causes"));
    const bad = { format: "tigang-snippets", version: 1, snippets: [{ text: MINE_2, roles: ["causes"] }, { text: "" }, { text: "落实主体责任", roles: ["无此小节"] }] };
    await chooseFile(jsonFile("坏的.json", JSON.stringify(bad)));

    const problem = (await screen.findByTestId("snippet-problem")).textContent ?? "";
    expect(problem).toMatch(/^导入失败：/);
    expect(problem).toContain("第2条的 text 为空");
    expect(problem).toContain("第3条的 roles 第1项“无此小节”不是可识别的作用");
    expect(problem).toMatch(/短语库未做任何更改。$/);
    expect(problem.match(/第2条的 text 为空/g)).toHaveLength(1);
    expect(store.raw()).toBe(before);
    expect(store.saves).toBe(0);
    expect(ownTexts()).toHaveLength(1);
    expect(screen.queryByText(/导入的“/)).toBeNull();
  });

  test("a file that is not JSON, or not a snippet file, is refused by name", async () => {
    const store = new MemorySnippetStore();
    await renderTab(store, fakeState("causes"));
    await chooseFile(jsonFile("notes.json", "<html>不是 JSON</html>"));
    expect((await screen.findByTestId("snippet-problem")).textContent).toMatch(/^导入失败：不是有效的 JSON 文件/);
    await chooseFile(jsonFile("other.json", JSON.stringify({ format: "something-else", snippets: [] })));
    await waitFor(() => expect(screen.getByTestId("snippet-problem").textContent).toContain("不是提纲助手的短语库文件"));
    expect(store.saves).toBe(0);
  });

  test("an oversized file is refused before it is read", async () => {
    const store = new MemorySnippetStore();
    await renderTab(store, fakeState("causes"));
    const file = jsonFile("huge.json", "[]", 50 * 1048576);
        await chooseFile(file);
    expect(screen.getByTestId("snippet-problem").textContent).toBe("文件过大（50.0 MB），上限为 5 MB，未导入任何内容。");
    expect(file.text).not.toHaveBeenCalled();
    expect(store.saves).toBe(0);
  });

  test("a valid file adds its snippets (duplicates merged); 移除 takes them all away again", async () => {
    const store = new MemorySnippetStore(seeded({ text: MINE, roles: ["causes"] }));
    const mine = await renderTab(store, fakeState("causes"));
    const office = {
      format: "tigang-snippets",
      version: 1,
      snippets: [
        { text: MINE_2, roles: ["problems"], tags: ["担当作为"] },
        { text: "坚持把【某项要求】贯穿整改全过程。", roles: ["measures"], tags: ["整改落实"] },
        { text: `${MINE_2} `, roles: ["causes"] },
        { text: MINE, roles: ["causes"] },
      ],
    };
    await chooseFile(jsonFile("办公室短语库.json", JSON.stringify(office)));

    await waitFor(async () => expect((await store.load()).snippets).toHaveLength(3));
    const lib = await store.load();
    expect(lib.sources).toHaveLength(1);
    const imported = lib.snippets.filter((s) => s.source === lib.sources[0].id);
    expect(imported.map((s) => s.text)).toEqual([MINE_2, "坚持把【某项要求】贯穿整改全过程。"]);
    expect(imported[0].roles).toEqual(["problems", "causes"]);
    expect(screen.getByTestId("snippet-notice").textContent).toBe("已导入“办公室短语库.json”：新增 2 条，合并 1 条，跳过重复 1 条。");
    expect(mine.getByText("导入的“办公室短语库.json”：2 条")).toBeTruthy();
    expect(mine.getByText("我的短语（3）")).toBeTruthy();
    expect(ownTexts().filter((t) => t.includes(MINE_2))).toHaveLength(1);

    // Favourite one imported snippet: removing the import takes the favourite with it.
    const importedEl = mine.getAllByTestId("own-snippet").find((el) => el.getAttribute("data-id") === imported[0].id)!;
    await click(within(importedEl).getByTestId("favorite-own"));
    await waitFor(async () => expect((await store.load()).favorites).toEqual([imported[0].id]));

    await click(mine.getByRole("button", { name: "移除" }));
    await waitFor(async () => expect((await store.load()).sources).toEqual([]));
    const after = await store.load();
    expect(after.snippets.map((s) => s.text)).toEqual([MINE]);
    expect(after.favorites).toEqual([]);
    expect(screen.getByTestId("snippet-notice").textContent).toBe("已移除“办公室短语库.json”。");
    expect(mine.queryByText(/导入的“/)).toBeNull();
    expect(ownTexts()).toHaveLength(1);
    expect(ownTexts()[0]).toContain(MINE);
  });
});
