/** @jest-environment jsdom */
// Component tests of the 检查 tab against the memory host: quotes, repeats collapsed with 下一处, one computation for the
// required sections, stale results after an edit, the empty document, the live region, settings closed by Esc.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/host/memoryHost";
import { checkDocument, findingToJson } from "../../src/core/check/engine";
import { COMMENT_PREFIX, commentText } from "../../src/core/annotate/commentText";
import { sectionPresence } from "../../src/core/check/rules/missingSection";
import { parseDocument } from "../../src/core/parse/parseDocument";

/** A team review in the shape of a pasted one: a stamp line, a title, placeholders repeated in one paragraph. */
const team = () =>
  new MemoryHost({
    paragraphs: [
      { text: "仅供学习 禁止外传" },
      { text: "XX局领导班子巡察整改专题民主生活会对照检查材料" },
      { text: "下面，我代表局领导班子作对照检查。" },
      { text: "一、会前准备情况" },
      { text: "班子采取集中学习和个人自学相结合的方式，开展谈心谈话XX人次，征求意见XX条，梳理归纳为XX个方面。" },
      { text: "二、存在的问题" },
      { text: "（一）理论学习不够深入。学习停留在读文件、记笔记，联系实际不够。" },
      { text: "三、原因分析" },
      { text: "理想信念有所松懈，党性锤炼有所放松。" },
      { text: "四、整改措施" },
      { text: "（一）加强理论学习。每月开展一次集中研讨，班子成员带头讲学习体会。" },
      { text: "以上对照检查，敬请同志们批评指正。" },
    ],
    selection: { start: { paragraph: 2, offset: 0 } },
  });

async function runCheck() {
  const button = await screen.findByTestId("run-check", {}, { timeout: 20000 });
  await waitFor(() => expect(screen.getByTestId("doc-summary").textContent).toMatch(/共 \d+ 段/));
  await act(async () => {
    fireEvent.click(button);
  });
  return screen.findByTestId("check-summary");
}

jest.setTimeout(30000);
beforeEach(() => localStorage.clear());

