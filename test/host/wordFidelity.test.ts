// The Word adapter on a stand-in that fails the way Word fails (test/support/wordMock.ts): no rollback, searches that
// miss or are refused, lists that number what they should not, text that is not text, cursors outside the body.
import { WordHost } from "../../src/host/wordHost";
import type { Block } from "../../src/core/blocks";
import { createWordMock, type FakeParagraphInit, type WordMockOptions } from "../support/wordMock";
import { planFormatting } from "../../src/core/format/plan";
import { parseDocument } from "../../src/core/parse/parseDocument";

const WORD_1_4 = (name: string, version: string) => name === "WordApi" && Number(version) <= 1.4;
const DESKTOP = (name: string, version: string) => (name === "WordApi" && Number(version) <= 1.9) || (name === "WordApiDesktop" && Number(version) <= 1.3);

function host(paras: FakeParagraphInit[], cursor = 0, options: WordMockOptions = {}, isSetSupported?: (n: string, v: string) => boolean) {
  const word = createWordMock(paras, cursor, cursor, options);
  return { word, host: new WordHost({ run: word.run, isSetSupported }) };
}

const heading = (text: string, list?: Block["list"], styleBuiltIn: "Heading1" | "Heading2" = "Heading1"): Block => ({ text, kind: "heading", level: 1, list, format: { font: "黑体", sizePt: 16, bold: false, alignment: "justified", firstLineIndentPt: 32, lineSpacingPt: 28, styleBuiltIn } });
const body = (text: string): Block => ({ text, kind: "body" });

describe("a write that fails in Word is reported truthfully (no rollback)", () => {
  test("insertBlocks failing after its first command: the pane is told what was applied and how to undo", async () => {
    const { word, host: h } = host([{ text: "甲" }, { text: "乙" }], 0);
    // Sync 3 is the write (1 read, 2 verify); its first command, the first paragraph, goes through.
    word.failSyncAt(3, { code: "GeneralException", message: "x" }, 1);
    const error = await h.insertBlocks([body("新一"), body("新二")], { kind: "after", paragraph: 0, expected: "甲" }).catch((e: Error) => e);
    expect(word.texts()).toEqual(["甲", "新一", "乙"]);
    expect((error as Error).message).not.toMatch(/未作任何修改/);
    expect((error as Error).message).toMatch(/已核对.*1 段.*Ctrl\+Z/);
  });

  test("applyFixes failing in its write: the re-read says which paragraphs changed", async () => {
    const { word, host: h } = host([{ text: "甲,乙" }, { text: "丙,丁" }]);
    word.failSyncAt(3, { code: "GeneralException", message: "x" }, 1);
    const error = await h.applyFixes([
      { paragraph: 0, offset: 1, length: 1, text: "，", expected: "," },
      { paragraph: 1, offset: 1, length: 1, text: "，", expected: "," },
    ]).catch((e: Error) => e);
    expect(word.texts()).toEqual(["甲,乙", "丙，丁"]);
    expect((error as Error).message).toMatch(/已核对.*1 段.*Ctrl\+Z/);
  });

  test("a protected document refusing the write: the re-read finds nothing written and says so", async () => {
    const { word, host: h } = host([{ text: "甲,乙" }]);
    word.failSyncAt(3, { code: "AccessDenied", message: "protected" }, 0);
    const error = await h.applyFixes([{ paragraph: 0, offset: 1, length: 1, text: "，", expected: "," }]).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/只读或受保护.*已核对文档：没有发现已写入的修改/);
    expect(word.texts()).toEqual(["甲,乙"]);
  });

  test("a failure before any write says so, without a re-read", async () => {
    const { word, host: h } = host([{ text: "甲,乙" }], 0, { searchDialogOpen: true });
    const error = await h.applyFixes([{ paragraph: 0, offset: 1, length: 1, text: "，", expected: "," }]).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/查找和替换/);
    expect((error as Error).message).toMatch(/写入之前/);
    expect(word.texts()).toEqual(["甲,乙"]);
  });
});

