/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/host/memoryHost";
import { resetYearFocus } from "../../src/taskpane/yearFocus";
import shipped from "../../src/data/outlines/year-focus.json";

/** Only Date is faked: the pane's timers and promises run as usual. */
const today = (d: Date) =>
  jest.useFakeTimers({
    now: d,
    doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout", "queueMicrotask", "hrtime", "performance", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback", "cancelIdleCallback"],
  });

/** The year file the pane's server answers with (or a 404). */
const serve = (body: unknown | null) => {
  (globalThis as { fetch?: unknown }).fetch = jest.fn(async () => (body === null ? { ok: false, status: 404, json: async () => ({}) } : { ok: true, status: 200, json: async () => body }));
};

const emptyDoc = () => new MemoryHost({ paragraphs: [{ text: "" }] });

beforeEach(() => {
  localStorage.clear();
  resetYearFocus();
  serve(null);
});
afterEach(() => {
  jest.useRealTimers();
  delete (globalThis as { fetch?: unknown }).fetch;
});

describe("提纲: the year's points", () => {
  test("in December 2026 an annual meeting is the 2026 one: the pane says the points are 2025's and asks to confirm", async () => {
    today(new Date(2026, 11, 3));
    render(<App host={emptyDoc()} />);
    expect(((await screen.findByTestId("variant-meeting")) as HTMLSelectElement).value).toBe("annual");
    const notice = await screen.findByTestId("focus-notice");
    expect(notice.textContent).toMatch(/2026年度的对照检查重点尚未收录。以下按2025年度重点，请以本年度通知为准/);
    expect(screen.getByTestId("focus-year").textContent).toMatch(/会议年度：2026年度/);
    await act(async () => {
      fireEvent.click(screen.getByTestId("focus-confirm"));
    });
    expect(screen.queryByTestId("focus-notice")).toBeNull();
    expect(screen.getByTestId("focus-confirmed").textContent).toMatch(/2026年度会议按2025年度重点编写/);
    // Remembered for this meeting year.
    expect(JSON.parse(localStorage.getItem("tigang.outline")!).focusConfirmed).toBe("2026:2025");
  });

  test("in January 2026 the meeting is the 2025 one and the shipped points are its own: no notice", async () => {
    today(new Date(2026, 0, 15));
    render(<App host={emptyDoc()} />);
    await screen.findByTestId("focus-year");
    expect(screen.getByTestId("focus-year").textContent).toMatch(/会议年度：2025年度/);
    expect(screen.queryByTestId("focus-notice")).toBeNull();
  });

  test("an office's own year-focus.json next to the pane replaces the shipped one; the 2026 file needs no notice", async () => {
    today(new Date(2026, 11, 3));
    serve({ ...shipped, year: 2026, label: "2026年度民主生活会对照检查重点", points: [{ id: "a", text: "带头做好甲", guide: "写甲。" }] });
    const host = emptyDoc();
    render(<App host={host} />);
    await waitFor(() => expect(screen.getByTestId("focus-year").textContent).toMatch(/2026年度民主生活会对照检查重点.*读自年度重点文件/));
    expect(screen.queryByTestId("focus-notice")).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId("insert-full-outline"));
    });
    await waitFor(() => expect(host.paragraphs.map((p) => p.text)).toContain("（一）带头做好甲方面"));
    expect(host.paragraphs[0].text).toBe("【姓名】同志在2026年度民主生活会上的个人对照检查材料");
    expect(host.paragraphs.map((p) => p.text).join("")).not.toMatch(/巡视|巡察/);
  });

  test("a broken year file is reported in Chinese and the shipped points are used", async () => {
    today(new Date(2026, 11, 3));
    serve({ ...shipped, points: [] });
    render(<App host={emptyDoc()} />);
    const warning = await screen.findByTestId("focus-warning");
    expect(warning.textContent).toMatch(/年度重点文件有误：points.*已改用随加载项发布的2025年度重点/);
    expect(screen.getByTestId("focus-notice")).toBeTruthy();
  });
});

describe("提纲: other meetings", () => {
  test("其他专题: the 专题名称 typed in fills the title and the opening", async () => {
    const host = emptyDoc();
    render(<App host={host} />);
    const meeting = (await screen.findByTestId("variant-meeting")) as HTMLSelectElement;
    expect([...meeting.options].map((o) => o.textContent)).toEqual(["巡视整改专题", "巡察整改专题", "年度民主生活会", "学习教育专题", "其他专题"]);
    await act(async () => {
      fireEvent.change(meeting, { target: { value: "topic" } });
    });
    expect(screen.queryByTestId("focus-year")).toBeNull();
    await act(async () => {
      fireEvent.change(screen.getByTestId("meeting-topic"), { target: { value: "落实全面从严治党主体责任" } });
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId("insert-full-outline"));
    });
    await waitFor(() => expect(host.paragraphs.length).toBeGreaterThan(10));
    expect(host.paragraphs[0].text).toBe("【姓名】同志在落实全面从严治党主体责任专题民主生活会上的个人对照检查材料");
    expect(host.paragraphs[1].text).toMatch(/召开落实全面从严治党主体责任专题民主生活会/);
    expect(host.paragraphs.map((p) => p.text).join("")).not.toMatch(/巡视|巡察/);
  });

  test("学习教育专题 in December 2026: prefilled with the file's 2025 campaign, with a hint to check the notice", async () => {
    today(new Date(2026, 11, 3));
    render(<App host={emptyDoc()} />);
    const meeting = (await screen.findByTestId("variant-meeting")) as HTMLSelectElement;
    await act(async () => {
      fireEvent.change(meeting, { target: { value: "campaign" } });
    });
    expect((screen.getByTestId("meeting-campaign") as HTMLInputElement).value).toBe("深入贯彻中央八项规定精神学习教育");
    expect(screen.getByText("年度重点文件所列为2025年的学习教育，请以本次会议通知为准")).toBeTruthy();
  });

  test("a type written for inspections only offers the inspection meetings", async () => {
    render(<App host={emptyDoc()} />);
    const picker = (await screen.findByTestId("type-picker")) as HTMLSelectElement;
    await act(async () => {
      fireEvent.change(picker, { target: { value: "rectification-report" } });
    });
    const meeting = screen.getByTestId("variant-meeting") as HTMLSelectElement;
    expect([...meeting.options].map((o) => o.value)).toEqual(["xunshi", "xuncha"]);
    expect(meeting.value).toBe("xunshi");
  });
});
