// The self-test: one list of scenarios that drive any DocumentHost the way the pane does (read, insert outlines,
// sections, snippets, fixes, jumps, comments, 一键排版/撤销排版) and check what the document says afterwards. The 自检 page runs it
// in real Word; jest and the harness run the same list on the in-memory host and the Word stand-in. A scenario the
// host cannot model reports 不适用, never 通过.
import type { DocumentHost, DocSnapshot } from "../host/DocumentHost";
import type { Block } from "../core/blocks";
import type { Fix } from "../core/check/types";
import { DEFAULT_VARIANT, getOutline } from "../core/outlines/library";
import { numberingAt, renumberFollowing, sectionBlocks, skeletonBlocks } from "../core/outlines/skeleton";
import { withFormat } from "../core/format/gbt9704";
import { planFormatting } from "../core/format/plan";
import { GONGWEN_STYLES, gongwenStyleDefs, gongwenStylesPackage } from "../core/format/ooxml";
import type { ParagraphFormatState } from "../core/format/types";
import { parseDocument } from "../core/parse/parseDocument";
import { builtinSnippets } from "../core/snippets/library";
import { commentText } from "../core/annotate/commentText";
import type { CommentRequest } from "../core/annotate/commentPlan";

export type Outcome = "通过" | "失败" | "不适用";

export interface ScenarioResult {
  id: string;
  name: string;
  outcome: Outcome;
  /** What was checked and seen: one line each, to copy into a report. */
  details: string[];
  ms: number;
}

/** A paragraph to load for a scenario; `listLevel` numbers it with the document's multilevel list (一、（一）…). */
export interface LoadParagraph {
  text: string;
  listLevel?: number;
}

/** What a host may be unable to model (the Word stand-in keeps its selection where the test put it, and its paragraphs have no fonts). */
export type Feature = "selection" | "fonts";

/** What the self-test needs beyond the DocumentHost port; an absent hook makes its scenarios 不适用 on that host. */
export interface SelfTestEnv {
  host: DocumentHost;
  /** Features this host does not model, each with the reason shown as 不适用. */
  lacks?: Partial<Record<Feature, string>>;
  /** A label for the report (e.g. "Word Win32 16.0.17928" or "模拟文档"). */
  describe: string;
  /** Empty the document (one empty paragraph, the cursor in it). */
  clear(): Promise<void>;
  /** Replace the document with these plain paragraphs (else the scenarios insert them into the emptied document). */
  load?(lines: string[]): Promise<void>;
  /** Replace the document with these paragraphs, those with listLevel numbered by one Word multilevel list (一、（一）…). */
  loadListNumbered?(paragraphs: LoadParagraph[]): Promise<void>;
  /** Put the cursor in the first section's footer. */
  cursorToFooter?(): Promise<void>;
  /** Turn 修订 (track changes) on or off. */
  setTrackChanges?(on: boolean): Promise<void>;
}

interface Scenario {
  id: string;
  name: string;
  needs?: Feature[];
  /** Why the scenario does not apply to this environment, or null. */
  notApplicable?(env: SelfTestEnv): string | null;
  run(env: SelfTestEnv, log: (line: string) => void): Promise<void>;
}

class Failed extends Error {}

function expect(ok: boolean, what: string, log: (line: string) => void): void {
  log(`${ok ? "✓" : "✕"} ${what}`);
  if (!ok) throw new Failed(what);
}

const texts = (s: DocSnapshot) => s.paragraphs.map((p) => p.text);
const OUTLINE = () => getOutline("personal-review");

/** Load plain paragraphs: through env.load where the host has it, else by inserting blocks into the emptied document. */
async function loadPlain(env: SelfTestEnv, lines: string[]): Promise<void> {
  if (env.load) return env.load(lines);
  await env.clear();
  await env.host.insertBlocks(
    lines.map((text) => ({ text, kind: "body" })),
    { kind: "after", paragraph: 0, expected: "" },
  );
}

/** The blocks' texts appear in the document, in order, as whole paragraphs. */
function inOrder(doc: string[], wanted: string[]): boolean {
  let i = 0;
  for (const t of doc) if (i < wanted.length && t === wanted[i]) i++;
  return i === wanted.length;
}

