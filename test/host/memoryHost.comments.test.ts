// The in-memory host's comments (the harness's 写入批注 / 删除本工具批注): the same contract as the Word adapter.
import { MemoryHost } from "../../src/host/memoryHost";
import { COMMENT_PREFIX } from "../../src/core/annotate/commentText";
import type { CommentRequest } from "../../src/core/annotate/commentPlan";

const req = (paragraph: number, offset: number, expected: string, whole = false): CommentRequest => ({ paragraph, offset, length: expected.length, whole, expected, text: `${COMMENT_PREFIX}警告：${expected}。` });

function host() {
  return new MemoryHost({
    paragraphs: [{ text: "标题" }, { text: "参加学习XX次,不够。", comments: [{ offset: 0, length: 2, text: "请核实", author: "李某" }] }, { text: "一、问题" }],
  });
}

describe("MemoryHost comments", () => {
  test("writes on the exact characters or the whole paragraph; writing again replaces the tool's, keeps the user's", async () => {
    const h = host();
    expect(await h.writeComments([req(1, 4, "XX"), req(2, 0, "一、问题", true)])).toEqual({ written: 2, removed: 0, skipped: 0 });
    expect(h.paragraphs[1].comments).toEqual([
      { offset: 0, length: 2, text: "请核实", author: "李某" },
      { offset: 4, length: 2, text: `${COMMENT_PREFIX}警告：XX。`, author: "演示用户" },
    ]);
    expect(await h.writeComments([req(1, 7, ",")])).toEqual({ written: 1, removed: 2, skipped: 0 });
    expect(h.paragraphs[1].comments?.map((c) => c.text)).toEqual(["请核实", `${COMMENT_PREFIX}警告：,。`]);
    expect(h.paragraphs[2].comments).toBeUndefined();
  });

  test("a place whose text changed is skipped and counted", async () => {
    const h = host();
    h.setParagraphText(1, "参加学习12次，不够。");
    expect(await h.writeComments([req(1, 4, "XX"), req(2, 0, "一、问题", true), req(7, 0, "无", true)])).toEqual({ written: 1, removed: 0, skipped: 2 });
  });

  test("删除本工具批注 removes only the prefixed comments; a failed action changes nothing", async () => {
    const h = host();
    await h.writeComments([req(1, 4, "XX"), req(0, 0, "标题", true)]);
    h.failNext();
    await expect(h.removeToolComments()).rejects.toThrow(/未作任何修改/);
    expect(h.paragraphs[0].comments).toHaveLength(1);
    expect(await h.removeToolComments()).toBe(2);
    expect(h.paragraphs.map((p) => p.comments?.map((c) => c.text))).toEqual([undefined, ["请核实"], undefined]);
    expect(await h.removeToolComments()).toBe(0);
  });

  test("comments move with their text when the user splits the paragraph", async () => {
    const h = host();
    await h.writeComments([req(1, 4, "XX")]);
    h.splitParagraph({ paragraph: 1, offset: 3 });
    expect(h.paragraphs[1].comments?.map((c) => c.text)).toEqual(["请核实"]);
    expect(h.paragraphs[2].comments).toEqual([{ offset: 1, length: 2, text: `${COMMENT_PREFIX}警告：XX。`, author: "演示用户" }]);
  });
});
