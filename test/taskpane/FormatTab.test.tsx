/** @jest-environment jsdom */
// Component tests of the 排版 tab against the memory host: 清理 lists each place and applies only the ticked ones;
// settings close on Esc.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/host/memoryHost";

jest.setTimeout(30000);
beforeEach(() => localStorage.clear());

const pasted = () =>
  new MemoryHost({
    paragraphs: [
      { text: "某局领导班子巡察整改专题民主生活会对照检查材料" },
      { text: "本站资料经编辑校对，从其它渠道下载的版本内容残缺，索取全文请加客服QQ987654321" },
      { text: "下面，我代表局领导班子作对照检查,请同志们批评" },
      { text: "指正。" },
      { text: "班子坚持问题导向,逐项压实整改责任。" },
    ],
  });

async function open(host: MemoryHost) {
  render(<App host={host} initialTab="format" />);
  await waitFor(() => expect(screen.getByTestId("doc-summary").textContent).toMatch(/共 \d+ 段/));
  return screen.findByTestId("cleanup-places", {}, { timeout: 20000 });
}

describe("排版 tab: 清理", () => {
  test("lists each place as 第N段 · option with before → after; the junk line is not joined; an unticked place stays", async () => {
    const host = pasted();
    const list = await open(host);
    const places = within(list).getAllByTestId("cleanup-place");
    const labels = places.map((p) => p.textContent ?? "");
    expect(labels.some((l) => /第3段 · 合并断行/.test(l) && /批评⏎指正/.test(l) && /→/.test(l))).toBe(true);
    expect(labels.some((l) => /第2段 · 合并断行/.test(l))).toBe(false);
    // Untick the comma in paragraph 5; apply.
    const comma = places.find((p) => /第5段 · 标点改为全角/.test(p.textContent ?? ""))!;
    fireEvent.click(within(comma).getByRole("checkbox"));
    await act(async () => {
      fireEvent.click(screen.getByTestId("cleanup-apply"));
    });
    await waitFor(() => expect(host.paragraphs.map((p) => p.text)).toContain("下面，我代表局领导班子作对照检查，请同志们批评指正。"));
    const texts = host.paragraphs.map((p) => p.text);
    expect(texts).toContain("班子坚持问题导向,逐项压实整改责任。");
    expect(texts[1]).toBe("本站资料经编辑校对，从其它渠道下载的版本内容残缺，索取全文请加客服QQ987654321");
  });

  test("排版设置 closes on Esc and gives focus back to its button", async () => {
    const host = pasted();
    await open(host);
    const toggle = screen.getByTestId("format-settings-toggle");
    fireEvent.click(toggle);
    const panel = await screen.findByTestId("format-settings");
    fireEvent.keyDown(within(panel).getAllByRole("combobox")[0], { key: "Escape" });
    expect(screen.queryByTestId("format-settings")).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  test("预览 on a Word without page setup, page numbers or fixed spacing: those are marked 需手动, with Chinese steps and no interface names", async () => {
    const host = new MemoryHost(
      { paragraphs: [{ text: "张某同志个人对照检查材料" }, { text: "现将对照检查情况报告如下：" }, { text: "一、存在的问题" }, { text: "学习不够深入。" }, { text: "以上是我的对照检查，请同志们批评指正。" }, { text: "仅供学习 禁止外传" }] },
      { capabilities: { pageSetup: false, pageNumbers: false, fixedLineSpacing: false } },
    );
    await open(host);
    await act(async () => {
      fireEvent.click(screen.getByTestId("format-preview"));
    });
    const summary = await screen.findByTestId("format-summary");
    const changes = within(summary).getAllByTestId("format-summary-row").map((r) => r.getAttribute("data-key"));
    expect(changes).not.toContain("page");
    expect(changes).not.toContain("page-numbers");
    expect(changes).not.toContain("signature");
    const unavailable = within(summary).getAllByTestId("format-unavailable-row").map((r) => r.getAttribute("data-key"));
    expect(unavailable.sort()).toEqual(["line-spacing", "page", "page-numbers"]);
    const notes = within(summary).getByTestId("format-notes").textContent ?? "";
    expect(notes).toMatch(/布局 → 页边距/);
    expect(notes).not.toMatch(/WordApi|[A-Za-z]+\.[A-Za-z]+/);
  });

  test("预览 is marked stale after the user edits the document", async () => {
    jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
    try {
      const host = pasted();
      await open(host);
      await act(async () => {
        fireEvent.click(screen.getByTestId("format-preview"));
      });
      await screen.findByTestId("format-summary");
      expect(screen.queryByTestId("format-stale")).toBeNull();
      act(() => host.setSelection({ paragraph: 4, offset: 2 }));
      act(() => host.setParagraphText(4, host.paragraphs[4].text + "再补一句。"));
      await act(async () => {
        jest.advanceTimersByTime(500);
      });
      expect((await screen.findByTestId("format-stale")).textContent).toMatch(/文档已修改/);
    } finally {
      jest.useRealTimers();
    }
  });
});
