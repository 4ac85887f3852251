// context.sync() per task-pane action, through the Word adapter on the Word stand-in (test/support/wordMock.ts), at 10 and 5,000
// paragraphs: the counts must not grow with the document and must stay within bench/budgets.json (syncsPerAction).
// Writes the counts to test-results/sync-counts.json for `npm run bench`.
import fs from "node:fs";
import path from "node:path";
import { WordHost } from "../../src/host/wordHost";
import { createWordMock, type FakeParagraphInit, type WordMock, type WordMockOptions } from "../support/wordMock";
import { planComments } from "../../src/core/annotate/commentPlan";
import { COMMENT_PREFIX } from "../../src/core/annotate/commentText";
import { parseDocument } from "../../src/core/parse/parseDocument";
import { checkDocument } from "../../src/core/check/engine";
import type { Fix } from "../../src/core/check/types";
import { getOutline } from "../../src/core/outlines/library";
import { skeletonBlocks } from "../../src/core/outlines/skeleton";
import { withFormat } from "../../src/core/format/gbt9704";

const root = path.resolve(__dirname, "../..");
const budgets = JSON.parse(fs.readFileSync(path.join(root, "bench", "budgets.json"), "utf8")) as { syncsPerAction: Record<string, number> };
const SIZES = [10, 5000] as const;
const ACTIONS = ["read", "insertOutline", "insertSnippet", "applyAllFixes", "jump", "writeComments", "removeComments"] as const;
type Action = (typeof ACTIONS)[number];

// The paragraphs every size shares: the defects (and so the fixes) are the same, only the clean body grows.
const JUMP_PARAGRAPH = 3;
const HEAD: FakeParagraphInit[] = [
  { text: "王某某同志在巡视整改专题民主生活会上的个人对照检查材料", styleBuiltIn: "Title" },
  { text: "按照市委统一部署，会前我认真学习了规定篇目，广泛征求意见，对照巡视反馈意见深入查摆问题、剖析根源。" },
  { text: "一、存在的问题" },
  // Two half-width commas in one paragraph: fixing the second one addresses a later repeat of the same text.
  { text: "对上级部署的重点任务,有时存在等一等、看一看的心态,推进落实的力度和节奏不够快，参加集中学习XX次。" },
  { text: "（一）理论学习的深度和系统性不够" },
  { text: "平时学习满足于读报纸、看文件，没有认真贯切落实学习制度，学用结合不够紧密。" },
];
const TAIL: FakeParagraphInit[] = [
  { text: "二、问题产生的原因" },
  { text: "这些问题虽然表现在工作上，但根子还是在思想上，主要是理想信念有所弱化，党性修养有所放松。" },
  { text: "三、整改措施" },
  { text: "以上是我的对照检查，不当之处，恳请各位同志批评指正。" },
];
const FILLER = "坚持每月至少到基层调研两次，形成有分量的调研报告，切实把问题解决在一线。";

function documentOf(n: number): FakeParagraphInit[] {
  const body: FakeParagraphInit[] = [];
  for (let i = HEAD.length + TAIL.length; i < n; i++) body.push({ text: FILLER });
  return [...HEAD, ...body, ...TAIL];
}

const counts: Record<Action, Record<number, number>> = { read: {}, insertOutline: {}, insertSnippet: {}, applyAllFixes: {}, jump: {}, writeComments: {}, removeComments: {} };
const details: Record<string, Record<number, number | string>> = {};

/** Syncs of `action`, on a fresh mock with the cursor in the jump paragraph. */
async function syncsOf(n: number, action: (host: WordHost, word: WordMock) => Promise<unknown>, cursor = JUMP_PARAGRAPH, options: WordMockOptions = {}): Promise<number> {
  const word = createWordMock(documentOf(n), cursor, cursor, options);
  // WordApi 1.4 for the comment actions; the others use nothing beyond 1.3 here.
  const host = new WordHost({ run: word.run, isSetSupported: options.comments ? (name, v) => name === "WordApi" && Number(v) <= 1.4 : undefined });
  await action(host, word);
  return word.syncs();
}

/** All fixes the checker offers for the document (outside the counted batch: the pane has them from its last check). */
function allFixes(n: number): Fix[] {
  const doc = parseDocument(documentOf(n).map((p) => ({ text: p.text, styleBuiltIn: p.styleBuiltIn })));
  return checkDocument(doc)
    .map((f) => f.fix)
    .filter((f): f is Fix => !!f);
}

