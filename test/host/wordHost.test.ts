import { WordHost } from "../../src/host/wordHost";
import { HostError } from "../../src/host/DocumentHost";
import { createWordMock, type FakeParagraphInit } from "../support/wordMock";

function doc(n: number): FakeParagraphInit[] {
  const out: FakeParagraphInit[] = [{ text: "某局领导班子对照检查材料", styleBuiltIn: "Title" }];
  for (let i = 1; i < n; i++) out.push({ text: i % 50 === 1 ? `${"一二三四五六七八九十"[(i / 50) % 10 | 0]}、小节` : `正文第${i}段。` });
  return out;
}

describe("WordHost.snapshot", () => {
  test.each([10, 5000])("reads %i paragraphs in one sync", async (n) => {
    const word = createWordMock(doc(n), 3);
    const host = new WordHost({ run: word.run });
    const snap = await host.snapshot();
    expect(word.syncs()).toBe(1);
    expect(snap.paragraphs).toHaveLength(n);
    expect(snap.paragraphs[0]).toMatchObject({ text: "某局领导班子对照检查材料", styleBuiltIn: "Title" });
    expect(snap.cursor).toBe(3);
    expect(snap.cursorEnd).toBe(3);
    expect(snap.cursorEndOffset).toBe(snap.paragraphs[3].text.length);
    expect(word.loads[0]).toContain("items/listItemOrNullObject/listString");
  });

  test("a selection over several paragraphs reports where it starts and ends", async () => {
    const snap = await new WordHost({ run: createWordMock(doc(10), 2, 5).run }).snapshot();
    expect([snap.cursor, snap.cursorEnd]).toEqual([2, 5]);
  });

  test("reports list labels, list ids and table membership", async () => {
    const word = createWordMock([
      { text: "存在的问题", list: { id: 7, level: 0, label: "一、" } },
      { text: "表格中的文字", inTable: true },
      { text: "正文" },
    ]);
    const snap = await new WordHost({ run: word.run }).snapshot();
    expect(snap.paragraphs[0]).toMatchObject({ listString: "一、", listLevel: 0, listId: "7" });
    expect(snap.paragraphs[1].inTable).toBe(true);
    expect(snap.paragraphs[2].listString).toBeUndefined();
  });

  test("a failing sync becomes a Chinese message", async () => {
    const word = createWordMock(doc(5));
    word.failSyncAt(1, { code: "AccessDenied", message: "denied" });
    await expect(new WordHost({ run: word.run }).snapshot()).rejects.toThrow(/只读|受保护/);
  });
});

