// 写入批注 / 删除本工具批注 through the Word adapter on the Word stand-in: anchors verified in a read, the tool's earlier
// comments replaced, the user's kept, stale places skipped and counted, below WordApi 1.4 absent, a failed write told truly.
import { WordHost } from "../../src/host/wordHost";
import { createWordMock, type FakeParagraphInit, type WordMockOptions } from "../support/wordMock";
import { parseDocument } from "../../src/core/parse/parseDocument";
import { checkDocument } from "../../src/core/check/engine";
import { planComments, type CommentRequest } from "../../src/core/annotate/commentPlan";
import { COMMENT_PREFIX, commentText } from "../../src/core/annotate/commentText";

const DOC: FakeParagraphInit[] = [
  { text: "王某某同志在年度民主生活会上的个人对照检查材料", styleBuiltIn: "Title" },
  { text: "一、存在的问题" },
  { text: "参加集中学习XX次,发言准备不够充分。" },
  { text: "三、整改措施" },
];
const V14 = (n: string, v: string) => n === "WordApi" && Number(v) <= 1.4;

function setup(options: WordMockOptions = {}, paras = DOC) {
  const word = createWordMock(paras, 0, 0, options);
  return { word, host: new WordHost({ run: word.run, isSetSupported: V14 }) };
}

/** The pane's requests: the checker's findings on the document as it is. */
function requestsOf(paras: FakeParagraphInit[]): CommentRequest[] {
  const doc = parseDocument(paras.map((p) => ({ text: p.text, styleBuiltIn: p.styleBuiltIn })));
  return planComments(doc.paragraphs.map((p) => p.text), doc.title, checkDocument(doc));
}

const ours = (c: { content: string }) => c.content.startsWith(COMMENT_PREFIX);

