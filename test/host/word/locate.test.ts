// planSpan: the smallest edit a fix needs, found by a key that Word's search (even one folding widths) finds once.
import fc from "fast-check";
import { foldForSearch, planSpan } from "../../../src/host/word/locate";

/** What the edit does to the paragraph text, applied the way the adapter applies it. */
function applyPlan(text: string, plan: NonNullable<ReturnType<typeof planSpan>>): string {
  if (plan.kind === "start") return plan.insert + text;
  if (plan.kind === "end") return text + plan.insert;
  return text.slice(0, plan.from) + plan.replacement + text.slice(plan.to);
}

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

describe("planSpan", () => {
  test("a one-character change in a whole-paragraph fix touches one character", () => {
    const text = "做好巡视整改,落实主体责任。";
    expect(planSpan(text, text, 0, text, "做好巡视整改，落实主体责任。")).toEqual({ kind: "key", key: ",", replacement: "，", from: 6, to: 7 });
  });

  test("an append needs no search; a removal inside is anchored on what it removes", () => {
    expect(planSpan("坚持把整改", "坚持把整改", 0, "坚持把整改", "坚持把整改落到实处。")).toEqual({ kind: "end", insert: "落到实处。", from: 5, to: 5 });
    expect(planSpan("会员资料 仅供学习", "会员资料 仅供学习", 4, " ", "")).toMatchObject({ kind: "key", key: " ", replacement: "" });
  });

  test("a repeated character is found by its neighbours, full-width forms counted as the same", () => {
    expect(planSpan("甲，乙,丙", "甲，乙,丙", 3, ",", "，")).toMatchObject({ key: "乙,", replacement: "乙，" });
  });

  test("a tracked deletion counts: the key must be unique in the text Word searches", () => {
    expect(planSpan("主体,责任", "主体,旧,责任", 2, ",", "，")).toMatchObject({ key: "体,", replacement: "体，" });
  });

  test("property: the edit gives the fixed text, and its key occurs once under width folding", () => {
    const chars = fc.constantFrom("甲", "乙", ",", "，", "。", "a", "Ａ", " ");
    const texts = fc.array(chars, { minLength: 1, maxLength: 40 }).map((a) => a.join(""));
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), fc.array(chars, { maxLength: 4 }), (text, i, n, repl) => {
        const offset = i % text.length;
        const length = n % (text.length - offset + 1);
        const expected = text.slice(offset, offset + length);
        const replacement = repl.join("");
        const plan = planSpan(text, text, offset, expected, replacement);
        const fixed = text.slice(0, offset) + replacement + text.slice(offset + length);
        if (expected === replacement) return plan === null;
        if (!plan) return true;
        if (plan.kind === "key") {
          if (text.slice(plan.from, plan.to) !== plan.key) return false;
          if (occurrences(foldForSearch(text), foldForSearch(plan.key)) !== 1) return false;
        }
        return applyPlan(text, plan) === fixed;
      }),
      { numRuns: 2000 },
    );
  });
});
