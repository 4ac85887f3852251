// The 提纲 tab: the standard outline of the chosen type with 写作要点, inserting the whole skeleton or one section
// numbered to continue the document, and 下一步: the required sections still missing, each inserted where it belongs.
// Big inserts ask first when the document already has the content (naming what it has); every insert reports 已插入 N 段.
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { Badge, Button, Checkbox, Divider, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { docTypeName, roleName, type DocTypeId, type Role } from "../../core/model";
import { sectionPresence } from "../../core/check/rules/missingSection";
import { joinedRoles } from "../../core/parse/roles";
import { displayMarker } from "../../core/parse/parseDocument";
import { useLayoutStyles } from "../layout";
import { documentVariant, getOutline, isRequired, meetingsOf, type OutlineVariant } from "../../core/outlines/library";
import { focusNotice, shippedFocus } from "../../core/outlines/focus";
import { MEETING_KIND_IDS, meetingName, meetingYear, type MeetingKind } from "../../core/outlines/meetings";
import { yearFocusOnce, type LoadedFocus } from "../yearFocus";
import type { Outline, OutlineSection, OutlineSubsection } from "../../core/outlines/schema";
import { missingSections, numberingAt, renumberFollowing, sectionBlocks, sectionIncluded, skeletonBlocks, subsectionBlocks, type HeadingNumbering, type SkeletonOptions } from "../../core/outlines/skeleton";
import type { Fix } from "../../core/check/types";
import { withFormat } from "../../core/format/gbt9704";
import { sectionAt, type ParsedDocument } from "../../core/parse/parseDocument";
import type { Block } from "../../core/blocks";
import { loadOutlinePrefs, saveOutlinePrefs, type OutlinePrefs } from "../outlinePrefs";
import { TypePicker } from "./StructureView";
import type { TabProps } from "./types";

/** What one insert puts in: the blocks, and the later typed headings it pushes down. */
interface Insertion {
  blocks: Block[];
  renumber: Fix[];
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "end" },
  section: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: "6px", padding: "6px 8px", display: "flex", flexDirection: "column", gap: "4px" },
  sectionHead: { display: "flex", alignItems: "center", gap: "6px", justifyContent: "space-between" },
  title: { fontWeight: 600, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  guidance: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, backgroundColor: tokens.colorNeutralBackground2, padding: "4px 6px", borderRadius: "4px" },
  sub: { display: "flex", alignItems: "center", gap: "4px", paddingLeft: "8px" },
  subNote: { color: tokens.colorNeutralForeground3, paddingLeft: "36px" },
  missing: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "6px" },
  sectionActions: { display: "flex", gap: "4px", alignItems: "center", flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export default function OutlineTab({ host, state }: TabProps) {
  const styles = useStyles();
  const { doc, snapshot } = state;
  const type: DocTypeId = state.type ?? "personal-review";
  const [prefs, setPrefsState] = useState<OutlinePrefs>(loadOutlinePrefs);
  const setPrefs = (p: Partial<OutlinePrefs>) => {
    const next = { ...prefs, ...p };
    setPrefsState(next);
    saveOutlinePrefs(next);
  };
  const [titleId, setTitleId] = useState<string | undefined>(undefined);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [chosen, setChosen] = useState<Record<string, Set<string>>>({});
  const [withSubs, setWithSubs] = useState(true);
  const [text, setText] = useState("");
  const [loaded, setLoaded] = useState<LoadedFocus | null>(null);
  useEffect(() => {
    let live = true;
    void yearFocusOnce().then((l) => live && setLoaded(l));
    return () => {
      live = false;
    };
  }, []);
  const focus = loaded?.focus ?? shippedFocus();
  // The meeting: what the user picked for this document, else what the document says, else their default; a type
  // written for inspections only (整改部署讲话, 整改落实情况报告) offers those.
  const [picked, setPicked] = useState<Partial<OutlineVariant>>({});
  const said = doc ? documentVariant(doc) : {};
  const served = meetingsOf(type);
  const wanted = picked.meeting ?? said.meeting ?? prefs.meeting;
  const meeting = served.includes(wanted) ? wanted : served[0];
  const topic = picked.topic ?? (said.meeting === "topic" ? said.topic : undefined) ?? prefs.topic;
  const campaign = picked.campaign ?? (said.meeting === "campaign" ? said.campaign : undefined) ?? (prefs.campaign || focus.campaign?.name || "");
  const year = said.year ?? meetingYear(new Date());
  const pick = (v: Partial<OutlineVariant>) => {
    setPicked({ ...picked, ...v });
    setPrefs(v as Partial<OutlinePrefs>);
  };
  const notice = meeting === "annual" ? focusNotice(focus, year) : null;
  const confirmed = prefs.focusConfirmed === `${year}:${focus.year}`;

  const outline = useMemo(() => getOutline(type, { meeting, topic, campaign, year, focus, titleId }), [type, meeting, topic, campaign, year, focus, titleId]);
  const chosenKey = `${type}:${meeting}`;
  const subs = chosen[chosenKey] ?? new Set(outline.sections.flatMap((s) => s.subsections.filter((x) => x.default).map((x) => x.id)));
  const opts: SkeletonOptions = { meeting, topic, campaign, year, focus, titleId, subsections: subs };

  const layout = useLayoutStyles();
  /** An insert waiting for the user's 仍然插入: what to say, and where (the full outline, or one section's id). */
  const [pending, setPending] = useState<{ at: string; message: string; run: () => Promise<unknown> } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const ask = (at: string, message: string, run: () => Promise<unknown>) => {
    setStatus(null);
    setPending({ at, message, run });
  };
  const reportInserted = (n: number) => {
    const line = `已插入 ${n} 段。如需撤销，在 Word 中按 Ctrl+Z，或选中这些段落删除。`;
    setStatus(line);
    state.announce(`已插入 ${n} 段`);
  };

  const after = snapshot ? snapshot.cursorEnd ?? snapshot.cursor : 0;
  const formatted = (blocks: Block[]) => withFormat(blocks, prefs.format);
  /** Insert after the paragraph where the selection ends (never over it), computing blocks from a fresh read. */
  const insertAtCursor = (make: (doc: ParsedDocument, at: number) => Block[] | Insertion) =>
    state.actAtCursor(async (snap, fresh) => {
      const at = snap.cursorEnd ?? snap.cursor;
      const made = make(fresh, at);
      const { blocks, renumber } = Array.isArray(made) ? { blocks: made, renumber: [] } : made;
      await host.insertBlocks(formatted(blocks), { kind: "after", paragraph: at, expected: snap.paragraphs[at]?.text ?? "" }, renumber);
      reportInserted(blocks.length);
    });
  /** Insert after a paragraph computed from the last read (下一步); a stale position is refused by the host. */
  const insertAfter = ({ blocks, renumber }: Insertion, paragraph: number) =>
    state.act(async () => {
      if (!snapshot) throw new Error("尚未读取文档");
      await host.insertBlocks(formatted(blocks), { kind: "after", paragraph, expected: snapshot.paragraphs[paragraph]?.text ?? "" }, renumber);
      reportInserted(blocks.length);
    });

  /** A heading inserted amid typed numbering pushes the later ones down (二、 → 三、) in the same batch. */
  const numbered = (d: ParsedDocument, at: number, level: 1 | 2, make: (n: HeadingNumbering) => Block[]): Insertion => {
    const n = numberingAt(d, at, level);
    return { blocks: make(n), renumber: renumberFollowing(d, at, n) };
  };
  const insertSection = (section: OutlineSection) =>
    insertAtCursor((d, at) => (section.numbered ? numbered(d, at, 1, (n) => sectionBlocks(outline, section, opts, n, withSubs)) : sectionBlocks(outline, section, opts, null, withSubs)));
  const insertSubsection = (sub: OutlineSubsection) => insertAtCursor((d, at) => numbered(d, at, 2, (n) => subsectionBlocks(outline, sub, opts, n)));
  const missing = doc ? missingSections(doc, outline, opts) : [];
  const here = doc ? sectionAt(doc, after) : null;
  const empty = !!snapshot && snapshot.paragraphs.every((p) => !p.text.trim());
  const present = doc ? presentRoles(doc) : new Set<Role>();
  /** What the document already has, in words: the reason to ask before a second full outline. */
  const has = () => {
    if (!doc || !snapshot) return "";
    const nonBlank = snapshot.paragraphs.filter((p) => p.text.trim()).length;
    const heads = doc.headings.map((h) => `${displayMarker(h)}${h.title.length > 10 ? h.title.slice(0, 10) + "…" : h.title}`);
    const title = doc.title >= 0 ? `标题《${doc.titleText.length > 20 ? doc.titleText.slice(0, 20) + "…" : doc.titleText}》` : "";
    const parts = [title, heads.length ? `${heads.length} 个一级标题（${heads.slice(0, 4).join("；")}${heads.length > 4 ? "；…" : ""}）` : ""].filter(Boolean);
    return `文档已有 ${nonBlank} 段文字${parts.length ? `，包括${parts.join("和 ")}` : ""}。`;
  };
  const insertFull = () => {
    const run = () => insertAtCursor(() => skeletonBlocks(outline, opts));
    if (empty) return void run();
    ask("full", `${has()}在光标处再插入完整提纲，会多出第二个标题和整套部分。确定要插入吗？`, run);
  };
  const insertSectionAsking = (section: OutlineSection) => {
    const run = () => insertSection(section);
    if (!present.has(section.role) || !ownRole(outline, section)) return void run();
    const name = section.heading ?? roleName(section.role);
    ask(section.id, `文档已有“${roleName(section.role)}”部分。再插入“${name}”会出现两处同一部分。确定要插入吗？`, run);
  };
  const confirm = (at: string) =>
    pending?.at === at && (
      <MessageBar intent="warning" data-testid="insert-confirm" layout="multiline">
        <MessageBarBody>{pending.message}</MessageBarBody>
        <MessageBarActions>
          <Button
            size="small"
            appearance="primary"
            onClick={() => {
              const run = pending.run;
              setPending(null);
              void run();
            }}
            data-testid="insert-confirm-yes"
          >
            仍然插入
          </Button>
          <Button size="small" onClick={() => setPending(null)} data-testid="insert-confirm-no">
            取消
          </Button>
        </MessageBarActions>
      </MessageBar>
    );

  return (
    <div className={styles.root}>
      <TypePicker state={state} />
      <div className={styles.row}>
        <Field label="会议" hint={!picked.meeting && said.meeting && said.meeting === meeting ? "按文档识别" : served.length < MEETING_KIND_IDS.length ? `${docTypeName(type)}只用于巡视、巡察整改` : undefined}>
          <Select value={meeting} onChange={(_, d) => pick({ meeting: d.value as MeetingKind })} data-testid="variant-meeting">
            {served.map((k) => (
              <option key={k} value={k}>
                {meetingName(k)}
              </option>
            ))}
          </Select>
        </Field>
        {outline.titles.length > 1 && (
          <Field label="标题">
            <Select value={titleId ?? outline.titles[0].id} onChange={(_, d) => setTitleId(d.value)}>
              {outline.titles.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {meeting === "topic" && (
        <Field label="专题名称" hint="填入标题和开头，如：落实全面从严治党主体责任">
          <Input value={topic} onChange={(_, d) => pick({ topic: d.value })} placeholder="专题名称" data-testid="meeting-topic" />
        </Field>
      )}
      {meeting === "campaign" && (
        <Field
          label="学习教育名称"
          hint={
            focus.campaign && campaign !== focus.campaign.name
              ? "与年度重点文件所列学习教育不同，查摆方面按通用提纲"
              : focus.campaign && focus.campaign.year < year
                ? `年度重点文件所列为${focus.campaign.year}年的学习教育，请以本次会议通知为准`
                : undefined
          }
        >
          <Input value={campaign} onChange={(_, d) => pick({ campaign: d.value })} placeholder={focus.campaign?.name ?? "学习教育名称"} data-testid="meeting-campaign" />
        </Field>
      )}
      {meeting === "annual" && (
        <div data-testid="focus-year">
          <Text size={200} block className={styles.muted}>
            会议年度：{year}年度。对照检查重点：{focus.label}（{focus.source.publisher} {focus.source.date}；{loaded?.from === "file" ? "读自年度重点文件" : "加载项内置"}）。
          </Text>
          {notice && !confirmed && (
            <MessageBar intent="warning" layout="multiline" data-testid="focus-notice">
              <MessageBarBody>
                {year}年度的对照检查重点尚未收录。{notice}。
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => setPrefs({ focusConfirmed: `${year}:${focus.year}` })} data-testid="focus-confirm">
                  已对照通知，确认
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {notice && confirmed && (
            <Text size={200} block data-testid="focus-confirmed">
              已确认：{year}年度会议按{focus.year}年度重点编写（{notice}）。
            </Text>
          )}
        </div>
      )}
      {loaded?.warning && (
        <MessageBar intent="error" data-testid="focus-warning">
          <MessageBarBody>{loaded.warning}</MessageBarBody>
        </MessageBar>
      )}
      <Checkbox checked={prefs.format === "gbt"} onChange={(_, d) => setPrefs({ format: d.checked ? "gbt" : "plain" })} label="按国标（GB/T 9704）设置字体字号；取消则沿用文档自身样式" />
      <div className={layout.actions}>
        {/* The primary way in for a new document only: in a document with text, a second outline is rarely wanted. */}
        <Button appearance={empty ? "primary" : "secondary"} className={layout.nowrap} onClick={insertFull} disabled={!snapshot} data-testid="insert-full-outline" data-appearance={empty ? "primary" : "secondary"}>
          {empty ? "插入完整提纲" : "在光标处插入完整提纲"}
        </Button>
      </div>
      {confirm("full")}
      {status && (
        <Text size={200} role="status" data-testid="insert-status">
          {status}
        </Text>
      )}
      <Text size={200} className={styles.muted} data-testid="cursor-place">
        光标位于：第 {after + 1} 段{here ? `（${here.marker}${here.title}）` : ""}。插入内容放在光标所在段落之后，不会覆盖选中的文字。
      </Text>

      {missing.length > 0 && (
        <section aria-label="下一步" data-testid="next-steps">
          <Text weight="semibold">下一步：文档还缺少</Text>
          {missing.map((m) => (
            <div key={m.section.id} className={styles.missing}>
              <Text>{m.section.heading ?? roleName(m.section.role)}</Text>
              <Button size="small" className={layout.nowrap} onClick={() => void insertMissing(m.section, m.after)} data-testid="insert-missing">
                插入到应在位置
              </Button>
            </div>
          ))}
        </section>
      )}

      <Divider />
      <Text weight="semibold">{outline.name}标准提纲</Text>
      <Checkbox checked={withSubs} onChange={(_, d) => setWithSubs(!!d.checked)} label="插入此节时包含勾选的二级标题" />
      {outline.sections.map((section) => (
        <SectionNode
          key={section.id}
          section={section}
          opts={opts}
          open={!!expanded[section.id]}
          onToggle={() => setExpanded({ ...expanded, [section.id]: !expanded[section.id] })}
          chosen={subs}
          onChoose={(id, on) => {
            const next = new Set(subs);
            if (on) next.add(id);
            else next.delete(id);
            setChosen({ ...chosen, [chosenKey]: next });
          }}
          onInsert={() => insertSectionAsking(section)}
          onInsertSub={(sub) => void insertSubsection(sub)}
          present={present.has(section.role) && ownRole(outline, section)}
          confirm={confirm(section.id)}
          styles={styles}
        />
      ))}

      <Divider />
      <Field label="插入一段文字">
        <Input value={text} onChange={(_, d) => setText(d.value)} placeholder="输入文字，插入到光标所在段落之后" data-testid="paragraph-input" />
      </Field>
      <Button onClick={() => void insertAtCursor(() => [{ text, kind: "body" }])} disabled={!text.trim() || !snapshot} data-testid="insert-paragraph">
        在光标处插入段落
      </Button>
    </div>
  );

  function insertMissing(section: OutlineSection, at: number) {
    if (!doc) return;
    const d = doc;
    return insertAfter(section.numbered ? numbered(d, at, 1, (n) => sectionBlocks(outline, section, opts, n, true)) : { blocks: sectionBlocks(outline, section, opts, null, true), renumber: [] }, at);
  }
}

function SectionNode(props: {
  section: OutlineSection;
  opts: SkeletonOptions;
  open: boolean;
  onToggle: () => void;
  chosen: Set<string>;
  onChoose: (id: string, on: boolean) => void;
  onInsert: () => void;
  onInsertSub: (sub: OutlineSubsection) => void;
  /** The document already has this part (已有): inserting it again asks first. */
  present: boolean;
  /** The question asked before inserting it again, shown under the section. */
  confirm: ReactNode;
  styles: ReturnType<typeof useStyles>;
}) {
  const { section, opts, open, styles } = props;
  const layout = useLayoutStyles();
  const required = isRequired(section, opts);
  const included = sectionIncluded(section, opts);
  const name = section.heading ?? roleName(section.role);
  return (
    <div className={styles.section} data-testid="outline-section">
      <div className={styles.sectionHead}>
        <Button appearance="transparent" size="small" onClick={props.onToggle} aria-expanded={open} title={name} style={{ minWidth: 0, flexShrink: 1, overflow: "hidden", justifyContent: "flex-start", padding: 0 }}>
          <span className={styles.title}>
            {open ? "▾" : "▸"} {name}
          </span>
        </Button>
        <span className={styles.sectionActions}>
          {props.present ? (
            <Badge size="small" appearance="filled" color="success" className={layout.nowrap} data-testid="section-present">
              已有
            </Badge>
          ) : required ? (
            <Badge size="small" appearance="tint" color="danger" className={layout.nowrap}>
              必备
            </Badge>
          ) : (
            <Badge size="small" appearance="tint" color="informative" className={layout.nowrap}>
              {included ? "可选" : "年度会"}
            </Badge>
          )}
          <Button size="small" className={layout.nowrap} onClick={props.onInsert} data-testid="insert-section" aria-label={`插入此节：${name}`}>
            插入此节
          </Button>
        </span>
      </div>
      {props.confirm}
      {open && (
        <>
          <Text className={styles.guidance} block>
            写作要点：{section.guidance}
          </Text>
          {section.variants.length > 0 && (
            <Text size={200} block>
              常见标题：{section.variants.join("／")}
            </Text>
          )}
          {section.subsections.map((sub) => (
            <div key={sub.id} data-testid="outline-subsection">
              <div className={styles.sub}>
                <Checkbox size="medium" checked={props.chosen.has(sub.id)} onChange={(_, d) => props.onChoose(sub.id, !!d.checked)} label={sub.heading} />
                <Button size="small" appearance="subtle" onClick={() => props.onInsertSub(sub)} title="在光标处插入这个二级标题" aria-label={`插入二级标题：${sub.heading}`}>
                  插入
                </Button>
              </div>
              {(sub.variants.length > 0 || sub.guidance) && (
                <Text size={200} block className={styles.subNote}>
                  {sub.variants.length > 0 && `亦作：${sub.variants.join("／")}`}
                  {sub.variants.length > 0 && sub.guidance ? "。" : ""}
                  {sub.guidance}
                </Text>
              )}
            </div>
          ))}
        </>
      )}
    </div>
  );
}

/** Roles of the parts the document has: its level-1 headings (a joined heading counts for both), its opening, its closing, its title. */
function presentRoles(doc: ParsedDocument): Set<Role> {
  const roles = new Set<Role>();
  for (const h of doc.headings) {
    if (!h.role) continue;
    roles.add(h.role);
    for (const r of joinedRoles(h.title, doc.type.id)) roles.add(r);
  }
  for (const s of sectionPresence(doc)) if (s.present) roles.add(s.role);
  if (doc.title >= 0) roles.add("title");
  return roles;
}

/** A speech's points share one role among several sections: only a part with a role of its own is "已有" by its role. */
function ownRole(outline: Outline, section: OutlineSection): boolean {
  return outline.sections.filter((s) => s.role === section.role).length === 1;
}
