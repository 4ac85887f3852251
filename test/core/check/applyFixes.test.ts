// applyFixes: ordering, overlaps, stale fixes, purity; property tests that it stays inside fix ranges and that fixes are idempotent.
import fc from "fast-check";
import { applyFixes, planFixes } from "../../../src/core/check/applyFixes";
import { numberingFormat, punctuation, typo } from "../../../src/core/check/rules";
import type { Fix } from "../../../src/core/check/types";
import { typoEntries } from "../../../src/core/check/data";
import { fixesOf, run } from "./helpers";

const fix = (paragraph: number, offset: number, length: number, text: string, expected: string): Fix => ({ paragraph, offset, length, text, expected });

describe("applyFixes", () => {
  test("applies several fixes in one paragraph, last to first", () => {
    const r = applyFixes(["甲乙丙丁"], [fix(0, 0, 1, "一", "甲"), fix(0, 2, 1, "三", "丙")]);
    expect(r.texts).toEqual(["一乙三丁"]);
    expect(r.applied.map((f) => f.offset)).toEqual([2, 0]);
    expect(r.skipped).toEqual([]);
  });
  test("overlapping fixes: the first given wins", () => {
    const a = fix(0, 0, 2, "AB", "甲乙");
    const b = fix(0, 1, 2, "BC", "乙丙");
    const r = applyFixes(["甲乙丙"], [a, b]);
    expect(r.texts).toEqual(["AB丙"]);
    expect(r.skipped).toEqual([{ fix: b, reason: "overlap" }]);
  });
  test("a stale fix is refused", () => {
    const f = fix(0, 0, 1, "一", "甲");
    const r = applyFixes(["乙"], [f]);
    expect(r.texts).toEqual(["乙"]);
    expect(r.skipped).toEqual([{ fix: f, reason: "stale" }]);
  });
  test("out of range", () => {
    const f = fix(3, 0, 1, "一", "甲");
    expect(applyFixes(["甲"], [f]).skipped).toEqual([{ fix: f, reason: "out-of-range" }]);
  });
  test("an insertion next to a replacement at the same offset lands before it", () => {
    const r = applyFixes(["甲乙"], [fix(0, 1, 0, "+", ""), fix(0, 1, 1, "B", "乙")]);
    expect(r.texts).toEqual(["甲+B"]);
  });
  test("two insertions at one place: the second is skipped", () => {
    const r = applyFixes(["甲"], [fix(0, 1, 0, "+", ""), fix(0, 1, 0, "-", "")]);
    expect(r.texts).toEqual(["甲+"]);
    expect(r.skipped.map((s) => s.reason)).toEqual(["overlap"]);
  });
  test("deleting a whole paragraph's text leaves an empty paragraph", () => {
    expect(applyFixes(["正文", "仅供学习", "正文"], [fix(1, 0, 4, "", "仅供学习")]).texts).toEqual(["正文", "", "正文"]);
  });
  test("pure: the input is not changed", () => {
    const texts = ["甲乙"];
    applyFixes(texts, [fix(0, 0, 1, "一", "甲")]);
    expect(texts).toEqual(["甲乙"]);
  });
  test("planFixes orders across paragraphs last to first", () => {
    const plan = planFixes([fix(0, 0, 1, "a", "x"), fix(2, 0, 1, "b", "y"), fix(1, 3, 1, "c", "z")]);
    expect(plan.ordered.map((f) => f.paragraph)).toEqual([2, 1, 0]);
  });
});

const paragraphText = fc.string({ unit: fc.constantFrom("甲", "乙", "丙", "a", "1", "，", " "), maxLength: 12 });

describe("applyFixes properties", () => {
  const arb = fc
    .array(paragraphText, { minLength: 1, maxLength: 5 })
    .chain((texts) =>
      fc.tuple(
        fc.constant(texts),
        fc.array(
          fc.record({ p: fc.nat(texts.length - 1), a: fc.nat(12), b: fc.nat(12), text: fc.string({ maxLength: 3 }), stale: fc.boolean() }).map(({ p, a, b, text, stale }) => {
            const t = texts[p];
            const s = Math.min(a, b, t.length);
            const e = Math.min(Math.max(a, b), t.length);
            return fix(p, s, e - s, text, stale ? t.slice(s, e) + "?" : t.slice(s, e));
          }),
          { maxLength: 8 },
        ),
      ),
    );

  test("applied fixes do not overlap and nothing outside their ranges changes", () => {
    fc.assert(
      fc.property(arb, ([texts, fixes]) => {
        const r = applyFixes(texts, fixes);
        expect(r.applied.length + r.skipped.length).toBe(fixes.length);
        for (let p = 0; p < texts.length; p++) {
          const mine = r.applied.filter((f) => f.paragraph === p).sort((x, y) => x.offset - y.offset || x.length - y.length);
          // Rebuild from the untouched segments and the replacement texts: it must equal the result.
          let rebuilt = "";
          let pos = 0;
          for (const f of mine) {
            expect(f.offset).toBeGreaterThanOrEqual(pos);
            rebuilt += texts[p].slice(pos, f.offset) + f.text;
            pos = f.offset + f.length;
          }
          rebuilt += texts[p].slice(pos);
          expect(r.texts[p]).toBe(rebuilt);
        }
        for (const s of r.skipped) if (s.reason === "stale") expect(texts[s.fix.paragraph].slice(s.fix.offset, s.fix.offset + s.fix.length)).not.toBe(s.fix.expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("fixes are idempotent: fixing, then checking again, finds nothing more to fix", () => {
  const typoWords = typoEntries()
    .slice(0, 40)
    .map((e) => e.wrong);
  const pieces = ["学习", "加强", "落实", "我们", ",", ";", ":", "!", "?", '"', "'", "，", "。", "、", "“", "”", "1", "2", "a", " ", "XX", ...typoWords];
  const line = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((xs) => xs.join(""));
  const marker = fc.constantFrom("", "1、", "1．", "（一）、", "(一)", "一.", "一，", "1.", "（1）", "第一、");
  const doc = fc.array(fc.tuple(marker, line).map(([m, l]) => m + l), { minLength: 1, maxLength: 8 });

  for (const rule of [numberingFormat, punctuation, typo]) {
    test(rule.meta.id, () => {
      fc.assert(
        fc.property(doc, (texts) => {
          const first = applyFixes(texts, fixesOf(run(rule, texts)));
          if (first.skipped.length) return;
          expect(fixesOf(run(rule, first.texts))).toEqual([]);
        }),
        { numRuns: 1000 },
      );
    });
  }
});
