// The engine over the text rules together: one finding per defect when the typo table, the lexicon and the formulation
// rule see the same characters; ignored words suppress by place, not by any shared character.
import { checkDocument, wordToIgnore } from "../../../src/core/check/engine";
import { ALL_RULES, formulation, typo } from "../../../src/core/check/rules";
import { loadTypoLexicon } from "../../../src/core/check/rules/typo";
import type { Rule } from "../../../src/core/check/types";
import { setLexicon, type Lexicon } from "../../../src/core/lexicon";
import { parse, run } from "./helpers";

let lex: Lexicon;
beforeAll(async () => {
  lex = await loadTypoLexicon();
}, 60000);
afterEach(() => setLexicon(lex));

const textFindings = (text: string, ignoreWords: string[] = []) => run(ALL_RULES, text, undefined, { ignoreWords }).filter((f) => f.rule === "typo" || f.rule === "formulation");

describe("one finding per defect across the typo table, the lexicon and the formulation rule", () => {
  test("a formulation's wrong form holding a table typo (奢糜之风 ⊃ 奢糜): the longer, formulation finding alone", () => {
    const text = "坚决反对形式主义、官僚主义、享乐主义和奢糜之风。";
    const f = textFindings(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "formulation", offset: text.indexOf("奢糜之风"), length: 4, severity: "error" });
    expect(f[0].fix?.text).toBe("奢靡之风");
  });

  test("the same wrong string in both tables (学懂弄通作实): one finding, as severe as the surer of the two", () => {
    const f = textFindings("要在学懂弄通作实上下功夫。");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "formulation", severity: "error" });
    expect(f[0].fix?.text).toBe("学懂弄通做实");
  });

  test("a lexicon guess over a listed wrong form yields to it (一岗两责 is 一岗双责, not 一岗两侧)", () => {
    const f = textFindings("落实一岗两责，管好分管领域。");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "formulation" });
    expect(f[0].fix?.text).toBe("一岗双责");
  });

  test("a lexicon guess that agrees with a listed form (惩前毙后): one finding", () => {
    const f = textFindings("坚持惩前毙后、治病救人。");
    expect(f).toHaveLength(1);
    expect(f[0].fix?.text).toBe("惩前毖后");
  });

  test("two corrections of overlapping text that differ are two defects: both kept", () => {
    const fake = (id: string, range: [number, number], fixText: string): Rule => ({
      meta: { id, name: id, severity: "error", fixable: true, description: "", messages: { m: "m" } },
      check: (_doc, report) => report({ messageId: "m", paragraph: 0, range, fix: { text: fixText } }),
    });
    const doc = parse("甲乙丙丁戊己");
    const f = checkDocument(doc, {}, [fake("formulation", [0, 4], "丁丙乙甲"), fake("typo", [1, 2], "已")]);
    expect(f.map((x) => x.rule).sort()).toEqual(["formulation", "typo"]);
  });

  test("without the formulation rule the typo finding stays", () => {
    const text = "坚决反对形式主义、官僚主义、享乐主义和奢糜之风。";
    const f = run(ALL_RULES, text, undefined, { disabled: ["formulation"] }).filter((x) => x.rule === "typo");
    expect(f).toHaveLength(1);
    expect(f[0].fix?.text).toBe("奢靡");
  });
});

describe("ignored words (检查设置, 不是错字) suppress findings where they stand", () => {
  test("an ignored word suppresses the findings it covers, also the lexicon's", () => {
    expect(textFindings("抓整改要善始善中。")).toHaveLength(1);
    expect(textFindings("抓整改要善始善中。", ["善始善中"])).toEqual([]);
    expect(textFindings("要认真贯切落实各项要求。", ["认真贯切"])).toEqual([]);
  });

  test("an ignored word elsewhere does not silence a finding that merely shares a character with it", () => {
    const text = "各级党组织要认真的学习全会精神。";
    expect(textFindings(text)).toHaveLength(1);
    expect(textFindings(text, ["目的"])).toHaveLength(1);
    expect(textFindings(text, ["的确"])).toHaveLength(1);
  });

  test("an ignored single character does not silence the formulation findings that contain it", () => {
    const text = "坚持以人民为中心的发展理念，做好各项工作。";
    const before = run(formulation, text);
    expect(before).toHaveLength(1);
    expect(run(formulation, text, undefined, { ignoreWords: ["的"] })).toHaveLength(1);
  });

  test("不是错字 on a one-character finding ignores it with its neighbours, not the character everywhere", () => {
    const lines = ["各级党组织要认真的学习全会精神。", "要积极的推进整改工作。"];
    const doc = parse(lines);
    const f = checkDocument(doc, {}, [typo]);
    expect(f).toHaveLength(2);
    const word = wordToIgnore(lines[0], f[0].offset, f[0].length);
    expect(word).toBe("认真的学习");
    const after = checkDocument(doc, { ignoreWords: [word] }, [typo]);
    expect(after.map((x) => x.paragraph)).toEqual([1]);
  });

  test("不是错字 on a longer finding ignores the word itself", () => {
    const text = "抓整改要善始善中。";
    const f = textFindings(text);
    expect(wordToIgnore(text, f[0].offset, f[0].length)).toBe("善始善中");
  });
});
