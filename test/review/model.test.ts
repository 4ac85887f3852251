// The reviewing page's pure parts: missing sections, sorting and filtering rows, findings by section, CSV for Excel/WPS.
import fs from "node:fs";
import path from "node:path";
import { textToParagraphs } from "../../src/core/io/decodeText";
import { checkReport } from "../../src/core/report/checkReport";
import { errorReport, type FileReport } from "../../src/core/report/fileReport";
import { firstProblems, groupBySection, headingLines, matchesFilter, missingSections, reportsToCsv, rowWindow, secondsLeft, sortRows, summarize, type Row } from "../../src/review/model";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/realistic", name), "utf8");

/** A realistic personal review with its causes section and closing removed, and a placeholder added. */
function damaged(): FileReport {
  const lines = fixture("personal-review-items.txt").split(/\r?\n/);
  const level1 = (l: string) => /^[一二三四五六七八九十]+、/.test(l);
  const causes = lines.findIndex((l) => level1(l) && /原因/.test(l));
  const measures = lines.findIndex((l, i) => i > causes && level1(l));
  const kept = [...lines.slice(0, causes), ...lines.slice(measures)].filter((l) => l.trim());
  kept.pop();
  kept[2] += "请于X月X日前完成。";
  return checkReport("甲.docx", textToParagraphs(kept.join("\n")));
}

describe("review model", () => {
  const bad = damaged();
  const good = checkReport("乙.txt", textToParagraphs(fixture("team-review-special.txt")));
  const broken = errorReport("丙.docx", "文件已加密");
  const rows: Row[] = [
    { id: 1, name: "甲.docx", pending: false, summary: summarize(bad) },
    { id: 2, name: "乙.txt", pending: false, summary: summarize(good) },
    { id: 3, name: "丙.docx", pending: false, summary: summarize(broken) },
    { id: 4, name: "丁.docx", pending: true },
  ];

  test("missing required sections are named by the part; first problems are the most serious", () => {
    expect(missingSections(bad.findings)).toEqual(expect.arrayContaining(["原因分析", "结尾语"]));
    expect(missingSections(good.findings)).toEqual([]);
    const first = firstProblems(bad.findings, 2);
    expect(first.every((f) => f.severity === "error")).toBe(true);
  });

  test("a row's summary carries what the table shows, and survives the trip from the worker as plain data", () => {
    const s = summarize(bad);
    expect(s.counts.error).toBeGreaterThan(0);
    expect(s.counts.error + s.counts.warning + s.counts.info).toBe(bad.findings.length);
    expect(s.missing).toEqual(missingSections(bad.findings));
    expect(s.first).toEqual(firstProblems(bad.findings).map(({ severity, paragraph, message }) => ({ severity, paragraph, message })));
    expect(s.type).toEqual({ id: bad.type?.id, name: bad.type?.name });
    expect(s.error).toBeUndefined();
    expect(summarize(broken)).toMatchObject({ error: "文件已加密", type: null, missing: [], first: [] });
    expect(structuredClone(s)).toEqual(s);
  });

  test("filter by name and by result", () => {
    expect(rows.filter((r) => matchesFilter(r, "", "error")).map((r) => r.id)).toEqual([1]);
    expect(rows.filter((r) => matchesFilter(r, "", "unreadable")).map((r) => r.id)).toEqual([3]);
    expect(rows.filter((r) => matchesFilter(r, "", "clean")).map((r) => r.id)).toEqual(good.findings.some((f) => f.severity !== "info") ? [] : [2]);
    expect(rows.filter((r) => matchesFilter(r, "docx", "all")).map((r) => r.id)).toEqual([1, 3, 4]);
  });

  test("sort by errors puts unreadable files first, then the most errors; by name in Chinese order, stable", () => {
    expect(sortRows(rows, "error", true).map((r) => r.id)).toEqual([3, 1, 2, 4]);
    expect(sortRows(rows, "error", false).map((r) => r.id)[3]).toBe(3);
    const byName = sortRows(rows, "name", false).map((r) => r.name);
    expect(byName).toEqual([...byName].sort(new Intl.Collator("zh-CN").compare));
  });

  test("findings are grouped under the level-1 section they fall in", () => {
    const groups = groupBySection(bad);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(bad.findings.length);
    for (const g of groups) for (const f of g.findings) expect(f.paragraph).toBeGreaterThanOrEqual(g.paragraph);
    const placeholder = bad.findings.find((f) => f.rule === "placeholder");
    expect(groups.find((g) => g.findings.includes(placeholder!))?.title).toBe("标题与开头");
    expect(headingLines(bad.outline).find((h) => h.depth === 0 && /问题/.test(h.text))).toMatchObject({ depth: 0, role: "存在的问题" });
  });

  test("CSV: BOM, CRLF, one row per finding, quotes and formula-looking cells made safe", () => {
    const withComma = { ...bad, findings: [...bad.findings, { rule: "x", severity: "info" as const, message: '含"引号",逗号', paragraph: 0, quote: "=1+1" }] };
    const csv = reportsToCsv([withComma, broken]);
    expect(csv.startsWith("\uFEFF文件,")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + withComma.findings.length + 1);
    expect(csv).toContain('"含""引号"",逗号"');
    expect(csv).toContain(",'=1+1,");
    expect(lines[lines.length - 1]).toContain("无法读取");
  });

  test("the table's window: the rows in view and a few either side, never past the ends", () => {
    // 200 rows of 50 px in a 500 px view.
    expect(rowWindow(0, 500, 50, 200, 5)).toEqual({ first: 0, end: 16 });
    expect(rowWindow(2500, 500, 50, 200, 5)).toEqual({ first: 45, end: 66 });
    expect(rowWindow(9500, 500, 50, 200, 5)).toEqual({ first: 185, end: 200 });
    // Scrolled past the end (the rows were filtered away): the last rows, not an empty window.
    expect(rowWindow(9500, 500, 50, 3, 5)).toEqual({ first: 0, end: 3 });
    expect(rowWindow(0, 500, 50, 0, 5)).toEqual({ first: 0, end: 0 });
    // Every row is in the window of some scroll position, and each window covers the view.
    for (let top = 0; top <= 9500; top += 37) {
      const w = rowWindow(top, 500, 50, 200, 5);
      expect(w.first).toBeLessThanOrEqual(Math.floor(top / 50));
      expect(w.end).toBeGreaterThanOrEqual(Math.min(200, Math.ceil((top + 500) / 50)));
      expect(w.end - w.first).toBeLessThanOrEqual(Math.ceil(500 / 50) + 1 + 10);
    }
  });

  test("time left from the average so far", () => {
    expect(secondsLeft(1000, 0, 10)).toBeUndefined();
    expect(secondsLeft(2000, 4, 10)).toBe(3);
    expect(secondsLeft(2000, 10, 10)).toBe(0);
  });
});
