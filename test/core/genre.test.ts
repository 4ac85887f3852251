// The genre on documents written for this test (test/fixtures/genre): type detection weighs the genre's voice (刚才……,
// 我讲几点意见, 一要/第一，) and who speaks over topic words, a 讲话 that reports completed rectification with counts is a
// progress report, the explanation names the deciding signals, a review restarting 一、 for its measures gives them
// their role, and a closing point introduced by 最后…… is a level-1 point.
import fs from "node:fs";
import path from "node:path";
import type { DocTypeId, Role } from "../../src/core/model";
import { parseDocument } from "../../src/core/parse/parseDocument";
import { findEnumerations, LAST } from "../../src/core/numbering";

const DIR = path.join(__dirname, "../fixtures/genre");
const load = (f: string) =>
  parseDocument(
    fs
      .readFileSync(path.join(DIR, f), "utf8")
      .replace(/\r\n/g, "\n")
      .replace(/\n$/, "")
      .split("\n")
      .map((text) => ({ text })),
  );

interface Case {
  file: string;
  roots: [string, Role | null][];
  /** Words the explanation must contain. */
  because: string[];
}

const CASES: Case[] = [
  {
    file: "speech-mobilization--yao.txt",
    roots: [["一要", "awareness"], ["二要", "tasks"], ["三要", "methods"], ["四要", "leadership"]],
    because: ["代表本单位党组", "讲话口吻"],
  },
  {
    file: "speech-mobilization--topic-words.txt",
    roots: [["一要", null], ["二要", null], ["三要", "methods"], ["四要", "leadership"]],
    because: ["讲话口吻"],
  },
  {
    file: "speech-guidance--superior.txt",
    roots: [["第一，", "requirements"], ["第二，", "requirements"], ["最后我再强调一下，", "requirements"]],
    because: ["到会指导的上级"],
  },
  {
    file: "speech-guidance--di-last.txt",
    roots: [["第一，", "requirements"], ["第二，", "requirements"], ["最后一点，", "requirements"]],
    because: ["评价这次民主生活会"],
  },
  {
    file: "speech-guidance--modest.txt",
    roots: [["一要", "requirements"], ["二要", "requirements"], ["三要", "requirements"]],
    because: ["评价刚才的对照检查", "讲话口吻"],
  },
  {
    file: "rectification-report--titled-speech.txt",
    roots: [["一、", "background"], ["二、", "progress"], ["三、", "next-steps"]],
    because: ["已完成的整改及数目"],
  },
  {
    file: "personal-review--restart.txt",
    roots: [["一、", "problems"], ["二、", "causes"], ["一、", "measures"], ["二、", "measures"], ["三、", "measures"]],
    because: ["个人"],
  },
];

describe("genre fixtures", () => {
  test("every fixture is covered by a case", () => {
    expect(fs.readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort()).toEqual(CASES.map((c) => c.file).sort());
  });
  test.each(CASES.map((c) => [c.file, c] as const))("%s", (file, c) => {
    const doc = load(file);
    expect(doc.type.id).toBe(file.replace(/--.*$/, "") as DocTypeId);
    expect(doc.headings.map((h) => [h.marker, h.role])).toEqual(c.roots);
    expect(doc.headings.every((h) => h.level === 1)).toBe(true);
    const why = doc.type.reasons.join("；");
    for (const w of c.because) expect(why).toContain(w);
  });
  test("a speech's voice keeps it out of the review types even when its points name problems, causes and measures", () => {
    const doc = load("speech-mobilization--topic-words.txt");
    expect(doc.type.scores["personal-review"]).toBeLessThan(doc.type.scores["speech-mobilization"] - 8);
    expect(doc.type.scores["team-review"]).toBeLessThan(doc.type.scores["speech-mobilization"] - 8);
  });
  test("a chosen type is explained as chosen", () => {
    const doc = parseDocument([{ text: "同志们：" }], { type: "speech-guidance" });
    expect(doc.type.reasons).toEqual(["用户指定"]);
  });
});

describe("a closing point that runs on", () => {
  test.each([
    ["最后，要抓好落实。", "最后"],
    ["最后我再强调一下，要抓好落实。", "最后我再强调一下"],
    ["最后我再强调一下要抓好落实。", "最后我再强调一下"],
    ["最后一点，要抓好落实。", "最后一点"],
    ["最后，我再强调一点：要抓好落实。", "最后，我再强调一点"],
  ])("%s", (text, word) => {
    const [m] = findEnumerations(text);
    expect(m).toMatchObject({ number: LAST, text: word, offset: 0 });
  });
  test.each(["最后形成了整改报告。", "最后一公里的问题要解决。", "会议最后通过了决议。"])("not a point: %s", (text) => {
    expect(findEnumerations(text).filter((m) => m.number === LAST)).toEqual([]);
  });
});
