// The stand-in for Word fails the way Word fails: each behaviour the adapter must survive, tested on the stand-in
// itself (sources in README, "How the tests imitate Word").
import { createWordMock, type FakeParagraphInit } from "./wordMock";
import { gongwenStylesPackage } from "../../src/core/format/ooxml";

const texts = (n: number): FakeParagraphInit[] => Array.from({ length: n }, (_, i) => ({ text: `第${i}段。` }));

describe("the Word stand-in", () => {
  test("no rollback: commands before the failing one stay applied, the ones after it are skipped (OfficeExtension.Error)", async () => {
    const word = createWordMock(texts(2));
    const outcome = word.run(async (context) => {
      const first = context.document.body.paragraphs.getFirst();
      first.insertParagraph("新甲", "After");
      first.insertParagraph("新乙", "After");
      first.search("不存在").getFirst().insertText("x", "Replace");
      first.insertParagraph("新丙", "After");
      await context.sync();
    });
    await expect(outcome).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(word.texts()).toEqual(["第0段。", "新乙", "新甲", "第1段。"]);
  });

  test("search(...).getFirst() on a miss fails the sync with ItemNotFound", async () => {
    const word = createWordMock(texts(1));
    await expect(word.run(async (c) => (c.document.body.paragraphs.getFirst().search("无").getFirst().select(), c.sync()))).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("search fails with SearchDialogIsOpen while Find and Replace is open (office-js #4922)", async () => {
    const word = createWordMock(texts(1), 0, 0, { searchDialogOpen: true });
    await expect(word.run(async (c) => (c.document.body.paragraphs.getFirst().search("第").load("items"), c.sync()))).rejects.toMatchObject({ code: "SearchDialogIsOpen" });
  });

  test("search over 255 characters fails (office-js #1726)", async () => {
    const word = createWordMock([{ text: "甲".repeat(300) }]);
    await expect(word.run(async (c) => (c.document.body.paragraphs.getFirst().search("甲".repeat(256)).load("items"), c.sync()))).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("search matches half- and full-width forms of each other; a tracked deletion is in text and search (office-js #1267)", async () => {
    const word = createWordMock([{ text: "甲，乙,丙" }, { text: "删除后", trackedDeletion: { at: 2, text: "旧字" } }]);
    let hits = 0;
    let reviewed = "";
    await word.run(async (c) => {
      const [a, b] = [word.paragraph(0), word.paragraph(1)] as unknown as Word.Paragraph[];
      const found = a.search(",");
      found.load("items");
      const t = b.getReviewedText("Current");
      await c.sync();
      hits = found.items.length;
      reviewed = t.value;
    });
    expect(hits).toBe(2);
    expect(word.paragraph(1).text).toBe("删除旧字后");
    expect(reviewed).toBe("删除后");
  });

  test("a line break reads as \\v in the text, but a search for it finds nothing (office-js #2792)", async () => {
    const word = createWordMock([{ text: "第一行\v第二行" }]);
    let hits = -1;
    await word.run(async (c) => {
      const found = (word.paragraph(0) as unknown as Word.Paragraph).search("行\v第");
      found.load("items");
      await c.sync();
      hits = found.items.length;
    });
    expect(hits).toBe(0);
  });

  test("an indent in characters wins over points; spacing in lines gives way once lineUnitBefore is 0", async () => {
    const word = createWordMock([{ text: "正文", font: { size: 16 }, firstLineChars: 150, beforeLines: 50 }]);
    await word.run(async (c) => {
      const p = word.paragraph(0) as unknown as Word.Paragraph;
      p.firstLineIndent = 32;
      p.lineUnitBefore = 0;
      p.spaceBefore = 0;
      await c.sync();
    });
    expect(word.paragraph(0)).toMatchObject({ firstLineIndent: 24, beforeLines: 0, spaceBefore: 0 });
  });

  test("attachToList on a list item throws; attaching does not apply the level's indents (office-js #6524)", async () => {
    const word = createWordMock([{ text: "一", list: { id: 1, level: 0, label: "一、" }, leftIndent: 0, firstLineIndent: 32 }, { text: "正文", firstLineIndent: 0 }]);
    await expect(word.run(async (c) => (word.paragraph(0).attachToList(1, 0), c.sync()))).rejects.toMatchObject({ code: "InvalidArgument" });
    await word.run(async (c) => (word.paragraph(1).attachToList(1, 0), c.sync()));
    expect(word.paragraph(1)).toMatchObject({ isListItem: true, firstLineIndent: 0 });
  });

  test("a paragraph inserted after a list item joins its list; a heading style linked to a list numbers the paragraph", async () => {
    const word = createWordMock([{ text: "一", list: { id: 4, level: 0, label: "一、" } }, { text: "正文" }], 0, 0, { headingNumbering: { listId: 9, levels: { Heading1: 0 } } });
    await word.run(async (c) => {
      word.paragraph(0).insertParagraph("续", "After");
      (word.paragraph(1) as unknown as Word.Paragraph).styleBuiltIn = "Heading1" as Word.BuiltInStyleName;
      await c.sync();
    });
    expect(word.paragraph(1)).toMatchObject({ text: "续", isListItem: true, list: { id: 4 } });
    expect(word.paragraph(2)).toMatchObject({ text: "正文", isListItem: true, list: { id: 9, level: 0 } });
  });

  test("Paragraph.text leaves out a picture; deleting or replacing the paragraph destroys it", async () => {
    const word = createWordMock([{ text: "", objects: [{ kind: "picture", at: 0 }] }, { text: "有脚注的段落", objects: [{ kind: "footnote", at: 6 }] }]);
    expect(word.paragraph(0).text).toBe("");
    await word.run(async (c) => {
      word.paragraph(1).insertText("替换", "Replace");
      word.paragraph(0).delete();
      await c.sync();
    });
    expect(word.lost()).toEqual(["footnote", "picture"]);
  });

  test("a range from the body's start to the start of a paragraph (an empty line) covers only the paragraphs before it", async () => {
    const word = createWordMock([{ text: "甲" }, { text: "" }, { text: "乙" }], 0, 0, { selection: { story: "body", start: { paragraph: 1, offset: 0 }, end: { paragraph: 1, offset: 0 } } });
    let count = 0;
    await word.run(async (c) => {
      const sel = c.document.getSelection();
      const before = c.document.body.getRange("Start").expandTo(sel.getRange("Start")).paragraphs;
      before.load("items");
      await c.sync();
      count = before.items.length;
    });
    expect(count).toBe(1);
  });

  test("expandTo a selection in the footer fails with ItemNotFound", async () => {
    const word = createWordMock(texts(3), 0, 0, { selection: { story: "footer" } });
    const read = word.run(async (c) => {
      c.document.body.getRange("Start").expandTo(c.document.getSelection().getRange("End")).paragraphs.load("items");
      await c.sync();
    });
    await expect(read).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("a locked content control rejects writes", async () => {
    const word = createWordMock([{ text: "固定文字", contentControl: { title: "单位名称", cannotEdit: true } }]);
    await expect(word.run(async (c) => (word.paragraph(0).insertText("x", "End"), c.sync()))).rejects.toMatchObject({ code: "AccessDenied" });
    expect(word.texts()).toEqual(["固定文字"]);
  });

  test("overlapping Word.run calls fail: wait until the previous call completes (office-js #1225)", async () => {
    const word = createWordMock(texts(1));
    const slow = word.run(async (c) => {
      await new Promise((r) => setTimeout(r, 5));
      await c.sync();
    });
    await expect(word.run(async (c) => c.sync())).rejects.toThrow(/previous call/);
    await slow;
  });

  test("format properties set in a batch are commands: a failure before them leaves them unset", async () => {
    const word = createWordMock([{ text: "甲", alignment: "Left" }]);
    word.failSyncAt(1, { code: "GeneralException", message: "x" }, 0);
    await expect(
      word.run(async (c) => {
        (word.paragraph(0) as unknown as Word.Paragraph).alignment = "Centered";
        await c.sync();
      }),
    ).rejects.toBeDefined();
    expect(word.paragraph(0).alignment).toBe("Left");
  });

  test("comments (WordApi 1.4): insertComment on a range, getComments with content and a read-only author, delete", async () => {
    const word = createWordMock([{ text: "甲乙丙丁" }, { text: "戊己" }], 0, 0, { comments: [{ paragraph: 1, offset: 0, length: 2, content: "用户自己的批注", author: "李某" }], userName: "王某" });
    const contents = await word.run(async (c) => {
      const body = c.document.body;
      const hit = body.paragraphs.getFirst().search("乙丙");
      hit.load("items/text");
      await c.sync();
      hit.items[0].insertComment("【提纲助手】错误：示例。");
      // Nothing is written before the sync.
      expect(word.comments()).toHaveLength(1);
      await c.sync();
      const all = body.getComments();
      all.load("items/content,items/id");
      await c.sync();
      return all.items.map((x) => x.content);
    });
    expect(contents).toEqual(["【提纲助手】错误：示例。", "用户自己的批注"]);
    expect(word.comments()).toEqual([
      { paragraph: 1, anchor: "戊己", content: "用户自己的批注", author: "李某" },
      { paragraph: 0, anchor: "乙丙", content: "【提纲助手】错误：示例。", author: "王某" },
    ]);
    await word.run(async (c) => {
      const all = c.document.body.getComments();
      all.load("items/content");
      await c.sync();
      all.items[1].delete();
      await c.sync();
    });
    expect(word.comments().map((x) => x.content)).toEqual(["【提纲助手】错误：示例。"]);
  });

  test("comments fail like writes: a deleted comment, a locked content control, a missed range, NotAllowed (office-js #6746)", async () => {
    const word = createWordMock([{ text: "甲乙", contentControl: { title: "锁定", cannotEdit: true } }, { text: "丙丁" }], 0, 0, { comments: [{ paragraph: 1, offset: 0, length: 1, content: "x" }] });
    // Deleting the same comment twice: the second delete fails at sync.
    await expect(
      word.run(async (c) => {
        const all = c.document.body.getComments();
        all.load("items");
        await c.sync();
        all.items[0].delete();
        all.items[0].delete();
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(word.comments()).toHaveLength(0);
    await expect(word.run(async (c) => (c.document.body.paragraphs.getFirst().getRange("Content").insertComment("y"), c.sync()))).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(word.run(async (c) => (c.document.body.paragraphs.getLast().search("无").getFirst().insertComment("y"), c.sync()))).rejects.toMatchObject({ code: "ItemNotFound" });
    const web = createWordMock([{ text: "甲" }], 0, 0, { commentsNotAllowed: true });
    await expect(web.run(async (c) => (c.document.body.paragraphs.getFirst().getRange("Content").insertComment("y"), c.sync()))).rejects.toMatchObject({ code: "NotAllowed" });
    expect(web.comments()).toEqual([]);
  });

  describe("named styles (document.getStyles, WordApi 1.5)", () => {
    const para = (word: ReturnType<typeof createWordMock>, i: number) => word.paragraph(i) as unknown as Word.Paragraph;

    test("setting Paragraph.style to a name the document lacks fails at sync; the commands before it stay (office-js-docs #227)", async () => {
      const word = createWordMock(texts(2), 0, 0, { styles: { 公文正文: { type: "Paragraph", lineSpacing: 28 } } });
      const outcome = word.run(async (c) => {
        para(word, 0).style = "公文正文";
        para(word, 1).style = "公文标题";
        para(word, 1).alignment = "Centered";
        await c.sync();
      });
      await expect(outcome).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(word.paragraph(0)).toMatchObject({ style: "公文正文", styleBuiltIn: "Other", lineSpacing: 28 });
      expect(word.paragraph(1)).toMatchObject({ style: "Normal", alignment: undefined });
    });

    test("built-in names and the styles the paragraphs already use exist; a paragraph's own spacing can outlive a style", async () => {
      const word = createWordMock([{ text: "甲", style: "单位正文", styleBuiltIn: "Other" }, { text: "乙", lineSpacing: 15, keepsLineSpacing: true }], 0, 0, { styles: { 公文正文: { type: "Paragraph", lineSpacing: 28 } } });
      await word.run(async (c) => {
        para(word, 0).style = "Heading 1";
        para(word, 1).style = "公文正文";
        await c.sync();
        para(word, 0).style = "单位正文";
        await c.sync();
      });
      expect(word.paragraph(0)).toMatchObject({ style: "单位正文", styleBuiltIn: "Other" });
      expect(word.paragraph(1)).toMatchObject({ style: "公文正文", lineSpacing: 15 });
    });

    test("getByNameOrNullObject gives a null object for a missing name, resolved at sync, with the style's type", async () => {
      const word = createWordMock(texts(1), 0, 0, { styles: { 公文正文: { type: "Paragraph" }, 强调: { type: "Character" } } });
      const found = await word.run(async (c) => {
        const styles = c.document.getStyles();
        const three = ["公文正文", "强调", "公文标题"].map((n) => styles.getByNameOrNullObject(n).load("isNullObject,type"));
        expect(three[2].isNullObject).toBe(true);
        await c.sync();
        return three.map((s) => (s.isNullObject ? null : s.type));
      });
      expect(found).toEqual(["Paragraph", "Character", null]);
    });

    test("insertOoxml of the styles package adds the styles the document lacks and keeps those it has (office-js #5491)", async () => {
      const word = createWordMock(texts(1), 0, 0, { styles: { 公文正文: { type: "Paragraph", lineSpacing: 20 } } });
      await word.run(async (c) => {
        c.document.body.insertOoxml(gongwenStylesPackage(), "End").delete();
        await c.sync();
      });
      expect(word.world.styles.size).toBe(8);
      expect(word.world.styles.get("公文正文")!.lineSpacing).toBe(20);
      expect(word.world.styles.get("公文一级标题")).toMatchObject({ lineSpacing: 28, outlineLevel: 1 });
    });

    test("beforeSync runs between two syncs of one batch: a style deleted there fails the write that uses it", async () => {
      const word = createWordMock(texts(1), 0, 0, { styles: { 公文正文: { type: "Paragraph" } } });
      word.beforeSync(2, () => word.world.styles.delete("公文正文"));
      const outcome = word.run(async (c) => {
        const st = c.document.getStyles().getByNameOrNullObject("公文正文").load("isNullObject");
        await c.sync();
        expect(st.isNullObject).toBe(false);
        para(word, 0).style = "公文正文";
        await c.sync();
      });
      await expect(outcome).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });
});