const SCENARIOS: Scenario[] = [
  {
    id: "read",
    name: "读取文档与光标",
    async run({ host }, log) {
      const snap = await host.snapshot();
      expect(snap.paragraphs.length >= 1, `读到 ${snap.paragraphs.length} 段`, log);
      const cur = await host.readCursor();
      expect(cur.paragraphCount === snap.paragraphs.length, `光标读取的段数 ${cur.paragraphCount} 与全文读取一致`, log);
      expect(cur.paragraph >= 0 && cur.paragraph < cur.paragraphCount, `光标在第 ${cur.paragraph + 1} 段`, log);
    },
  },
  {
    id: "outline",
    name: "插入完整提纲（个人对照检查材料）",
    async run(env, log) {
      await env.clear();
      const blocks = withFormat(skeletonBlocks(OUTLINE(), DEFAULT_VARIANT), "gbt");
      await env.host.insertBlocks(blocks, { kind: "after", paragraph: 0, expected: "" });
      const snap = await env.host.snapshot();
      expect(inOrder(texts(snap), blocks.map((b) => b.text)), `${blocks.length} 段按顺序出现在文档中`, log);
      expect(snap.paragraphs.length === blocks.length, `文档共 ${snap.paragraphs.length} 段（空白段被填充，没有多余空段）`, log);
      const doc = parseDocument(snap.paragraphs);
      expect(doc.type.id === "personal-review", `识别为个人对照检查材料（${doc.type.id}）`, log);
      const ones = doc.headings.filter((h) => h.level === 1 && h.marker).map((h) => h.marker);
      expect(ones.join("") === "一、二、三、", `一级标题序号 ${ones.join(" ")}`, log);
    },
  },
  {
    id: "fill-in",
    name: "插入提纲后选中第一个待填处",
    needs: ["selection"],
    async run(env, log) {
      await env.clear();
      const blocks = skeletonBlocks(OUTLINE(), DEFAULT_VARIANT);
      await env.host.insertBlocks(blocks, { kind: "after", paragraph: 0, expected: "" });
      const fill = /【[^】]*】/.exec(blocks.map((b) => b.text).join("\n"));
      if (!fill) throw new Failed("提纲中没有待填处");
      const snap = await env.host.snapshot();
      expect(snap.selectionText === fill[0], `选中 ${fill[0]}（实际选中“${snap.selectionText ?? ""}”）`, log);
    },
  },
  {
    id: "section-typed",
    name: "在手打序号的标题之间插入一节（其后序号顺延）",
    async run(env, log) {
      const outline = OUTLINE();
      const causes = outline.sections.find((s) => s.role === "causes");
      if (!causes) throw new Failed("提纲库中没有原因分析一节");
      const base = skeletonBlocks(outline, { ...DEFAULT_VARIANT, omit: new Set([causes.id]), placeholders: false });
      await loadPlain(env, base.map((b) => b.text));
      const before = await env.host.snapshot();
      const doc = parseDocument(before.paragraphs);
      const second = doc.headings.find((h) => h.level === 1 && h.marker === "二、");
      if (!second) throw new Failed("准备的文档中找不到“二、”标题");
      const at = second.paragraph - 1;
      const n = numberingAt(doc, at, 1);
      expect(n.marker === "二、" && !n.list, `新一节的序号为手打的“${n.marker}”`, log);
      const blocks = sectionBlocks(outline, causes, { ...DEFAULT_VARIANT, placeholders: false }, n, false);
      await env.host.insertBlocks(blocks, { kind: "after", paragraph: at, expected: before.paragraphs[at].text }, renumberFollowing(doc, at, n));
      const after = parseDocument((await env.host.snapshot()).paragraphs);
      const ones = after.headings.filter((h) => h.level === 1 && h.marker);
      expect(ones.map((h) => h.marker).join("") === "一、二、三、", `一级标题序号 ${ones.map((h) => h.marker).join(" ")}`, log);
      expect(ones.map((h) => h.role).join(",") === "problems,causes,measures", `编号的一级标题依次为 ${ones.map((h) => h.role).join("、")}`, log);
    },
  },
  {
    id: "section-list",
    name: "在自动编号（多级列表）的标题之间插入一节",
    notApplicable: (env) => (env.loadListNumbered ? null : "此环境无法建立会自动重排编号的多级列表"),
    async run(env, log) {
      const outline = OUTLINE();
      const heading = (role: string) => outline.sections.find((s) => s.role === role)?.heading ?? role;
      await env.loadListNumbered!([
        { text: "个人对照检查材料" },
        { text: heading("problems"), listLevel: 0 },
        { text: "问题的具体表现。" },
        { text: heading("measures"), listLevel: 0 },
        { text: "整改的具体措施。" },
      ]);
      const before = await env.host.snapshot();
      const labels = before.paragraphs.map((p) => p.listString ?? "").filter(Boolean);
      expect(labels.join("") === "一、二、", `准备的文档由列表编号：${labels.join(" ")}`, log);
      const doc = parseDocument(before.paragraphs);
      const at = 2;
      const n = numberingAt(doc, at, 1);
      expect(!!n.list && n.marker === "", "新一节加入同一列表，不手打序号", log);
      const causes = outline.sections.find((s) => s.role === "causes")!;
      const blocks = sectionBlocks(outline, causes, { ...DEFAULT_VARIANT, placeholders: false }, n, false);
      await env.host.insertBlocks(blocks, { kind: "after", paragraph: at, expected: before.paragraphs[at].text }, renumberFollowing(doc, at, n));
      const snap = await env.host.snapshot();
      const got = snap.paragraphs.map((p) => p.listString ?? "").filter(Boolean);
      expect(got.join("") === "一、二、三、", `列表编号变为 ${got.join(" ")}`, log);
      const inserted = snap.paragraphs.find((p) => p.text === blocks[0].text);
      expect(!!inserted && inserted.listString === "二、", `插入的标题编号为“${inserted?.listString ?? "无"}”，文字中没有手打序号`, log);
    },
  },
  {
    id: "snippet",
    needs: ["selection"],
    name: "在光标处插入短语并选中待填处",
    async run(env, log) {
      const snippet = builtinSnippets().find((s) => /【[^】]+】/.test(s.text) && !s.text.includes("\n"));
      if (!snippet) throw new Failed("短语库中没有带待填处的短语");
      await loadPlain(env, ["一、存在的问题", "在学习方面，"]);
      await env.host.select({ paragraph: 1, offset: "在学习方面，".length, length: 0 });
      await env.host.insertInline(snippet.text);
      const snap = await env.host.snapshot();
      expect(snap.paragraphs[1]?.text === "在学习方面，" + snippet.text, `短语接在光标之后：“${snap.paragraphs[1]?.text.slice(0, 30)}…”`, log);
      const fill = /【[^】]+】/.exec(snippet.text)![0];
      expect(snap.selectionText === fill, `选中待填处 ${fill}（实际选中“${snap.selectionText ?? ""}”）`, log);
    },
  },
  {
    id: "fixes",
    name: "应用修改建议（含一条已过时的）",
    async run(env, log) {
      await loadPlain(env, ["一是学习不够深入,满足于一般化。", "二是调查研究不够,情况掌握不全。"]);
      const snap = await env.host.snapshot();
      const comma = (i: number): Fix => {
        const offset = snap.paragraphs[i].text.indexOf(",");
        return { paragraph: i, offset, length: 1, expected: ",", text: "，" };
      };
      // The second paragraph changes after the fixes were computed (the user typed): its fix must be refused.
      await env.host.applyFixes([{ paragraph: 1, offset: 2, length: 7, expected: "调查研究不够,", text: "调研不深；" }]);
      const result = await env.host.applyFixes([comma(0), comma(1)]);
      expect(result.applied === 1 && result.skipped === 1, `应用 ${result.applied} 条，跳过 ${result.skipped} 条`, log);
      const after = texts(await env.host.snapshot());
      expect(after[0] === "一是学习不够深入，满足于一般化。", `第 1 段已改：${after[0]}`, log);
      expect(after[1] === "二是调研不深；情况掌握不全。", `第 2 段未被误改：${after[1]}`, log);
    },
  },
  {
    id: "jump",
    needs: ["selection"],
    name: "定位到问题（文字已变时选中整段）",
    async run(env, log) {
      await loadPlain(env, ["一、存在的问题", "理论学习不够深入系统。"]);
      await env.host.select({ paragraph: 1, offset: 2, length: 2, expected: "学习" });
      let snap = await env.host.snapshot();
      expect(snap.selectionText === "学习", `选中“${snap.selectionText ?? ""}”`, log);
      await env.host.select({ paragraph: 1, offset: 2, length: 2, expected: "调研" });
      snap = await env.host.snapshot();
      expect(snap.selectionText === "理论学习不够深入系统。", `文字不符时选中整段（实际“${snap.selectionText ?? ""}”）`, log);
    },
  },
  {
    id: "comments",
    name: "写入批注、再次写入（替换）与删除本工具批注",
    notApplicable: (env) => (env.host.writeComments && env.host.removeToolComments ? null : "此环境不能由加载项写入批注（Word 需要 WordApi 1.4）"),
    async run(env, log) {
      const lines = ["一、存在的问题", "参加集中学习XX次,发言准备不够充分。"];
      await loadPlain(env, lines);
      const snap = await env.host.snapshot();
      const at = snap.paragraphs.findIndex((p) => p.text === lines[1]);
      const text = snap.paragraphs[at]?.text ?? "";
      const comment = (message: string) => commentText({ severity: "warning", message });
      const requests: CommentRequest[] = [
        { paragraph: at, offset: text.indexOf("XX"), length: 2, whole: false, expected: "XX", text: comment("自检：待填处") },
        { paragraph: at, offset: text.indexOf(","), length: 1, whole: false, expected: ",", text: comment("自检：半角逗号") },
        { paragraph: at - 1, offset: 0, length: lines[0].length, whole: true, expected: lines[0], text: comment("自检：整段批注") },
      ];
      // A place whose text is no longer what the check saw: refused, counted.
      const stale: CommentRequest = { paragraph: at, offset: 0, length: 2, whole: false, expected: "调研", text: comment("自检：过时的位置") };
      const first = await env.host.writeComments!([...requests, stale]);
      expect(first.written === 3 && first.skipped === 1, `写入 ${first.written} 条，跳过已变的 ${first.skipped} 处`, log);
      // Writing again reads the comments back and recognises its own by the prefix: the 3 are replaced, not doubled.
      const again = await env.host.writeComments!(requests);
      expect(again.removed === 3 && again.written === 3, `再次写入：替换 ${again.removed} 条，写入 ${again.written} 条`, log);
      const removed = await env.host.removeToolComments!();
      expect(removed === 3, `删除本工具批注 ${removed} 条`, log);
      const left = await env.host.removeToolComments!();
      expect(left === 0, `删除后没有剩余的本工具批注（${left}）`, log);
      expect(texts(await env.host.snapshot()).includes(lines[1]), "正文文字未被改动", log);
    },
  },
  {
    id: "empty-line",
    needs: ["selection"],
    name: "光标在空行时插入",
    async run(env, log) {
      await loadPlain(env, ["一、存在的问题", "", "问题的具体表现。"]);
      await env.host.select({ paragraph: 1, offset: 0, length: 0 });
      const snap = await env.host.snapshot();
      const at = snap.cursorEnd ?? snap.cursor;
      expect(at === 1, `光标在第 ${at + 1} 段（空行）`, log);
      const blocks: Block[] = [{ text: "（一）理论学习方面", kind: "heading", level: 2 }];
      await env.host.insertBlocks(blocks, { kind: "after", paragraph: at, expected: "" });
      const after = texts(await env.host.snapshot());
      expect(after.join("|") === "一、存在的问题|（一）理论学习方面|问题的具体表现。", `空行被插入的内容填充：${after.join(" / ")}`, log);
    },
  },
  {
    id: "footer",
    name: "光标在页脚时读取与插入",
    notApplicable: (env) => (env.cursorToFooter ? null : "此环境没有页脚"),
    async run(env, log) {
      await loadPlain(env, ["一、存在的问题", "问题的具体表现。"]);
      await env.cursorToFooter!();
      const cur = await env.host.readCursor();
      expect(cur.outsideBody, "光标读取报告光标在正文之外", log);
      const snap = await env.host.snapshot();
      expect(snap.paragraphs.length === 2, `全文读取仍是正文的 ${snap.paragraphs.length} 段`, log);
      const at = snap.cursorEnd ?? snap.cursor;
      expect(at === 1, `光标按文末处理（第 ${at + 1} 段）`, log);
      await env.host.insertBlocks([{ text: "二、原因分析", kind: "heading", level: 1 }], { kind: "after", paragraph: at, expected: snap.paragraphs[at].text });
      const after = texts(await env.host.snapshot());
      expect(after[2] === "二、原因分析", "新段落插在正文末尾，没有进入页脚", log);
    },
  },
  {
    id: "format",
    needs: ["fonts"],
    name: "一键排版与撤销排版",
    async run(env, log) {
      await env.clear();
      await env.host.insertBlocks(skeletonBlocks(OUTLINE(), { ...DEFAULT_VARIANT, placeholders: false }), { kind: "after", paragraph: 0, expected: "" });
      const snap = await env.host.snapshot();
      const before = await env.host.readFormats();
      const plan = planFormatting(parseDocument(snap.paragraphs));
      const result = await env.host.applyFormatting(plan);
      expect(result.applied === plan.paragraphs.length && result.skipped === 0, `排版 ${result.applied}/${plan.paragraphs.length} 段`, log);
      for (const n of result.notes) log(`  说明：${n}`);
      const mid = await env.host.readFormats();
      const h1 = parseDocument(snap.paragraphs).headings.find((h) => h.level === 1)!;
      const body = plan.paragraphs.find((p) => p.kind === "body");
      expect(mid.paragraphs[h1.paragraph].font === "黑体", `一级标题字体 ${mid.paragraphs[h1.paragraph].font}`, log);
      if (body) expect(mid.paragraphs[body.paragraph].sizePt === 16, `正文字号 ${mid.paragraphs[body.paragraph].sizePt} 磅`, log);
      const restored = await env.host.restoreFormatting(result.backup);
      expect(restored.restored === result.applied, `撤销排版还原 ${restored.restored} 段`, log);
      const after = await env.host.readFormats();
      const keys: (keyof ParagraphFormatState)[] = ["styleBuiltIn", "font", "sizePt", "bold", "alignment", "firstLineIndentPt"];
      const differ = before.paragraphs.flatMap((p, i) => keys.filter((k) => JSON.stringify(p[k]) !== JSON.stringify(after.paragraphs[i]?.[k])).map((k) => `第 ${i + 1} 段 ${k}`));
      expect(differ.length === 0, differ.length ? `还原后仍不同：${differ.slice(0, 5).join("、")}` : "每段的样式、字体、字号、加粗、对齐、首行缩进都回到排版前", log);
    },
  },
  {
    id: "styles",
    name: "添加公文样式后插入提纲、一键排版与撤销排版",
    notApplicable: (env) => (env.host.defineStyles ? null : "此 Word 不能由加载项添加样式（需要 WordApi 1.5），一键排版按段设置格式"),
    async run(env, log) {
      await env.clear();
      const added = await env.host.defineStyles!(gongwenStylesPackage(), gongwenStyleDefs());
      expect(added.defs.length === GONGWEN_STYLES.length, `文档中有 ${added.defs.length} 个公文样式`, log);
      for (const n of added.notes) log(`  说明：${n}`);
      // A formatted outline takes the styles as it is inserted.
      const blocks = withFormat(skeletonBlocks(OUTLINE(), DEFAULT_VARIANT), "gbt");
      await env.host.insertBlocks(blocks, { kind: "after", paragraph: 0, expected: "" });
      let snap = await env.host.snapshot();
      let formats = await env.host.readFormats();
      const styleOf = (text: string) => formats.paragraphs[texts(snap).indexOf(text)]?.style;
      const h1 = blocks.find((b) => b.kind === "heading" && b.level === 1)!.text;
      const body = blocks.find((b) => b.kind === "body")!.text;
      expect(styleOf(h1) === "公文一级标题" && styleOf(body) === "公文正文", `插入的一级标题样式“${styleOf(h1)}”，正文样式“${styleOf(body)}”`, log);
      // 一键排版 on plain paragraphs gives them the styles; 撤销排版 puts each paragraph's style back.
      await loadPlain(env, blocks.map((b) => b.text));
      await env.host.defineStyles!(gongwenStylesPackage(), gongwenStyleDefs());
      snap = await env.host.snapshot();
      const before = (await env.host.readFormats()).paragraphs.map((p) => p.style);
      const result = await env.host.applyFormatting(planFormatting(parseDocument(snap.paragraphs)));
      formats = await env.host.readFormats();
      expect(styleOf(h1) === "公文一级标题" && styleOf(body) === "公文正文", `一键排版后一级标题样式“${styleOf(h1)}”，正文样式“${styleOf(body)}”`, log);
      for (const n of result.notes) log(`  说明：${n}`);
      await env.host.restoreFormatting(result.backup);
      const after = (await env.host.readFormats()).paragraphs.map((p) => p.style);
      const differ = before.filter((st, i) => st !== after[i]).length;
      expect(differ === 0, differ ? `撤销排版后仍有 ${differ} 段样式不同` : "撤销排版后每段的样式都回到排版前", log);
    },
  },
  {
    id: "track-changes",
    name: "修订（跟踪更改）打开时插入与修改",
    notApplicable: (env) => (env.setTrackChanges ? null : "此环境没有修订功能"),
    async run(env, log) {
      await env.clear();
      await env.setTrackChanges!(true);
      try {
        const blocks = skeletonBlocks(OUTLINE(), { ...DEFAULT_VARIANT, placeholders: false });
        await env.host.insertBlocks(blocks, { kind: "after", paragraph: 0, expected: "" });
        let snap = await env.host.snapshot();
        expect(inOrder(texts(snap), blocks.map((b) => b.text)), `修订状态下插入的 ${blocks.length} 段可读回`, log);
        const i = snap.paragraphs.findIndex((p) => p.text.startsWith("一、"));
        const r = await env.host.applyFixes([{ paragraph: i, offset: 0, length: 2, expected: "一、", text: "一、" }]);
        expect(r.applied === 1, "修订状态下应用修改建议", log);
        snap = await env.host.snapshot();
        expect(snap.paragraphs[i].text.startsWith("一、") && !snap.paragraphs[i].text.startsWith("一、一、"), `修改后段落文字为“${snap.paragraphs[i].text}”（被删除的修订文字不计入）`, log);
      } finally {
        await env.setTrackChanges!(false);
      }
    },
  },
];

