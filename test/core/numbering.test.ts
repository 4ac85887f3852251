import fs from "node:fs";
import path from "node:path";
import { findEnumerations, fromChineseNumber, LAST, parseMarker, scanEnumerations, standardMarker, toChineseNumber } from "../../src/core/numbering";

describe("Chinese numerals", () => {
  test.each([
    [1, "一"], [10, "十"], [11, "十一"], [19, "十九"], [20, "二十"], [21, "二十一"], [99, "九十九"], [100, "一百"], [101, "一百零一"], [110, "一百一十"], [999, "九百九十九"],
  ])("%i ⇄ %s", (n, s) => {
    expect(toChineseNumber(n)).toBe(s);
    expect(fromChineseNumber(s)).toBe(n);
  });
  test("rejects non-numerals", () => {
    expect(fromChineseNumber("一二")).toBeNaN();
    expect(fromChineseNumber("是")).toBeNaN();
    expect(fromChineseNumber("")).toBeNaN();
  });
});

describe("parseMarker", () => {
  test.each([
    ["一、存在的问题", 1, 1, "一、", false],
    ["十二、其他", 1, 12, "十二、", false],
    ["一．存在的问题", 1, 1, "一．", true],
    ["一，存在的问题", 1, 1, "一，", true],
    ["（一）理论学习", 2, 1, "（一）", false],
    ["(一)理论学习", 2, 1, "(一)", true],
    ["（一）、理论学习", 2, 1, "（一）、", true],
    ["（十一）其他方面", 2, 11, "（十一）", false],
    ["1.理论学习质量不高。", 3, 1, "1.", false],
    ["1、理论学习", 3, 1, "1、", true],
    ["1．理论学习", 3, 1, "1．", true],
    ["（1）具体表现", 4, 1, "（1）", false],
    ["(2)具体表现", 4, 2, "(2)", true],
    ["第一、加强学习", 1, 1, "第一、", true],
  ])("%s", (text, level, number, written, nonstandard) => {
    const m = parseMarker(text);
    expect(m).not.toBeNull();
    expect(m!.level).toBe(level);
    expect(m!.number).toBe(number);
    expect(m!.text).toBe(written);
    expect(m!.nonstandard).toBe(nonstandard);
  });
  test.each(["1.5亿元资金已到位。", "2023年6月", "一是加强学习", "同志们：", "第一责任人"])("no marker in %s", (text) => {
    expect(parseMarker(text)?.style === "di" ? null : parseMarker(text)).toBeNull();
  });
  test("standard markers per level", () => {
    expect([1, 2, 3, 4].map((l) => standardMarker(l, 3))).toEqual(["三、", "（三）", "3.", "（3）"]);
  });
});

describe("findEnumerations", () => {
  test("finds 一是/二是 after punctuation only", () => {
    const marks = findEnumerations("主要表现在：一是学习不深入；二是调研不够。统一是前提。");
    expect(marks.map((m) => [m.series, m.number, m.offset])).toEqual([
      ["shi", 1, 6],
      ["shi", 2, 14],
    ]);
  });
  test("一要 but not 一要求", () => {
    expect(findEnumerations("一要提高认识，二要压实责任。").map((m) => m.number)).toEqual([1, 2]);
    expect(findEnumerations("唯一要求是，一要求真务实")).toEqual([]);
  });
  test("首先/其次/最后 and 第一，", () => {
    const marks = findEnumerations("首先，学习。其次，调研。最后，落实。第一，强化。");
    expect(marks.map((m) => [m.series, m.number])).toEqual([
      ["seq", 1], ["seq", 2], ["seq", LAST], ["di", 1],
    ]);
  });
});

describe("findEnumerations' cheap test before its pattern", () => {
  const dirs = ["realistic", "clean", "structure", "genre", "clean-text"].map((d) => path.join(__dirname, "../fixtures", d));
  const lines = dirs.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .flatMap((f) => fs.readFileSync(path.join(dir, f), "utf8").split(/\r?\n/)),
  );
  const crafted = [
    "一是加强学习，二是改进作风。",
    "一是要提高认识；二要抓好落实。",
    "第一，统一思想。第二，压实责任。",
    "首先，提高站位；其次，强化措施；再次，严格督导；最后，抓好落实。",
    "最后我再强调一下纪律要求。",
    "最后一点，要加强组织领导。",
    "十要百是都不算，这里没有列举。",
    "要求是明确的，主要是落实。",
  ];

  test("it finds what the pattern alone finds, on every fixture line and on each kind of enumeration", () => {
    const texts = [...lines, ...crafted];
    expect(lines.length).toBeGreaterThan(500);
    let found = 0;
    for (const t of texts) {
      const all = scanEnumerations(t);
      found += all.length;
      expect([t, findEnumerations(t)]).toEqual([t, all]);
    }
    expect(found).toBeGreaterThan(50);
    for (const t of crafted.slice(0, 6)) expect([t, findEnumerations(t).length > 0]).toEqual([t, true]);
  });
});