describe.each(SIZES)("context.sync per action at %i paragraphs", (n) => {
  test("read the document (snapshot)", async () => {
    counts.read[n] = await syncsOf(n, (host) => host.snapshot());
  });

  test("insert the full outline at the cursor: a fresh read, then the insertion", async () => {
    counts.insertOutline[n] = await syncsOf(n, async (host) => {
      // What the outline tab does: re-read (the cursor may have moved), then insert after the cursor's paragraph.
      const snap = await host.snapshot();
      const at = snap.cursorEnd ?? snap.cursor;
      const blocks = withFormat(skeletonBlocks(getOutline("personal-review")), "gbt");
      await host.insertBlocks(blocks, { kind: "after", paragraph: at, expected: snap.paragraphs[at]?.text ?? "" });
    });
  });

  test("insert a snippet inside the cursor's paragraph", async () => {
    counts.insertSnippet[n] = await syncsOf(n, (host) => host.insertInline("坚持把【整改任务】作为重要政治任务，逐项推动落实。"));
  });

  test("apply all fixes of a check", async () => {
    const fixes = allFixes(n);
    expect(fixes.length).toBeGreaterThan(0);
    let result: unknown;
    counts.applyAllFixes[n] = await syncsOf(n, async (host) => (result = await host.applyFixes(fixes)));
    expect(result).toMatchObject({ applied: expect.any(Number) });
    details.fixes = { ...details.fixes, [n]: fixes.length };
  });

  test("jump to a finding or heading: the first and a later occurrence of the same text", async () => {
    const text = HEAD[JUMP_PARAGRAPH].text;
    const first = await syncsOf(n, (host) => host.select({ paragraph: JUMP_PARAGRAPH, offset: text.indexOf(","), length: 1, expected: "," }));
    const later = await syncsOf(n, (host) => host.select({ paragraph: JUMP_PARAGRAPH, offset: text.lastIndexOf(","), length: 1, expected: "," }));
    const heading = await syncsOf(n, (host) => host.select({ paragraph: 2, offset: 2, length: 5, expected: "存在的问题" }));
    details.jumpFirst = { ...details.jumpFirst, [n]: first };
    details.jumpLater = { ...details.jumpLater, [n]: later };
    details.jumpHeading = { ...details.jumpHeading, [n]: heading };
    counts.jump[n] = Math.max(first, later, heading);
  });
});

describe.each(SIZES)("context.sync per comment action at %i paragraphs", (n) => {
  // The document carries a comment of the user's and one the tool wrote before: both actions have something to replace.
  const comments = [
    { paragraph: 1, offset: 0, length: 2, content: "请补充具体事例", author: "李某" },
    { paragraph: 2, offset: 0, length: 2, content: `${COMMENT_PREFIX}提示：旧的批注。` },
  ];

  test("写入批注: every finding of a check as a comment, replacing the tool's earlier ones", async () => {
    const doc = parseDocument(documentOf(n).map((p) => ({ text: p.text, styleBuiltIn: p.styleBuiltIn })));
    const requests = planComments(doc.paragraphs.map((p) => p.text), doc.title, checkDocument(doc));
    expect(requests.some((r) => !r.whole)).toBe(true);
    let written = 0;
    counts.writeComments[n] = await syncsOf(n, async (host) => (written = (await host.writeComments!(requests)).written), JUMP_PARAGRAPH, { comments });
    expect(written).toBe(requests.length);
    details.comments = { ...details.comments, [n]: requests.length };
  });

  test("删除本工具批注", async () => {
    let removed = 0;
    counts.removeComments[n] = await syncsOf(n, async (host) => (removed = await host.removeToolComments!()), JUMP_PARAGRAPH, { comments });
    expect(removed).toBe(1);
  });
});

describe("sync counts", () => {
  test.each(ACTIONS)("%s: the same at every document size and within budget", (action) => {
    const [small, large] = SIZES.map((n) => counts[action][n]);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(budgets.syncsPerAction[action]);
  });
});

afterAll(() => {
  const out = path.join(root, "test-results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "sync-counts.json"), JSON.stringify({ sizes: SIZES, counts, details, budgets: budgets.syncsPerAction }, null, 2) + "\n");
});
