import { countFillIns, nextFillIn } from "../../src/core/fillIns";

const paras = ["标题", "按照【上级党委】部署，于【时间】召开。", "正文", "共【X】个问题。"].map((text) => ({ text }));

describe("nextFillIn", () => {
  test("the first one at or after the cursor", () => {
    expect(nextFillIn(paras, 1, 0)).toEqual({ paragraph: 1, offset: 2, length: 6, text: "【上级党委】" });
    expect(nextFillIn(paras, 1, 8)).toMatchObject({ paragraph: 1, text: "【时间】" });
    expect(nextFillIn(paras, 2, 0)).toMatchObject({ paragraph: 3, text: "【X】" });
  });
  test("wraps to the start of the document", () => {
    expect(nextFillIn(paras, 3, 5)).toMatchObject({ paragraph: 1, text: "【上级党委】" });
  });
  test("none left", () => {
    expect(nextFillIn([{ text: "没有待填处" }], 0, 0)).toBeNull();
    expect(nextFillIn([], 0, 0)).toBeNull();
    expect(countFillIns(paras)).toBe(3);
  });
});