describe("WordHost.insertBlocks", () => {
  test.each([10, 5000])("inserts at the cursor of a %i-paragraph document in a constant number of syncs", async (n) => {
    const word = createWordMock(doc(n), 2);
    const host = new WordHost({ run: word.run });
    await host.insertBlocks(
      [
        { text: "三、整改措施", kind: "heading", level: 1, format: { font: "黑体", sizePt: 16, bold: false, alignment: "justified", firstLineIndentPt: 32, lineSpacingPt: 28, styleBuiltIn: "Heading1" } },
        { text: "【整改措施】", kind: "body" },
      ],
      { kind: "cursor" },
    );
    // The light cursor read (1), then read, verify the anchor, write (3).
    expect(word.syncs()).toBe(4);
    expect(word.texts().slice(2, 5)).toEqual(["正文第2段。", "三、整改措施", "【整改措施】"]);
    const heading = word.paragraph(3);
    expect(heading.styleBuiltIn).toBe("Heading1");
    expect(heading.font).toMatchObject({ name: "黑体", size: 16 });
    // Word's Paragraph.lineSpacing is a multiple (28 would be 2.33 lines): the adapter must leave it alone.
    expect(heading.lineSpacing).toBeUndefined();
    expect(word.selected()).toBe("【整改措施】");
  });

  test("fills an empty document instead of leaving a blank first line", async () => {
    const word = createWordMock([{ text: "" }], 0);
    await new WordHost({ run: word.run }).insertBlocks([{ text: "标题", kind: "title" }, { text: "正文", kind: "body" }], { kind: "cursor" });
    expect(word.texts()).toEqual(["标题", "正文"]);
  });

  test("refuses a stale position and changes nothing", async () => {
    const word = createWordMock(doc(10));
    const before = word.texts();
    await expect(new WordHost({ run: word.run }).insertBlocks([{ text: "x", kind: "body" }], { kind: "after", paragraph: 4, expected: "别的文字" })).rejects.toBeInstanceOf(HostError);
    expect(word.texts()).toEqual(before);
  });

  test.each([10, 5000])("renumbers the later typed headings in the same batch (%i paragraphs, 3 syncs)", async (n) => {
    const paras = doc(n);
    paras[1] = { text: "一、存在的问题" };
    paras[3] = { text: "二、整改措施" };
    paras[n - 2] = { text: "三、个人有关事项" };
    const word = createWordMock(paras);
    const renumber = [
      { paragraph: 3, offset: 0, length: 2, text: "三、", expected: "二、" },
      { paragraph: n - 2, offset: 0, length: 2, text: "四、", expected: "三、" },
    ];
    await new WordHost({ run: word.run }).insertBlocks([{ text: "二、原因分析", kind: "heading", level: 1 }], { kind: "after", paragraph: 2, expected: paras[2].text }, renumber);
    expect(word.syncs()).toBe(3);
    const texts = word.texts();
    expect(texts.slice(1, 5)).toEqual(["一、存在的问题", paras[2].text, "二、原因分析", "三、整改措施"]);
    expect(texts[n - 1]).toBe("四、个人有关事项");
  });

  test("a renumber whose marker changed since the read refuses the whole insert", async () => {
    const paras = doc(10);
    paras[3] = { text: "二、整改措施" };
    const word = createWordMock(paras);
    const before = word.texts();
    const insert = new WordHost({ run: word.run }).insertBlocks([{ text: "二、原因分析", kind: "heading", level: 1 }], { kind: "after", paragraph: 2, expected: paras[2].text }, [
      { paragraph: 3, offset: 0, length: 2, text: "三、", expected: "三、" },
    ]);
    await expect(insert).rejects.toThrow(/序号已变化/);
    expect(word.texts()).toEqual(before);
  });

  test("a write rejected partway keeps what Word did before the failure, and the message says so after a re-read", async () => {
    const word = createWordMock(doc(10), 1);
    const before = word.texts();
    // Sync 4 is the write (cursor read, read, verify); Word applies its first command, then fails (no rollback).
    word.failSyncAt(4, { code: "GeneralException", message: "x" }, 1);
    const insert = new WordHost({ run: word.run }).insertBlocks([{ text: "新段落", kind: "body" }, { text: "又一段", kind: "body" }], { kind: "cursor" });
    await expect(insert).rejects.toThrow(/已核对文档：有 1 段已被修改.*Ctrl\+Z/);
    expect(word.texts()).toEqual([...before.slice(0, 2), "新段落", ...before.slice(2)]);
  });

  test("a sync rejected before the write leaves the document as it was, and says nothing was written", async () => {
    const word = createWordMock(doc(10), 1);
    const before = word.texts();
    word.failSyncAt(2);
    await expect(new WordHost({ run: word.run }).insertBlocks([{ text: "新段落", kind: "body" }], { kind: "cursor" })).rejects.toThrow(/写入之前/);
    expect(word.texts()).toEqual(before);
  });

  test("joins an automatic list instead of typing a marker", async () => {
    const word = createWordMock([{ text: "存在的问题", list: { id: 3, level: 0, label: "一、" } }, { text: "正文。" }], 1);
    await new WordHost({ run: word.run }).insertBlocks([{ text: "原因分析", kind: "heading", level: 1, list: { listId: "3", level: 0 } }], { kind: "cursor" });
    expect(word.paragraph(2).attachedList).toEqual({ id: 3, level: 0 });
    expect(word.texts()[2]).toBe("原因分析");
  });
});