describe("lists", () => {
  const listDoc: FakeParagraphInit[] = [
    { text: "存在的问题", list: { id: 3, level: 0, label: "一、" }, leftIndent: 0, firstLineIndent: 32 },
    { text: "正文。" },
  ];

  test("body placeholders under a list heading are not list items, and the next heading joins once", async () => {
    const { word, host: h } = host(listDoc, 1);
    await h.insertBlocks([heading("原因分析", { listId: "3", level: 0 }), body("【原因】"), heading("整改措施", { listId: "3", level: 0 }), body("【措施】")], { kind: "after", paragraph: 1, expected: "正文。" });
    expect(word.texts()).toEqual(["存在的问题", "正文。", "原因分析", "【原因】", "整改措施", "【措施】"]);
    expect([2, 3, 4, 5].map((i) => word.paragraph(i).isListItem)).toEqual([true, false, true, false]);
    // The level's indents, copied from the list's own item (attachToList does not apply them, office-js #6524).
    expect(word.paragraph(2)).toMatchObject({ leftIndent: 0, firstLineIndent: 32 });
  });

  test("a heading inserted after a list item at another level is set to its level, not attached twice", async () => {
    const { word, host: h } = host(listDoc, 0);
    await h.insertBlocks([heading("理论学习方面", { listId: "3", level: 1 })], { kind: "after", paragraph: 0, expected: "存在的问题" });
    expect(word.paragraph(1)).toMatchObject({ text: "理论学习方面", list: { id: 3, level: 1 } });
  });

  test("Heading styles that carry the numbering: the heading is numbered once, by its style", async () => {
    const { word, host: h } = host([{ text: "存在的问题", styleBuiltIn: "Heading1", list: { id: 8, level: 0, label: "一、" } }, { text: "正文。" }], 1, { headingNumbering: { listId: 8, levels: { Heading1: 0, Heading2: 1 } } });
    await h.insertBlocks([heading("原因分析", { listId: "8", level: 0 }), body("【原因】")], { kind: "after", paragraph: 1, expected: "正文。" });
    expect(word.paragraph(2)).toMatchObject({ text: "原因分析", list: { id: 8, level: 0 } });
    expect(word.paragraph(3).isListItem).toBe(false);
  });
});

describe("text that is not text", () => {
  test("a picture-only paragraph survives 删除空段落", async () => {
    const { word, host: h } = host([{ text: "甲" }, { text: "", objects: [{ kind: "picture", at: 0 }] }, { text: "" }, { text: "乙" }]);
    const result = await h.applyFixes([
      { paragraph: 1, offset: 0, length: 0, text: "", expected: "", deleteParagraph: true },
      { paragraph: 2, offset: 0, length: 0, text: "", expected: "", deleteParagraph: true },
    ]);
    expect(result).toEqual({ applied: 1, skipped: 1 });
    expect(word.lost()).toEqual([]);
    expect(word.texts()).toEqual(["甲", "", "乙"]);
  });

  test("合并断行 whose joined line holds a picture is not made at all (its lines would stay twice)", async () => {
    const { word, host: h } = host([{ text: "坚持把整改" }, { text: "落到实处。", objects: [{ kind: "picture", at: 5 }] }]);
    const result = await h.applyFixes([
      { paragraph: 0, offset: 0, length: 5, text: "坚持把整改落到实处。", expected: "坚持把整改", group: 0 },
      { paragraph: 1, offset: 0, length: 5, text: "", expected: "落到实处。", deleteParagraph: true, group: 0 },
    ]);
    expect(result).toEqual({ applied: 0, skipped: 2 });
    expect(word.texts()).toEqual(["坚持把整改", "落到实处。"]);
    expect(word.lost()).toEqual([]);
  });

  test("at most 40 paragraphs are checked through their OOXML per action; the rest wait for the next click", async () => {
    const paras: FakeParagraphInit[] = [{ text: "甲" }, ...Array.from({ length: 45 }, () => ({ text: "" })), { text: "乙" }];
    const { word, host: h } = host(paras);
    const fixes = paras.map((p, i) => ({ paragraph: i, offset: 0, length: 0, text: "", expected: "", deleteParagraph: true as const })).filter((f) => paras[f.paragraph].text === "");
    expect(await h.applyFixes(fixes)).toEqual({ applied: 40, skipped: 5 });
    expect(word.texts()).toHaveLength(7);
    expect(word.loads.filter((l) => l === "paragraph.getOoxml")).toHaveLength(40);
  });

  test("a paragraph with a field or footnote is never deleted whole", async () => {
    const { word, host: h } = host([{ text: "会员资料 仅供学习", objects: [{ kind: "footnote", at: 4 }] }], 0, {}, WORD_1_4);
    const result = await h.applyFixes([{ paragraph: 0, offset: 0, length: 9, text: "", expected: "会员资料 仅供学习", deleteParagraph: true }]);
    expect(result.applied).toBe(0);
    expect(word.lost()).toEqual([]);
  });

  test("an 'empty' anchor holding a picture is not overwritten by an insert", async () => {
    const { word, host: h } = host([{ text: "甲" }, { text: "", objects: [{ kind: "picture", at: 0 }] }], 1);
    await h.insertBlocks([body("新段落")], { kind: "after", paragraph: 1, expected: "" });
    expect(word.lost()).toEqual([]);
    expect(word.texts()).toEqual(["甲", "", "新段落"]);
  });

  test("a whole-paragraph fix replaces only the changed span: the footnote and the bold run stay", async () => {
    const { word, host: h } = host([{ text: "做好巡视整改,落实主体责任。", objects: [{ kind: "footnote", at: 13 }] }]);
    const result = await h.applyFixes([{ paragraph: 0, offset: 0, length: 14, text: "做好巡视整改，落实主体责任。", expected: "做好巡视整改,落实主体责任。" }]);
    expect(result.applied).toBe(1);
    expect(word.texts()).toEqual(["做好巡视整改，落实主体责任。"]);
    expect(word.lost()).toEqual([]);
    expect(word.ops).not.toContain("paragraph.insertText(Replace)");
  });
});

