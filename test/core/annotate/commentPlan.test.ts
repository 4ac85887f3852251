// planComments: the requests 写入批注 sends to a host — the annotator's text, exact anchors where a finding has a range,
// the paragraph where it has none, the title for a finding outside the document.
import { anchorHolds, planComments } from "../../../src/core/annotate/commentPlan";
import { commentText } from "../../../src/core/annotate/commentText";
import type { Finding } from "../../../src/core/check/types";

const finding = (paragraph: number, offset: number, length: number, fix?: string): Finding => ({
  rule: "r",
  severity: "warning",
  message: "示例问题",
  paragraph,
  offset,
  length,
  key: "k",
  ...(fix === undefined ? {} : { fix: { paragraph, offset, length, text: fix, expected: "" } }),
});

const TEXTS = ["", "某同志的对照检查材料", "学习𠀀不够,要改进。"];

describe("planComments", () => {
  test("a ranged finding is anchored on its characters, with the annotator's comment text", () => {
    const [r] = planComments(TEXTS, 1, [finding(2, 6, 1, "，")]);
    expect(r).toEqual({ paragraph: 2, offset: 6, length: 1, whole: false, expected: ",", text: commentText({ severity: "warning", message: "示例问题", replacement: "，" }) });
    expect(r.text).toBe("【提纲助手】警告：示例问题。建议改为“，”。");
  });

  test("no range: the whole paragraph; outside the document: the title, else the first paragraph with text", () => {
    expect(planComments(TEXTS, 1, [finding(2, 0, 0)])[0]).toMatchObject({ paragraph: 2, whole: true, expected: TEXTS[2] });
    expect(planComments(TEXTS, 1, [finding(9, 0, 0)])[0]).toMatchObject({ paragraph: 1, whole: true, expected: TEXTS[1] });
    expect(planComments(TEXTS, -1, [finding(-1, 0, 0)])[0]).toMatchObject({ paragraph: 1, whole: true });
    // A range past the paragraph's end (the text changed under the finding) falls back to the paragraph.
    expect(planComments(TEXTS, 1, [finding(1, 8, 9)])[0]).toMatchObject({ paragraph: 1, whole: true });
  });

  test("a range never cuts a surrogate pair: it widens to whole characters", () => {
    const [r] = planComments(TEXTS, 1, [finding(2, 3, 1)]);
    expect(r).toMatchObject({ offset: 2, length: 2, expected: "𠀀" });
  });

  test("anchorHolds: the range's text, or the whole paragraph, as the check saw it", () => {
    const [ranged, whole] = planComments(TEXTS, 1, [finding(2, 6, 1), finding(1, 0, 0)]);
    expect(anchorHolds(ranged, TEXTS[2])).toBe(true);
    expect(anchorHolds(ranged, TEXTS[2] + "补充")).toBe(true);
    expect(anchorHolds(ranged, "学习不够，要改进。")).toBe(false);
    expect(anchorHolds(whole, TEXTS[1])).toBe(true);
    expect(anchorHolds(whole, TEXTS[1] + "。")).toBe(false);
    expect(anchorHolds(whole, undefined)).toBe(false);
  });
});
