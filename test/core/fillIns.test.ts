import { countFillIns, nextFillIn } from "../../src/core/fillIns";
import { checkDocument } from "../../src/core/check/engine";
import { placeholder } from "../../src/core/check/rules";
import { parseDocument } from "../../src/core/parse/parseDocument";

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

describe("one idea of a 待填处: what the placeholder rule finds", () => {
  // In the shape of a pasted document: a bracketed site notice, a contact line, then XX and ×× in the text.
  const doc = ["【资料仅供会员内部交流使用，严禁外传】", "某单位领导班子对照检查材料", "获取完整版咨询QQ：12345678", "我代表XX党委班子作对照检查。", "共查摆问题××个。"].map((text) => ({ text }));
  test("下一个待填处 visits XX and ××, skipping the junk in brackets", () => {
    expect(nextFillIn(doc, 0, 0)).toMatchObject({ paragraph: 3, text: "XX" });
    expect(nextFillIn(doc, 3, 4)).toMatchObject({ paragraph: 4, text: "××" });
    expect(countFillIns(doc)).toBe(2);
  });
  test("the same places as the 检查 rule reports", () => {
    const reported = checkDocument(parseDocument(doc), {}, [placeholder]).map((f) => [f.paragraph, f.offset]);
    const visited: number[][] = [];
    let at = nextFillIn(doc, 0, 0);
    while (at && !visited.some(([p, o]) => p === at!.paragraph && o === at!.offset)) {
      visited.push([at.paragraph, at.offset]);
      at = nextFillIn(doc, at.paragraph, at.offset + 1);
    }
    expect(visited).toEqual(reported);
  });
});