describe("Word's search is not indexOf", () => {
  test("a search that also matches the full-width form: the right occurrence is replaced, found by its neighbours", async () => {
    const { word, host: h } = host([{ text: "甲，乙,丙" }]);
    const result = await h.applyFixes([{ paragraph: 0, offset: 3, length: 1, text: "，", expected: "," }]);
    expect(word.texts()).toEqual(["甲，乙，丙"]);
    expect(result.applied).toBe(1);
  });

  test("the key grows by neighbours until it is unique, replacing only what it verified", async () => {
    const { word, host: h } = host([{ text: ",，,，" }]);
    const result = await h.applyFixes([{ paragraph: 0, offset: 2, length: 1, text: "，", expected: "," }]);
    expect(result).toEqual({ applied: 1, skipped: 0 });
    expect(word.texts()).toEqual([",，，，"]);
  });

  test("a fix whose occurrence no key of 255 characters tells apart is refused, never misapplied", async () => {
    const text = ",，".repeat(200);
    const { word, host: h } = host([{ text }]);
    const result = await h.applyFixes([{ paragraph: 0, offset: 200, length: 1, text: "，", expected: "," }]);
    expect(result).toEqual({ applied: 0, skipped: 1 });
    expect(word.texts()).toEqual([text]);
  });

  test("a fix whose only unique keys would cross a line break (\\v, searched as ^l) is refused; one that needs none is applied", async () => {
    const { word, host: h } = host([{ text: "乙,\v乙," }, { text: "第一行\v第二行,末尾" }]);
    const result = await h.applyFixes([
      { paragraph: 0, offset: 1, length: 1, text: "，", expected: "," },
      { paragraph: 1, offset: 7, length: 1, text: "，", expected: "," },
    ]);
    expect(result).toEqual({ applied: 1, skipped: 1 });
    expect(word.texts()).toEqual(["乙,\v乙,", "第一行\v第二行，末尾"]);
  });

  test("a tracked deletion in the paragraph: a unique verified hit is fixed, findings read the reviewed text", async () => {
    const { word, host: h } = host([{ text: "落实主体责任,强化担当", trackedDeletion: { at: 2, text: "旧的" } }], 0, { changeTrackingMode: "TrackAll" }, WORD_1_4);
    const snap = await h.snapshot();
    expect(snap.paragraphs[0].text).toBe("落实主体责任,强化担当");
    expect(snap.trackChanges).toBe("on");
    const result = await h.applyFixes([{ paragraph: 0, offset: 6, length: 1, text: "，", expected: "," }]);
    expect(result.applied).toBe(1);
    expect(word.paragraph(0).text).toBe("落实旧的主体责任，强化担当");
  });

  test("on WordApi 1.3 the snapshot says it cannot tell whether track changes are on", async () => {
    const { host: h } = host([{ text: "甲" }]);
    expect((await h.snapshot()).trackChanges).toBe("unknown");
  });
});

describe("the cursor", () => {
  test("on an empty line is that line", async () => {
    const { host: h } = host([{ text: "甲" }, { text: "乙" }, { text: "" }, { text: "丙" }], 0, { selection: { story: "body", start: { paragraph: 2, offset: 0 }, end: { paragraph: 2, offset: 0 } } });
    const snap = await h.snapshot();
    expect([snap.cursor, snap.cursorEnd]).toEqual([2, 2]);
    expect((await h.readCursor()).paragraph).toBe(2);
  });

  test("at the start of a paragraph is in that paragraph", async () => {
    const { host: h } = host([{ text: "甲" }, { text: "乙丙" }], 0, { selection: { story: "body", start: { paragraph: 1, offset: 0 }, end: { paragraph: 1, offset: 0 } } });
    expect((await h.snapshot()).cursor).toBe(1);
  });

  test("outside the body (footer) reads as the end of the document and says so", async () => {
    const { host: h } = host([{ text: "甲" }, { text: "乙" }, { text: "丙" }], 0, { selection: { story: "footer" } });
    const snap = await h.snapshot();
    expect(snap).toMatchObject({ cursor: 2, cursorEnd: 2, cursorOutsideBody: true });
    expect(await h.readCursor()).toEqual({ paragraph: 2, text: "丙", paragraphCount: 3, outsideBody: true });
  });

  test("a light cursor read takes one sync and loads no paragraph text body-wide", async () => {
    const { word, host: h } = host(Array.from({ length: 500 }, (_, i) => ({ text: `第${i}段` })), 7);
    expect(await h.readCursor()).toEqual({ paragraph: 7, text: "第7段", paragraphCount: 500, outsideBody: false });
    expect(word.syncs()).toBe(1);
    expect(word.loads.filter((l) => /items\/text|^text|items\/\*/.test(l))).toEqual([]);
  });

  test("full reads never overlap: two at once both succeed", async () => {
    const { host: h } = host([{ text: "甲" }]);
    const [a, b] = await Promise.all([h.snapshot(), h.snapshot()]);
    expect(a.paragraphs).toEqual(b.paragraphs);
  });
});

