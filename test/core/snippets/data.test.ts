// The shipped phrase library: schema, uniqueness, fill-ins, quotes, coverage of every section, and a fresh pinyin index.
import fs from "node:fs";
import { shippedFocus } from "../../../src/core/outlines/focus";
import { getOutline, meetingsOf } from "../../../src/core/outlines/library";
import path from "node:path";
import * as pinyinPro from "pinyin-pro";
import { DOC_TYPE_IDS, type DocTypeId, type Role } from "../../../src/core/model";
import { BUILTIN_FILES, builtinSnippets, mergeSnippetFiles } from "../../../src/core/snippets/library";
import { dedupeKey } from "../../../src/core/snippets/normalize";
import { decodeSyllables, syllablesWith, textKey, type PinyinIndexData } from "../../../src/core/snippets/pinyinCodec";
import { snippetTexts } from "../../../src/core/snippets/pinyin";
import { EXPECTED_ROLES, fillInProblems, libraryProblems, MIN_TOTAL } from "../../../src/core/snippets/quality";

const root = path.resolve(__dirname, "../../..");
const snippets = builtinSnippets();

describe("shipped phrase library", () => {
  it("validates against the schema and merges the files", () => {
    expect(BUILTIN_FILES.map((f) => f.name)).toEqual(["review.json", "speech-report.json", "meetings.json"]);
    for (const f of BUILTIN_FILES) expect(Array.isArray(f.data) && (f.data as unknown[]).length > 0).toBe(true);
    expect(snippets.length).toBe(BUILTIN_FILES.reduce((n, f) => n + (f.data as unknown[]).length, 0));
  });

  it(`has at least ${MIN_TOTAL} snippets`, () => {
    expect(snippets.length).toBeGreaterThanOrEqual(MIN_TOTAL);
  });

  it("has unique ids", () => {
    const seen = new Set<string>();
    const dups = snippets.filter((s) => (seen.has(s.id) ? true : (seen.add(s.id), false))).map((s) => s.id);
    expect(dups).toEqual([]);
  });

  it("has no two snippets the same after normalising punctuation and spaces", () => {
    const first = new Map<string, string>();
    const dups: string[] = [];
    for (const s of snippets) {
      const k = dedupeKey(s.text);
      if (first.has(k)) dups.push(`${first.get(k)} = ${s.id}`);
      else first.set(k, s.id);
    }
    expect(dups).toEqual([]);
  });

  it("writes fill-ins only as 【…】 (no XX, ××, 某某, blanks)", () => {
    const bad = snippets.flatMap((s) => fillInProblems(s.text).map((p) => `${s.id}：${p}`));
    expect(bad).toEqual([]);
  });

  it("has no ASCII double quotes in texts or tags", () => {
    expect(snippets.filter((s) => s.text.includes('"') || s.tags.some((t) => t.includes('"'))).map((s) => s.id)).toEqual([]);
  });

  it("covers every role of every type (the brief's table and the outline library)", () => {
    const expected = new Map<DocTypeId, Set<Role>>(DOC_TYPE_IDS.map((t) => [t, new Set(EXPECTED_ROLES[t])]));
    const dir = path.join(root, "src/data/outlines");
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "year-focus.json")) {
      const outline = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { type: DocTypeId; sections: { role: Role }[] };
      for (const s of outline.sections) expected.get(outline.type)?.add(s.role);
    }
    const missing: string[] = [];
    for (const [type, roles] of expected) {
      for (const role of roles) if (!snippets.some((s) => s.types.includes(type) && s.roles.includes(role))) missing.push(`${type}/${role}`);
    }
    expect(missing).toEqual([]);
  });

  it("offers at least 10 snippets for every section of every outline (a full suggestion list at the cursor)", () => {
    const dir = path.join(root, "src/data/outlines");
    const thin: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "year-focus.json")) {
      const outline = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { type: DocTypeId; sections: { role: Role }[] };
      for (const role of new Set(outline.sections.map((s) => s.role))) {
        const n = snippets.filter((s) => s.types.includes(outline.type) && s.roles.includes(role)).length;
        if (n < 10) thin.push(`${outline.type}/${role}: ${n}`);
      }
    }
    expect(thin).toEqual([]);
  });

  it("passes libraryProblems with no errors", () => {
    expect(libraryProblems(snippets).errors).toEqual([]);
  });

  it("rejects bad data with the file and entry named", () => {
    const good = { id: "t-1", text: "理想信念", kind: "phrase", roles: ["causes"], types: ["personal-review"], tags: [] };
    expect(() => mergeSnippetFiles([{ name: "a.json", data: [good, { ...good, id: "t-2", kind: "word" }] }])).toThrow(/a\.json.*第2条/);
    expect(() => mergeSnippetFiles([{ name: "a.json", data: [good] }, { name: "b.json", data: [good] }])).toThrow(/id 重复：t-1/);
    expect(() => mergeSnippetFiles([{ name: "a.json", data: [{ ...good, extra: 1 }] }])).toThrow(/a\.json/);
    expect(() => mergeSnippetFiles([{ name: "a.json", data: [{ ...good, text: " 理想" }] }])).toThrow(/首尾/);
  });
});