describe("Word comments (WordApi 1.4)", () => {
  test("写入批注: each finding on its exact text or its paragraph, with the annotator's text, in 3 syncs", async () => {
    const { word, host } = setup();
    const requests = requestsOf(DOC);
    expect(requests.some((r) => !r.whole)).toBe(true);
    expect(requests.some((r) => r.whole)).toBe(true);
    const result = await host.writeComments!(requests);
    expect(word.syncs()).toBe(3);
    expect(result).toEqual({ written: requests.length, removed: 0, skipped: 0 });
    const written = word.comments();
    expect(written.map((c) => c.content).sort()).toEqual(requests.map((r) => r.text).sort());
    // Every comment sits on exactly the characters its finding's check saw (the placeholder on "XX", the comma on ","),
    // or, for a finding without a range (the missing section 二、), on its whole paragraph.
    const pairs = (xs: { text: string; anchor: string }[]) => xs.map((x) => `${x.anchor}→${x.text}`).sort();
    expect(pairs(written.map((c) => ({ text: c.content, anchor: c.anchor })))).toEqual(pairs(requests.map((r) => ({ text: r.text, anchor: r.expected }))));
    expect(written.some((c) => c.anchor === "XX")).toBe(true);
    expect(written.filter((c) => c.anchor === ",")).toHaveLength(1);
    // The author is the signed-in user, whatever the tool would like (authorName is read-only).
    expect(new Set(written.map((c) => c.author))).toEqual(new Set(["王某"]));
    // Same text as the annotated copies: commentText of the finding.
    expect(written.every((c) => c.content.startsWith(COMMENT_PREFIX))).toBe(true);
  });

  test("writing again replaces the tool's earlier comments and keeps the user's own", async () => {
    const { word, host } = setup({ comments: [{ paragraph: 2, offset: 0, length: 4, content: "请核实次数", author: "李某" }] });
    const requests = requestsOf(DOC);
    await host.writeComments!(requests);
    const again = await host.writeComments!(requests);
    expect(again).toEqual({ written: requests.length, removed: requests.length, skipped: 0 });
    expect(word.comments().filter(ours)).toHaveLength(requests.length);
    expect(word.comments().filter((c) => !ours(c))).toEqual([{ paragraph: 2, anchor: "参加集中", content: "请核实次数", author: "李某" }]);
  });

  test("删除本工具批注 removes only comments with the prefix, in 2 syncs", async () => {
    const { word, host } = setup({
      comments: [
        { paragraph: 2, offset: 0, length: 4, content: "请核实次数", author: "李某" },
        { paragraph: 1, offset: 0, length: 2, content: `${COMMENT_PREFIX}提示：旧的。`, author: "王某" },
        // The prefix inside a user's text is not the tool's comment.
        { paragraph: 3, offset: 0, length: 2, content: `转述：${COMMENT_PREFIX}说这里要改`, author: "李某" },
      ],
    });
    const before = word.syncs();
    expect(await host.removeToolComments!()).toBe(1);
    expect(word.syncs() - before).toBe(2);
    expect(word.comments().map((c) => c.content)).toEqual(["请核实次数", `转述：${COMMENT_PREFIX}说这里要改`]);
    // Nothing of ours left: one read, no write.
    const read = word.syncs();
    expect(await host.removeToolComments!()).toBe(0);
    expect(word.syncs() - read).toBe(1);
  });

  test("a place whose text changed since the check is skipped and counted; the others are written", async () => {
    const requests = requestsOf(DOC);
    const edited = DOC.map((p, i) => (i === 2 ? { text: "参加集中学习12次，发言准备不够充分。" } : p));
    const { word, host } = setup({}, edited);
    const result = await host.writeComments!(requests);
    const stale = requests.filter((r) => r.paragraph === 2).length;
    expect(stale).toBeGreaterThan(0);
    expect(result).toEqual({ written: requests.length - stale, removed: 0, skipped: stale });
    expect(word.comments().some((c) => c.paragraph === 2)).toBe(false);
  });

  test("an inserted paragraph before the anchors: a paragraph-level finding is refused, not put on the wrong paragraph", async () => {
    const requests = requestsOf(DOC);
    const shifted = [DOC[0], { text: "（新插入的一段）" }, ...DOC.slice(1)];
    const { word, host } = setup({}, shifted);
    const result = await host.writeComments!(requests);
    expect(result.written + result.skipped).toBe(requests.length);
    expect(result.skipped).toBeGreaterThan(0);
    for (const c of word.comments()) {
      const r = requests.find((q) => q.text === c.content)!;
      expect(c.anchor).toBe(r.expected);
    }
  });

  test("the n-th of repeated text: the comment goes on the occurrence the check saw", async () => {
    const paras = [{ text: "一是学习不够,二是调研不够,三是落实不够。" }];
    const text = paras[0].text;
    const at = text.lastIndexOf(",");
    const { word, host } = setup({}, paras);
    await host.writeComments!([{ paragraph: 0, offset: at, length: 1, whole: false, expected: ",", text: commentText({ severity: "warning", message: "半角逗号", replacement: "，" }) }]);
    const [c] = word.comments();
    expect(c.anchor).toBe(",");
    expect(word.world.comments[0].start).toBe(at);
  });

  test("a paragraph in a locked content control takes no comment: refused in the read, counted", async () => {
    const paras = [{ text: "甲乙丙", contentControl: { title: "表头", cannotEdit: true } }, { text: "丁戊" }];
    const { word, host } = setup({}, paras);
    const mk = (paragraph: number, expected: string): CommentRequest => ({ paragraph, offset: 0, length: expected.length, whole: true, expected, text: `${COMMENT_PREFIX}提示：x。` });
    const result = await host.writeComments!([mk(0, "甲乙丙"), mk(1, "丁戊")]);
    expect(result).toEqual({ written: 1, removed: 0, skipped: 1 });
    expect(word.comments().map((c) => c.paragraph)).toEqual([1]);
  });

  test("a finding on an empty paragraph is written on that paragraph (on its mark, see README “To check inside Word”)", async () => {
    const { word, host } = setup({}, [{ text: "标题" }, { text: "" }, { text: "正文。" }]);
    const result = await host.writeComments!([{ paragraph: 1, offset: 0, length: 0, whole: true, expected: "", text: `${COMMENT_PREFIX}提示：空段。` }]);
    expect(result.written).toBe(1);
    expect(word.world.comments[0].para).toBe(word.paragraph(1).raw);
    expect(word.ops).toContain("range.insertComment");
  });

  test("below WordApi 1.4 the host has no comment actions (the pane says why)", () => {
    const word = createWordMock(DOC);
    const host = new WordHost({ run: word.run, isSetSupported: (n, v) => n === "WordApi" && v === "1.3" });
    expect(host.writeComments).toBeUndefined();
    expect(host.removeToolComments).toBeUndefined();
  });

  test("a write that fails partway: the comments are read again and the message says what was deleted and written", async () => {
    const { word, host } = setup({ comments: [{ paragraph: 1, offset: 0, length: 2, content: `${COMMENT_PREFIX}提示：旧的。` }] });
    const requests = requestsOf(DOC);
    // Sync 3 is the write: the old comment's deletion and the first new comment go through, then Word fails.
    word.failSyncAt(3, { code: "GeneralException", message: "busy" }, 2);
    const outcome = host.writeComments!(requests);
    await expect(outcome).rejects.toThrow(/已核对文档：原有的 1 条本工具批注删除了 1 条，计划写入的 \d+ 条批注写入了 1 条/);
    expect(word.comments().filter(ours)).toHaveLength(1);
  });

  test("删除本工具批注 failing partway: the re-read says how many were deleted", async () => {
    const { word, host } = setup({
      comments: [
        { paragraph: 1, offset: 0, length: 2, content: `${COMMENT_PREFIX}提示：甲。` },
        { paragraph: 2, offset: 0, length: 2, content: `${COMMENT_PREFIX}提示：乙。` },
      ],
    });
    word.failSyncAt(2, { code: "AccessDenied", message: "locked" }, 1);
    await expect(host.removeToolComments!()).rejects.toThrow(/只读或受保护.*原有的 2 条本工具批注删除了 1 条.*可再次点/);
    expect(word.comments()).toHaveLength(1);
  });

  test("NotAllowed from Word on the web: nothing written, and the message says so after a re-read", async () => {
    const { word, host } = setup({ commentsNotAllowed: true });
    await expect(host.writeComments!(requestsOf(DOC))).rejects.toThrow(/当前状态下 Word 不允许此操作.*文档中的批注没有变化/);
    expect(word.comments()).toEqual([]);
  });

  test("a read that fails (the Find dialog open) writes nothing and says so", async () => {
    const { word, host } = setup({ searchDialogOpen: true, comments: [{ paragraph: 1, offset: 0, length: 2, content: `${COMMENT_PREFIX}提示：旧的。` }] });
    await expect(host.writeComments!(requestsOf(DOC))).rejects.toThrow(/查找和替换.*没有向文档写入任何内容/);
    expect(word.comments()).toHaveLength(1);
  });
});
