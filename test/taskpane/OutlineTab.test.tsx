/** @jest-environment jsdom */
// Component tests of the 提纲 tab's big inserts against the memory host: in a finished document the full outline is
// not the primary action and asks first, naming what the document has; parts present are 已有 and ask before a second
// copy; every insert reports 已插入 N 段.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/host/memoryHost";

jest.setTimeout(30000);
beforeEach(() => localStorage.clear());

const finished = () =>
  new MemoryHost({
    paragraphs: [
      { text: "王五同志在巡视整改专题民主生活会上的个人对照检查材料" },
      { text: "会前，我系统学习了规定篇目，逐一开展谈心谈话。现将个人对照检查情况报告如下：" },
      { text: "一、存在的问题" },
      { text: "（一）理论学习不够深入。满足于读原文、记笔记，学用结合不紧。" },
      { text: "二、原因分析" },
      { text: "理想信念有所松懈，党性锤炼有所放松。" },
      { text: "三、整改措施" },
      { text: "（一）加强理论学习。每月精读一本理论著作，撰写一篇体会。" },
      { text: "以上是我的个人对照检查，请同志们批评指正。" },
    ],
    selection: { start: { paragraph: 3, offset: 0 } },
  });

async function open(host: MemoryHost) {
  render(<App host={host} />);
  await waitFor(() => expect(screen.getByTestId("doc-summary").textContent).toMatch(/共 \d+ 段/));
  return screen.findByTestId("insert-full-outline", {}, { timeout: 20000 });
}

const texts = (host: MemoryHost) => host.paragraphs.map((p) => p.text);

describe("提纲 tab: big inserts", () => {
  test("in a finished document the full outline is not primary and asks first, naming what the document has", async () => {
    const host = finished();
    const button = await open(host);
    expect(button.getAttribute("data-appearance")).toBe("secondary");
    const before = texts(host);
    fireEvent.click(button);
    const ask = await screen.findByTestId("insert-confirm");
    expect(ask.textContent).toMatch(/文档已有 9 段文字，包括标题《王五同志在巡视整改专题民主生活会上的个人…》和 3 个一级标题（一、存在的问题；二、原因分析；三、整改措施）/);
    expect(texts(host)).toEqual(before);
    fireEvent.click(screen.getByTestId("insert-confirm-no"));
    expect(screen.queryByTestId("insert-confirm")).toBeNull();
    expect(texts(host)).toEqual(before);
    // Asked again, confirmed: inserted, and the pane says how many paragraphs and how to undo.
    fireEvent.click(button);
    await act(async () => {
      fireEvent.click(await screen.findByTestId("insert-confirm-yes"));
    });
    await waitFor(() => expect(host.paragraphs.length).toBeGreaterThan(before.length));
    const added = host.paragraphs.length - before.length;
    expect((await screen.findByTestId("insert-status")).textContent).toBe(`已插入 ${added} 段。如需撤销，在 Word 中按 Ctrl+Z，或选中这些段落删除。`);
    expect(screen.getByTestId("live-region").textContent).toBe(`已插入 ${added} 段`);
  });

  test("in an empty document the full outline is the primary action and goes in without a question", async () => {
    const host = new MemoryHost({ paragraphs: [{ text: "" }] });
    const button = await open(host);
    expect(button.getAttribute("data-appearance")).toBe("primary");
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(host.paragraphs.length).toBeGreaterThan(10));
    expect(screen.queryByTestId("insert-confirm")).toBeNull();
    expect((await screen.findByTestId("insert-status")).textContent).toMatch(/^已插入 \d+ 段/);
  });

  test("a part the document has is marked 已有; inserting it again asks under that part; a missing part goes in at once", async () => {
    const host = finished();
    await open(host);
    const sections = screen.getAllByTestId("outline-section");
    const problems = sections.find((s) => /存在的问题/.test(s.textContent ?? ""))!;
    expect(within(problems).getByTestId("section-present").textContent).toBe("已有");
    const insert = within(problems).getByRole("button", { name: "插入此节：存在的问题" });
    const before = texts(host);
    fireEvent.click(insert);
    expect(within(problems).getByTestId("insert-confirm").textContent).toMatch(/文档已有“存在的问题”部分/);
    expect(texts(host)).toEqual(before);
    await act(async () => {
      fireEvent.click(within(problems).getByTestId("insert-confirm-yes"));
    });
    await waitFor(() => expect(host.paragraphs.length).toBeGreaterThan(before.length));
    // A part the document lacks (需要说明的有关情况) is not 已有 and needs no question.
    const matters = screen.getAllByTestId("outline-section").find((s) => /需要说明/.test(s.textContent ?? ""))!;
    expect(within(matters).queryByTestId("section-present")).toBeNull();
    const count = host.paragraphs.length;
    await act(async () => {
      fireEvent.click(within(matters).getByTestId("insert-section"));
    });
    await waitFor(() => expect(host.paragraphs.length).toBeGreaterThan(count));
    expect(screen.queryByTestId("insert-confirm")).toBeNull();
  });

  test("every 插入此节 button has its own accessible name", async () => {
    await open(finished());
    const names = screen.getAllByTestId("insert-section").map((b) => b.getAttribute("aria-label"));
    expect(names.every((n) => /^插入此节：.+/.test(n ?? ""))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});
