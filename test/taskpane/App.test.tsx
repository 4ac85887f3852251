/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/host/memoryHost";
import SnippetsTab from "../../src/taskpane/tabs/SnippetsTab";
import { MemorySnippetStore, emptyUserLibrary, importUserSnippets } from "../../src/core/snippets";
import type { DocumentState } from "../../src/taskpane/useDocument";

const sample = () =>
  new MemoryHost({
    paragraphs: [{ text: "张三同志个人对照检查材料" }, { text: "按照部署，现将对照检查情况报告如下：" }, { text: "一、存在的问题" }, { text: "（一）学习不够深入。" }, { text: "二、原因分析" }, { text: "理想信念有所松懈。" }],
    selection: { start: { paragraph: 5, offset: 0 } },
  });

describe("the task pane", () => {
  test("reads the document in one batch on open and shows what it found", async () => {
    const host = sample();
    render(<App host={host} />);
    await screen.findByText(/《张三同志个人对照检查材料》 · 共 6 段/);
    expect(host.batches).toBe(1);
  });

  test("an error from the host shows as a Chinese message and the document is unchanged", async () => {
    const host = sample();
    render(<App host={host} />);
    await screen.findByText(/共 6 段/);
    const before = host.paragraphs.map((p) => p.text);
    fireEvent.change(await screen.findByTestId("paragraph-input"), { target: { value: "新段落" } });
    host.setReadOnly(true);
    fireEvent.click(screen.getByTestId("insert-paragraph"));
    expect((await screen.findByTestId("error")).textContent).toMatch(/只读/);
    expect(host.paragraphs.map((p) => p.text)).toEqual(before);
  });

  test("提纲: inserting the missing measures section puts 三、整改措施 after the causes", async () => {
    const host = sample();
    render(<App host={host} />);
    await screen.findByText(/共 6 段/);
    const next = await screen.findByTestId("next-steps");
    expect(next.textContent).toMatch(/整改措施/);
    const buttons = screen.getAllByTestId("insert-missing");
    await act(async () => {
      fireEvent.click(buttons[0]);
    });
    await waitFor(() => expect(host.paragraphs.map((p) => p.text)).toContain("三、整改措施"));
    expect(host.paragraphs.findIndex((p) => p.text === "三、整改措施")).toBe(6);
  });

  test("检查: the structure view lists headings with roles; clicking selects the heading", async () => {
    const host = sample();
    render(<App host={host} initialTab="check" />);
    const nodes = await screen.findAllByTestId("structure-node");
    expect(nodes.map((n) => n.textContent)).toEqual(["一、存在的问题〔存在的问题〕", "（一）学习不够深入", "二、原因分析〔原因分析〕"]);
    await act(async () => {
      fireEvent.click(nodes[2]);
    });
    await waitFor(() => expect(host.selection.start).toEqual({ paragraph: 4, offset: 2 }));
  });
});

describe("the 短语 tab", () => {
  const state = (role: DocumentState["cursorRole"]) =>
    ({ cursorRole: role, type: "personal-review", snapshot: null, doc: null, act: async (f: () => Promise<unknown>) => (await f(), true), actAtCursor: async () => true, setError: () => undefined }) as unknown as DocumentState;

  test("suggests snippets for the cursor's section and searches by pinyin initials", async () => {
    render(<SnippetsTab host={sample()} state={state("causes")} store={new MemorySnippetStore()} />);
    const hits = await screen.findAllByTestId("snippet-hit", {}, { timeout: 5000 });
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.slice(0, 5).every((h) => /原因分析/.test(h.textContent ?? ""))).toBe(true);
    fireEvent.change(screen.getByTestId("snippet-search"), { target: { value: "ztzr" } });
    await waitFor(() => expect(screen.getAllByTestId("snippet-hit")[0].textContent).toMatch(/主体责任/));
  });

  test("HTML in an imported snippet is shown as text, never as markup", async () => {
    const hostile = '<img src=x onerror="alert(1)">落实【单位】主体责任';
    const r = importUserSnippets(emptyUserLibrary(), JSON.stringify([{ text: hostile, roles: ["measures"], tags: ["主体责任"] }]), { name: "x.json" });
    if (!r.ok) throw new Error(r.message);
    const store = new MemorySnippetStore(r.library);
    const { container } = render(<SnippetsTab host={sample()} state={state("measures")} store={store} />);
    await screen.findAllByTestId("own-snippet", {}, { timeout: 5000 });
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getAllByTestId("own-snippet")[0].textContent).toContain(hostile);
  });
});
