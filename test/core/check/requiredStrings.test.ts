// requiredStrings: strings one of which every match must contain (the junk prefilter); it must never drop a real match.
import fc from "fast-check";
import { requiredStrings } from "../../../src/core/check/rules/requiredStrings";
import { junkEntries } from "../../../src/core/check/data";
import junkSamples from "../../../src/data/junk.samples.json";

const strings = (re: RegExp) => {
  const s = requiredStrings(re);
  return s ? [...s].sort().join("|") : null;
};

describe("requiredStrings", () => {
  test.each([
    [/仅供学习/, "仅供学习"],
    [/(?:会员|VIP)专享/, "专享"],
    [/会员(?:专享|专属)/, "会员"],
    [/a|b/, "a|b"],
    [/a?b/, "b"],
    [/x*/, null],
    [/[^a]/, null],
    [/\d+页/, "页"],
    [/qq/i, "Q|q"],
    [/[a-c]x/, "x"],
    [/(?=微信)公众号/, "公众号"],
    [/(.)\1/, null],
    [/\u4e00{2}/, "一"],
    [/^$/, null],
    [/#{1,3}\s*paid/i, "#"],
    [/第\s*\d+\s*页/, "第"],
  ] as const)("%s", (re, expected) => {
    expect(strings(re)).toBe(expected);
  });

  test("every junk sample contains a required character of the pattern that matches it", () => {
    const entries = junkEntries();
    for (const s of junkSamples.invalid) {
      for (const e of entries) {
        const re = new RegExp(e.re.source, "iu");
        if (!re.test(s.text)) continue;
        const req = requiredStrings(e.re);
        if (req) expect([...req].some((r) => s.text.includes(r))).toBe(true);
      }
    }
  });

  test("property: any text a junk pattern matches holds one of its required strings", () => {
    const entries = junkEntries().map((e) => ({ re: new RegExp(e.re.source, "iu"), req: requiredStrings(e.re) }));
    const pieces = [...new Set(junkSamples.invalid.map((s) => s.text).join("").split(""))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, "正", "文", " ", "1"), { maxLength: 30 }), (xs) => {
        const text = xs.join("");
        for (const e of entries) if (e.req && e.re.test(text)) expect([...e.req].some((r) => text.includes(r))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