describe("WordHost.applyFixes", () => {
  test.each([10, 5000])("applies fixes last to first in a %i-paragraph document with constant syncs", async (n) => {
    const paras = doc(n);
    paras[3] = { text: "做好巡视整改,落实主体责任,强化担当。" };
    paras[5] = { text: "会员资料 仅供学习" };
    const word = createWordMock(paras);
    const result = await new WordHost({ run: word.run }).applyFixes([
      { paragraph: 3, offset: 6, length: 1, text: "，", expected: "," },
      { paragraph: 3, offset: 13, length: 1, text: "，", expected: "," },
      { paragraph: 5, offset: 0, length: 9, text: "", expected: "会员资料 仅供学习" },
    ]);
    expect(result).toEqual({ applied: 3, skipped: 0 });
    expect(word.texts()[3]).toBe("做好巡视整改，落实主体责任，强化担当。");
    expect(word.texts()).not.toContain("会员资料 仅供学习");
    expect(word.syncs()).toBeLessThanOrEqual(3);
  });

  test("skips a stale fix and applies the rest", async () => {
    const word = createWordMock([{ text: "甲,乙" }, { text: "丙,丁" }]);
    const result = await new WordHost({ run: word.run }).applyFixes([
      { paragraph: 0, offset: 1, length: 1, text: "，", expected: "," },
      { paragraph: 1, offset: 1, length: 1, text: "，", expected: "；" },
    ]);
    expect(result).toEqual({ applied: 1, skipped: 1 });
    expect(word.texts()).toEqual(["甲，乙", "丙,丁"]);
  });

  test.each([1, 2, 3])("a sync rejected at call %i: before the write nothing changes; in the write what Word applied is re-read and told", async (at) => {
    const word = createWordMock([{ text: "甲,乙,甲,乙" }, { text: "会员资料 仅供学习" }]);
    const before = word.texts();
    // In the write (sync 3) Word has applied the first command (the last paragraph's deletion) when it fails.
    word.failSyncAt(at, { code: "GeneralException", message: "x" }, 1);
    const host = new WordHost({ run: word.run });
    const outcome = await host
      .applyFixes([
        { paragraph: 0, offset: 1, length: 1, text: "，", expected: "," },
        { paragraph: 0, offset: 5, length: 1, text: "，", expected: "," },
        { paragraph: 1, offset: 0, length: 9, text: "", expected: "会员资料 仅供学习" },
      ])
      .then(
        (r) => r,
        (e: Error) => e,
      );
    // Read, verify (search hits, content checks), write: three syncs, so each failure point is inside the action.
    expect(outcome).toBeInstanceOf(Error);
    if (at < 3) {
      expect((outcome as Error).message).toMatch(/写入之前/);
      expect(word.texts()).toEqual(before);
    } else {
      expect((outcome as Error).message).toMatch(/已核对文档：有 1 段已被修改.*Ctrl\+Z/);
      expect(word.texts()).toEqual([before[0]]);
    }
  });
});

describe("WordHost.select", () => {
  test("selects the exact text of a finding", async () => {
    const word = createWordMock([{ text: "正文" }, { text: "这里有XX处，还有XX。" }]);
    await new WordHost({ run: word.run }).select({ paragraph: 1, offset: 3, length: 2, expected: "XX" });
    expect(word.selected()).toBe("XX");
    // Read, load the search hits (a miss cannot fail), select.
    expect(word.syncs()).toBe(3);
  });
  test("selects the whole paragraph when the text changed", async () => {
    const word = createWordMock([{ text: "完全不同的文字" }]);
    await new WordHost({ run: word.run }).select({ paragraph: 0, offset: 0, length: 2, expected: "XX" });
    expect(word.selected()).toBe("完全不同的文字");
  });
});
