// The checker's data files load through their schemas; broken data is refused with the file named.
import { formulationEntries, junkEntries, typoEntries } from "../../../src/core/check/data";
import { FormulationsSchema, JunkSchema, TyposSchema, checkDataProblems } from "../../../src/core/check/dataSchema";

describe("check data", () => {
  test("the shipped files load and pass their schemas (as the CLI build checks)", () => {
    expect(checkDataProblems()).toEqual([]);
    expect(typoEntries().length).toBeGreaterThan(100);
    expect(formulationEntries().length).toBeGreaterThan(10);
    expect(junkEntries().length).toBeGreaterThan(10);
    for (const e of junkEntries()) expect(e.re.flags).toBe("giu");
  });
  test("schemas refuse broken entries", () => {
    expect(TyposSchema.safeParse({ version: 1, entries: [{ wrong: "", right: "x" }] }).success).toBe(false);
    expect(FormulationsSchema.safeParse({ version: 1, entries: [{ id: "a", name: null, canonical: "", members: [], ordered: "yes", wrong: [] }] }).success).toBe(false);
    expect(JunkSchema.safeParse({ version: 2, entries: [] }).success).toBe(false);
  });
  test("no formulation's right form is reported as wrong, no typo's right form is a typo", () => {
    const wrongs = new Set(formulationEntries().flatMap((e) => e.wrong.map((w) => w.text)));
    for (const e of formulationEntries()) for (const w of e.wrong) expect(wrongs.has(w.right)).toBe(false);
    // An entry with context conditions ("的" before a verb after 认真) is wrong only there: its form may be another's fix.
    const typoWrongs = new Set(typoEntries().filter((e) => !e.before && !e.after).map((e) => e.wrong));
    for (const e of typoEntries()) expect(typoWrongs.has(e.right)).toBe(false);
  });
});