describe("检查 tab", () => {
  test("repeats of one finding in one paragraph are one card (第5段 · 3 处) whose 下一处 visits each; every card shows its quote", async () => {
    const host = team();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    const cards = screen.getAllByTestId("finding").filter((f) => f.getAttribute("data-rule") === "placeholder");
    const repeated = cards.find((c) => c.getAttribute("data-count") === "3")!;
    expect(repeated).toBeDefined();
    expect(repeated.textContent).toMatch(/第5段 · 3 处/);
    const quote = within(repeated).getByTestId("finding-quote");
    expect(quote.querySelector("mark")?.textContent).toBe("XX");
    expect(quote.textContent).toMatch(/谈心谈话XX人次/);
    const next = within(repeated).getByTestId("finding-next");
    const offsets: number[] = [];
    for (let k = 0; k < 3; k++) {
      await act(async () => {
        fireEvent.click(next);
      });
      await waitFor(() => expect(host.selection.start.paragraph).toBe(4));
      offsets.push(host.selection.start.offset);
    }
    const text = host.paragraphs[4].text;
    const all = [...text.matchAll(/XX/g)].map((m) => m.index);
    // 下一处 goes 2nd, 3rd, then back to the 1st: every place once.
    expect([...offsets].sort((a, b) => a - b)).toEqual(all);
    expect(within(repeated).getByTestId("finding-quote").textContent).toMatch(/征求意见XX条|谈心谈话XX人次|归纳为XX个方面/);
  });

  test("the required-sections summary and the missing-section findings come from one computation", async () => {
    // Blank paragraphs between the title and the first heading: no opening, whatever the parser's preamble range says.
    const host = new MemoryHost({
      paragraphs: [{ text: "张三同志个人对照检查材料" }, { text: "" }, { text: "一、存在的问题" }, { text: "（一）学习不够深入。" }, { text: "二、原因分析" }, { text: "理想信念有所松懈。" }],
      selection: { start: { paragraph: 0, offset: 0 } },
    });
    render(<App host={host} initialTab="check" />);
    await runCheck();
    const summary = screen.getByTestId("required-sections").textContent ?? "";
    const missing = screen.getAllByTestId("finding").filter((f) => f.getAttribute("data-rule") === "missing-section");
    expect(summary).toMatch(/✗\s*开头/);
    expect(missing.some((m) => /开头/.test(m.textContent ?? ""))).toBe(true);
    // Both directions on several documents: ✗ exactly where the rule reports.
    for (const texts of [
      ["张三同志个人对照检查材料", "", "一、存在的问题", "二、原因分析", "三、整改措施", "以上是我的对照检查，请同志们批评指正。"],
      ["李四同志个人对照检查材料", "现将对照检查情况报告如下：", "一、存在的问题", "学习不够。"],
      ["XX局领导班子对照检查材料", "下面，我代表班子作对照检查。", "一、存在的问题", "二、整改措施"],
    ]) {
      const doc = parseDocument(texts.map((text) => ({ text })));
      const absent = sectionPresence(doc).filter((s) => !s.present && !s.point).map((s) => s.role).sort();
      const reported = checkDocument(doc, { disabled: [] })
        .filter((f) => f.rule === "missing-section")
        .map((f) => sectionPresence(doc).find((s) => !s.present && (f.message.includes(s.expected) || (s.role === "preamble" && /开头/.test(f.message)) || (s.role === "closing" && /结尾/.test(f.message))))?.role)
        .sort();
      expect(reported).toEqual(absent);
    }
  });

  test("after an edit the results are marked stale (文档已修改) until 重新检查", async () => {
    jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
    try {
      const host = team();
      render(<App host={host} initialTab="check" />);
      await runCheck();
      expect(screen.queryByTestId("check-stale")).toBeNull();
      // Only the cursor moves: a light read, no full read, nothing stale.
      const before = host.batches;
      act(() => host.setSelection({ paragraph: 6, offset: 1 }));
      await act(async () => {
        jest.advanceTimersByTime(500);
      });
      await waitFor(() => expect(host.batches).toBe(before + 1));
      expect(screen.queryByTestId("check-stale")).toBeNull();
      // The user types in the cursor's paragraph.
      act(() => host.setParagraphText(6, host.paragraphs[6].text + "补充一句。"));
      await act(async () => {
        jest.advanceTimersByTime(500);
      });
      expect((await screen.findByTestId("check-stale")).textContent).toMatch(/文档已修改/);
      await act(async () => {
        fireEvent.click(screen.getByTestId("recheck-stale"));
      });
      await waitFor(() => expect(screen.queryByTestId("check-stale")).toBeNull());
    } finally {
      jest.useRealTimers();
    }
  });

  test("a paragraph added elsewhere (count changed) also marks the results stale", async () => {
    jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
    try {
      const host = team();
      render(<App host={host} initialTab="check" />);
      await runCheck();
      act(() => host.splitParagraph({ paragraph: 10, offset: 3 }));
      await act(async () => {
        jest.advanceTimersByTime(500);
      });
      expect((await screen.findByTestId("check-stale")).textContent).toMatch(/文档已修改/);
    } finally {
      jest.useRealTimers();
    }
  });

  test("an empty document: 检查 says it is empty and offers the outline; the type reads 未能识别，请选择类型", async () => {
    const host = new MemoryHost({ paragraphs: [{ text: "" }] });
    render(<App host={host} initialTab="check" />);
    await screen.findByText("空白文档 · 共 1 段");
    expect(screen.getByText("未能识别，请选择类型")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/置信度 0%/);
    await act(async () => {
      fireEvent.click(await screen.findByTestId("run-check"));
    });
    expect((await screen.findByTestId("check-empty")).textContent).toMatch(/文档是空的/);
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByTestId("check-empty-outline"));
    });
    expect(await screen.findByTestId("insert-full-outline")).toBeTruthy();
  });

  test("the live region announces the result politely: 检查完成：错误 N、警告 M", async () => {
    const host = team();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    const live = screen.getByTestId("live-region");
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(live.textContent).toMatch(/^检查完成：错误 \d+、警告 \d+/);
    const errors = Number(/错误 (\d+)/.exec(live.textContent!)![1]);
    expect(errors).toBe(Number(/错误 (\d+)/.exec(screen.getByTestId("check-summary").textContent!)![1]));
  });

  test("settings: Chinese rule names in the level pickers, Esc closes the panel and returns focus", async () => {
    const host = team();
    render(<App host={host} initialTab="check" />);
    const toggle = await screen.findByRole("button", { name: "检查设置" });
    fireEvent.click(toggle);
    const panel = await screen.findByTestId("check-settings");
    const selects = within(panel).getAllByRole("combobox");
    for (const s of selects) expect(s.getAttribute("aria-label")).not.toMatch(/[a-z]-[a-z]/);
    expect(selects.map((s) => s.getAttribute("aria-label"))).toContain("“必备部分”的级别");
    fireEvent.keyDown(selects[0], { key: "Escape" });
    expect(screen.queryByTestId("check-settings")).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  test("buttons in the findings have unique accessible names (修复…：第N段, 忽略：第N段 …)", async () => {
    const host = team();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    const names = screen
      .getAllByTestId("finding")
      .flatMap((f) => within(f).getAllByRole("button"))
      .map((b) => b.getAttribute("aria-label") ?? b.textContent ?? "")
      .filter((n) => /^(修复|忽略|下一处)/.test(n));
    expect(names.length).toBeGreaterThan(4);
    expect(new Set(names).size).toBe(names.length);
  });

  test("写入批注 writes every finding as a comment (the annotator's text), again replaces them; 删除本工具批注 keeps the user's", async () => {
    const host = team();
    host.paragraphs[8].comments = [{ offset: 0, length: 4, text: "这段再具体些", author: "李某" }];
    render(<App host={host} initialTab="check" />);
    await runCheck();
    const shown = screen.getAllByTestId("finding").reduce((n, c) => n + Number(c.getAttribute("data-count")), 0);
    const tool = () => host.paragraphs.flatMap((p) => p.comments ?? []).filter((c) => c.text.startsWith(COMMENT_PREFIX));
    await act(async () => {
      fireEvent.click(screen.getByTestId("write-comments"));
    });
    expect((await screen.findByTestId("comments-outcome")).textContent).toMatch(new RegExp(`已写入 ${shown} 条批注。要撤下这些批注，请点“删除本工具批注”`));
    expect(tool()).toHaveLength(shown);
    // The same text as the annotated copies: the finding's severity, message and fix through commentText.
    const doc = parseDocument(host.paragraphs.map((p) => ({ text: p.text })));
    const expected = checkDocument(doc).map((f) => commentText(findingToJson(f)));
    expect(tool().map((c) => c.text).sort()).toEqual(expected.sort());
    await act(async () => {
      fireEvent.click(screen.getByTestId("write-comments"));
    });
    await waitFor(() => expect(screen.getByTestId("comments-outcome").textContent).toMatch(new RegExp(`已写入 ${shown} 条批注，替换了本工具之前写入的 ${shown} 条`)));
    expect(tool()).toHaveLength(shown);
    await act(async () => {
      fireEvent.click(screen.getByTestId("remove-comments"));
    });
    await waitFor(() => expect(screen.getByTestId("comments-outcome").textContent).toMatch(new RegExp(`已删除本工具写入的 ${shown} 条批注`)));
    expect(tool()).toHaveLength(0);
    expect(host.paragraphs[8].comments).toEqual([{ offset: 0, length: 4, text: "这段再具体些", author: "李某" }]);
  });

  test("写入批注 after an edit: the changed places are skipped and the pane says how many", async () => {
    const host = team();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    act(() => host.setParagraphText(4, "班子采取集中学习和个人自学相结合的方式，开展谈心谈话12人次。"));
    await act(async () => {
      fireEvent.click(screen.getByTestId("write-comments"));
    });
    const outcome = await screen.findByTestId("comments-outcome");
    expect(outcome.textContent).toMatch(/有 3 处未写入：相应文字在检查之后已被修改/);
    expect(host.paragraphs[4].comments).toBeUndefined();
  });

  test("a host that cannot write comments (Word below WordApi 1.4): the buttons are disabled and the pane says why", async () => {
    const host = Object.assign(team(), { writeComments: undefined, removeToolComments: undefined });
    render(<App host={host} initialTab="check" />);
    await runCheck();
    expect((screen.getByTestId("write-comments") as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId("remove-comments") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("comments-unavailable").textContent).toMatch(/不支持加载项写入批注（需要 WordApi 1\.4/);
  });

  test("a failed write reaches the error bar and no outcome claims success", async () => {
    const host = team();
    render(<App host={host} initialTab="check" />);
    await runCheck();
    host.failNext("批注写入被拒绝");
    await act(async () => {
      fireEvent.click(screen.getByTestId("write-comments"));
    });
    expect((await screen.findByText(/批注写入被拒绝/)).textContent).toMatch(/文档未作任何修改/);
    expect(screen.queryByTestId("comments-outcome")).toBeNull();
  });
});