describe("fillInProblems", () => {
  it.each([
    ["反馈了【X】个方面问题", []],
    ["【单位名称】党委", []],
    ["XX同志", ["【】以外的占位符：XX"]],
    ["于××年召开", ["【】以外的占位符：××"]],
    ["某某同志指出", ["【】以外的占位符：某某"]],
    ["共___个问题", ["【】以外的占位符：___"]],
    ["【单位【名称】】", ["【】嵌套"]],
    ["名称】", ["多余的“】”"]],
    ["【】", ["空的【】"]],
    ["【未闭合", ["“【”未闭合"]],
  ])("%s", (text, problems) => {
    expect(fillInProblems(text)).toEqual(problems);
  });
});

describe("pinyin-index.json (npm run build:pinyin)", () => {
  const data = JSON.parse(fs.readFileSync(path.join(root, "src/data/snippets/pinyin-index.json"), "utf8")) as PinyinIndexData;

  it("has the format version 1 and names its generator", () => {
    expect(data.version).toBe(1);
    expect(data.generator).toMatch(/^pinyin-pro \d/);
  });

  it("covers every text and tag of the shipped library, with what pinyin-pro gives today (else run npm run build:pinyin)", () => {
    const texts = [...new Set(snippetTexts(snippets))];
    const stale = texts.filter((t) => {
      const got = decodeSyllables(data.entries[textKey(t)], t);
      return !got || got.join(" ") !== syllablesWith(pinyinPro, t).join(" ");
    });
    expect(stale).toEqual([]);
    expect(Object.keys(data.entries).length).toBe(texts.length);
  });
});

describe("the meetings users prepare most (issue 16)", () => {
  const snippets = builtinSnippets();
  it.each(["年度民主生活会", "学习教育", "家风家教", "相互批评", "统筹发展和安全"])("at least 25 snippets tagged %s", (tag) => {
    expect(snippets.filter((s) => s.tags.includes(tag)).length).toBeGreaterThanOrEqual(25);
  });
  it("the annual meeting's five 带头 points are offered as written in the year file", () => {
    const texts = new Set(snippets.map((s) => s.text));
    for (const p of shippedFocus().points) expect(texts.has(p.text)).toBe(true);
  });
  it("personal and team problem sections go straight to problems: no achievement talk", () => {
    const talk = snippets.filter((s) => s.roles.includes("problems") && s.types.some((t) => t === "personal-review" || t === "team-review") && /肯定成绩|成绩是主要的|取得了.{0,8}成绩/.test(s.text));
    expect(talk.map((s) => s.id)).toEqual([]);
  });
  it("wrong or dated wording is gone from snippets and outlines", () => {
    const outlineText = DOC_TYPE_IDS.flatMap((t) => meetingsOf(t).map((m) => JSON.stringify(getOutline(t, { meeting: m })))).join("");
    const all = snippets.map((s) => s.text).join("\n") + outlineText;
    for (const wrong of [/驰而不息落实中央八项规定精神/, /团结—批评—团结”?的精神/, /红红脸、出出汗、排排毒/, /与主题教育、专项整治、年度重点任务统筹推进/, /开展.{0,2}我为群众办实事.{0,2}实践活动/]) expect(all).not.toMatch(wrong);
    expect(all).toMatch(/锲而不舍落实中央八项规定精神/);
    expect(all).toMatch(/咬耳扯袖、红脸出汗/);
    expect(all).toMatch(/与【本年度学习教育】、专项整治、年度重点任务统筹推进/);
  });
});