export const SCENARIO_LIST: readonly { id: string; name: string }[] = SCENARIOS.map(({ id, name }) => ({ id, name }));

/** Whether the document is empty: the self-test refuses to run on anything else. */
export function isEmptyDocument(snap: DocSnapshot): boolean {
  return snap.paragraphs.every((p) => p.text.trim() === "") && snap.paragraphs.length <= 3;
}

/** Run every scenario (or those in `only`) in order; each starts from a document it prepares itself, and the last one's document is left for the user to look at. */
export async function runSelfTest(env: SelfTestEnv, onResult?: (r: ScenarioResult) => void, only?: readonly string[]): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const s of SCENARIOS) {
    if (only && !only.includes(s.id)) continue;
    const started = Date.now();
    const details: string[] = [];
    const lacking = s.needs?.find((f) => env.lacks?.[f]);
    const na = lacking ? env.lacks![lacking]! : (s.notApplicable?.(env) ?? null);
    let outcome: Outcome;
    if (na) {
      outcome = "不适用";
      details.push(na);
    } else {
      try {
        await s.run(env, (l) => details.push(l));
        outcome = "通过";
      } catch (e) {
        outcome = "失败";
        if (!(e instanceof Failed)) details.push(`✕ 出错：${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
    }
    const r = { id: s.id, name: s.name, outcome, details, ms: Date.now() - started };
    results.push(r);
    onResult?.(r);
  }
  return results;
}

/** The report to copy and send back: environment, one line per scenario, then the details of each. */
export function selfTestReport(env: { describe: string }, results: readonly ScenarioResult[], when = new Date()): string {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const lines = [
    `提纲助手自检报告 ${when.toISOString()}`,
    `环境：${env.describe}`,
    `结果：通过 ${count("通过")}，失败 ${count("失败")}，不适用 ${count("不适用")}`,
    "",
    ...results.map((r) => `[${r.outcome}] ${r.id} ${r.name}（${r.ms} ms）`),
    "",
  ];
  for (const r of results) {
    lines.push(`## ${r.id} ${r.name}：${r.outcome}`, ...r.details.map((d) => `  ${d}`));
  }
  return lines.join("\n");
}