describe("tables and content controls", () => {
  const table: FakeParagraphInit[] = [{ text: "前文" }, { text: "单元格一", inTable: true }, { text: "单元格二", inTable: true }, { text: "后文" }];

  test("a block insert with the cursor in a table cell goes after the table", async () => {
    const { word, host: h } = host(table, 1);
    await h.insertBlocks([heading("三、整改措施"), body("【措施】")], { kind: "after", paragraph: 1, expected: "单元格一" });
    expect(word.texts()).toEqual(["前文", "单元格一", "单元格二", "三、整改措施", "【措施】", "后文"]);
    expect(word.paragraph(3).tableNestingLevel).toBe(0);
  });

  test("an inline phrase goes into the cell", async () => {
    const { word, host: h } = host(table, 1);
    await h.insertInline("坚持【任务】");
    expect(word.texts()[1]).toBe("单元格一坚持【任务】");
    expect(word.selected()).toBe("【任务】");
  });

  test("a locked content control gets a named refusal and no write", async () => {
    const { word, host: h } = host([{ text: "某某单位", contentControl: { title: "单位名称", cannotEdit: true } }], 0);
    await expect(h.insertInline("坚持【任务】")).rejects.toThrow(/“单位名称”.*锁定/);
    expect(word.texts()).toEqual(["某某单位"]);
    await expect(h.insertBlocks([body("新")], { kind: "after", paragraph: 0, expected: "某某单位" })).rejects.toThrow(/“单位名称”.*锁定/);
    expect(word.ops.filter((o) => o.startsWith("insert"))).toEqual([]);
  });
});

describe("一键排版 in Word", () => {
  const lines: FakeParagraphInit[] = [
    { text: "某局领导班子对照检查材料", font: { name: "宋体", size: 12, bold: true } },
    { text: "一、存在的问题", font: { name: "宋体", size: 12 } },
    { text: "学习不够深入，调研不够扎实。", font: { name: "宋体", size: 12, nameFarEast: "仿宋" }, firstLineChars: 150, beforeLines: 50 },
  ];
  const plan = () => planFormatting(parseDocument(lines.map((p) => ({ text: p.text }))), undefined, { pageSetup: true, pageNumbers: true, pageNumberPosition: "gbt" });

  test("撤销排版 leaves alone a footer the user changed after 一键排版", async () => {
    const { word, host: h } = host(lines, 0, {}, DESKTOP);
    const { backup } = await h.applyFormatting(plan());
    const footer = word.sections()[0].getFooter("Primary");
    expect(footer.text).toBe("— {PAGE} —");
    footer.text = "— {PAGE} — 内部资料";
    const result = await h.restoreFormatting(backup);
    expect(footer.text).toBe("— {PAGE} — 内部资料");
    expect(result.notes.join()).toMatch(/页脚.*修改/);
  });

  test("character units: spacing in points clears line units; indents in characters are reported, not claimed", async () => {
    const { word, host: h } = host(lines, 0, {}, DESKTOP);
    const result = await h.applyFormatting(plan());
    expect(word.paragraph(2).lineUnitBefore).toBe(0);
    expect(word.paragraph(2).beforeLines).toBe(0);
    expect(result.notes.join()).toMatch(/字符/);
  });

  test("backups keep the East Asian font (nameFarEast, WordApiDesktop 1.3) and restore it", async () => {
    const { word, host: h } = host(lines, 0, {}, DESKTOP);
    const { backup } = await h.applyFormatting(plan());
    expect(backup.paragraphs.find((b) => b.paragraph === 2)?.before.farEastFont).toBe("仿宋");
    await h.restoreFormatting(backup);
    expect(word.paragraph(2).font.nameFarEast).toBe("仿宋");
  });
});
